import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxGroup,
  DataList,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  Table,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { MemberRecord } from './store.js';

type Errors = Record<string, string | undefined>;

const roleOptions = (page: PageContext, roles: string[]) =>
  roles.map((r) => ({ value: r, label: page.t(`role.${r}`) }));

export function UsersPage({
  page,
  users,
  notice,
}: {
  page: PageContext;
  users: MemberRecord[];
  notice?: string;
}) {
  const { t } = page;
  return (
    <>
      <Heading>{t('users.title', { organisation: page.session!.actor.organisationName ?? '' })}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <Paragraph>{t('users.intro')}</Paragraph>
      <Paragraph>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/gebruikers/nieuw"
        >
          {t('users.add')}
        </a>
      </Paragraph>
      <Table
        caption={t('users.title', { organisation: page.session!.actor.organisationName ?? '' })}
        head={[
          t('users.col.name'),
          t('users.col.email'),
          t('users.col.roles'),
          t('users.col.status'),
          t('users.col.secondFactor'),
        ]}
        rows={users.map((u) => [
          <Link href={`/gebruikers/${u.userId}`}>{u.displayName}</Link>,
          u.email,
          u.roles.map((r) => t(`role.${r}`)).join(', '),
          t(`users.status.${u.status}`),
          u.secondFactor ? t('common.yes') : t('common.no'),
        ])}
      />
    </>
  );
}

export function NewUserPage({
  page,
  roles,
  values,
  errors,
}: {
  page: PageContext;
  roles: string[];
  values: { email?: string; displayName?: string; roles?: string[] };
  errors: Errors;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('users.new.title')}</Heading>
      <ErrorSummary
        errors={{ displayName: errors.displayName, email: errors.email, roles: errors.roles }}
        title={t('common.errorSummary')}
      />
      <Paragraph>{t('users.new.intro')}</Paragraph>
      <Form action="/gebruikers" csrf={page.csrf} label={t('users.new.title')}>
        <TextField
          name="displayName"
          label={t('users.field.name')}
          value={values.displayName}
          error={errors.displayName}
          autocomplete="off"
          required
        />
        <TextField
          name="email"
          type="email"
          label={t('users.field.email')}
          value={values.email}
          error={errors.email}
          autocomplete="off"
          required
        />
        <CheckboxGroup
          name="roles"
          legend={t('users.field.roles')}
          options={roleOptions(page, roles)}
          values={values.roles ?? []}
          error={errors.roles}
        />
        <ButtonGroup>
          <Button>{t('users.add')}</Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

function ActivationCode({ page, name, code }: { page: PageContext; name: string; code: string }) {
  return (
    <>
      <Alert type="ok">{page.t('users.created.code', { name })}</Alert>
      <p class="utrecht-paragraph">
        <code class="app-code" data-testid="activation-code">
          {code}
        </code>
      </p>
    </>
  );
}

/** A heading, an explanation and one button that posts to `action`. */
function ActionForm({
  page,
  action,
  title,
  help,
}: {
  page: PageContext;
  action: string;
  title: string;
  help: string;
}) {
  return (
    <>
      <Heading level={2}>{title}</Heading>
      <Paragraph>{help}</Paragraph>
      <Form action={action} csrf={page.csrf} label={title}>
        <ButtonGroup>
          <Button variant="secondary">{title}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

export function UserCreatedPage({
  page,
  user,
  activationCode,
}: {
  page: PageContext;
  user: MemberRecord;
  activationCode?: string | undefined;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('users.created.title')}</Heading>
      {activationCode ? (
        <>
          <ActivationCode page={page} name={user.displayName} code={activationCode} />
          <Paragraph>{t('users.created.how', { url: '/activeren' })}</Paragraph>
        </>
      ) : (
        <Alert type="ok">{t('users.created.existing', { name: user.displayName })}</Alert>
      )}
      <Paragraph>
        <Link href="/gebruikers">{t('common.back')}</Link>
      </Paragraph>
    </div>
  );
}

export function UserPage({
  page,
  user,
  roles,
  errors,
  notice,
  activationCode,
}: {
  page: PageContext;
  user: MemberRecord;
  roles: string[];
  errors: Errors;
  notice?: string;
  activationCode?: string;
}) {
  const { t } = page;
  return (
    <>
      <Heading>{t('users.detail.title', { name: user.displayName })}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <ErrorSummary errors={errors} title={t('common.errorSummary')} />
      {activationCode && <ActivationCode page={page} name={user.displayName} code={activationCode} />}
      <DataList
        items={[
          [t('users.col.email'), user.email],
          [t('users.col.status'), t(`users.status.${user.status}`)],
          [t('users.col.secondFactor'), user.secondFactor ? t('common.yes') : t('common.no')],
        ]}
      />
      <div class="app-narrow">
        <Heading level={2}>{t('users.detail.roles')}</Heading>
        <Form action={`/gebruikers/${user.userId}/rollen`} csrf={page.csrf} label={t('users.detail.roles')}>
          <CheckboxGroup
            name="roles"
            legend={t('users.field.roles')}
            options={roleOptions(page, roles)}
            values={user.roles}
            error={errors.roles}
          />
          <ButtonGroup>
            <Button>{t('common.save')}</Button>
          </ButtonGroup>
        </Form>
        <ActionForm
          page={page}
          action={`/gebruikers/${user.userId}/activering`}
          title={t('users.detail.reset')}
          help={t('users.detail.resetHelp')}
        />
        <ActionForm
          page={page}
          action={`/gebruikers/${user.userId}/verwijderen`}
          title={t('users.detail.remove')}
          help={t('users.detail.removeHelp')}
        />
        <Paragraph>
          <Link href="/gebruikers">{t('common.back')}</Link>
        </Paragraph>
      </div>
    </>
  );
}
