import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';

type Errors = Record<string, string | undefined>;

export function LoginPage({
  page,
  email,
  error,
  notice,
  providers,
  back,
}: {
  page: PageContext;
  email?: string;
  error?: string;
  notice?: string;
  providers: { id: string; name: string }[];
  back?: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('login.title')}</Heading>
      {notice && <Alert type="info">{notice}</Alert>}
      {error && <Alert type="error">{error}</Alert>}
      <Paragraph>{t('login.intro')}</Paragraph>
      <Form
        action={back ? `/inloggen?terug=${encodeURIComponent(back)}` : '/inloggen'}
        csrf={page.csrf}
        label={t('login.title')}
      >
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={email}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          required
        />
        <ButtonGroup>
          <Button>{t('login.submit')}</Button>
        </ButtonGroup>
      </Form>
      {providers.length > 0 && (
        <>
          <Heading level={2}>{t('login.providers')}</Heading>
          <ul class="utrecht-unordered-list">
            {providers.map((p) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`/inloggen/oidc/${p.id}`}>{t('login.provider', { name: p.name })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Paragraph>
        <Link href="/activeren">{t('login.activateLink')}</Link>
      </Paragraph>
    </div>
  );
}

export function CodePage({
  page,
  error,
  demoEmail,
}: {
  page: PageContext;
  error?: string;
  demoEmail?: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('code.title')}</Heading>
      <Paragraph>{t('code.intro')}</Paragraph>
      <Form action="/inloggen/code" csrf={page.csrf} label={t('code.title')}>
        <TextField
          name="code"
          label={t('code.label')}
          error={error}
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
        />
        <ButtonGroup>
          <Button>{t('code.submit')}</Button>
        </ButtonGroup>
      </Form>
      {demoEmail && <Alert type="info">{t('code.demoHint', { email: demoEmail })}</Alert>}
    </div>
  );
}

export function EnrolPage({
  page,
  secret,
  uri,
  error,
}: {
  page: PageContext;
  secret: string;
  uri: string;
  error?: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('enrol.title')}</Heading>
      <Paragraph>{t('enrol.intro')}</Paragraph>
      <Paragraph>{t('enrol.step1')}</Paragraph>
      <p class="utrecht-paragraph">
        <code class="app-code">{secret.match(/.{1,4}/g)!.join(' ')}</code>
      </p>
      <Paragraph>
        {t('enrol.uri')} <Link href={uri}>otpauth</Link>
      </Paragraph>
      <Form action="/inloggen/code-instellen" csrf={page.csrf} label={t('enrol.title')}>
        <TextField
          name="code"
          label={t('code.label')}
          description={t('enrol.step2')}
          error={error}
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
        />
        <ButtonGroup>
          <Button>{t('enrol.submit')}</Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

export function ChooseOrganisationPage({
  page,
  organisations,
  error,
}: {
  page: PageContext;
  organisations: { id: string; name: string; type: string }[];
  error?: string;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('choose.title')}</Heading>
      <Paragraph>{t('choose.intro')}</Paragraph>
      {error && <Alert type="error">{error}</Alert>}
      <Form action="/organisatie-kiezen" csrf={page.csrf} label={t('choose.title')}>
        <div class="utrecht-form-fieldset">
          <fieldset
            class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
            role="radiogroup"
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('choose.legend')}
            </legend>
            {organisations.map((o, i) => (
              <div class="utrecht-form-field utrecht-form-field--radio">
                <div class="utrecht-form-field__label utrecht-form-field__label--radio">
                  <label class="utrecht-form-label utrecht-form-label--radio" for={`org-${o.id}`}>
                    {o.name} ({t(`orgType.${o.type}`)})
                  </label>
                </div>
                <div class="utrecht-form-field__input">
                  <input
                    class="utrecht-radio-button utrecht-radio-button--html-input"
                    type="radio"
                    id={`org-${o.id}`}
                    name="organisationId"
                    value={o.id}
                    checked={i === 0}
                  />
                </div>
              </div>
            ))}
          </fieldset>
        </div>
        <ButtonGroup>
          <Button>{t('choose.submit')}</Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

export function ActivatePage({
  page,
  values,
  errors,
  done,
}: {
  page: PageContext;
  values: { email?: string; code?: string };
  errors: Errors;
  done?: boolean;
}) {
  const { t } = page;
  if (done) {
    return (
      <div class="app-narrow">
        <Heading>{t('activate.title')}</Heading>
        <Alert type="ok">{t('activate.done')}</Alert>
        <Paragraph>
          <Link href="/inloggen">{t('login.title')}</Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div class="app-narrow">
      <Heading>{t('activate.title')}</Heading>
      <ErrorSummary errors={errors} title={t('common.errorSummary')} />
      <Paragraph>{t('activate.intro')}</Paragraph>
      <Form action="/activeren" csrf={page.csrf} label={t('activate.title')}>
        <TextField
          name="email"
          type="email"
          label={t('login.email')}
          value={values.email}
          error={errors.email}
          autocomplete="username"
          required
        />
        <TextField
          name="code"
          label={t('activate.code')}
          value={values.code}
          error={errors.code}
          autocomplete="off"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('activate.password')}
          description={t('activate.passwordHelp')}
          error={errors.password}
          autocomplete="new-password"
          required
        />
        <TextField
          name="passwordAgain"
          type="password"
          label={t('activate.passwordAgain')}
          error={errors.passwordAgain}
          autocomplete="new-password"
          required
        />
        <ButtonGroup>
          <Button>{t('activate.submit')}</Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

export function AccountPage({ page, notice }: { page: PageContext; notice?: string }) {
  const { t, session } = page;
  const actor = session!.actor;
  return (
    <>
      <Heading>{t('account.title')}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <DataList
        items={[
          [t('account.name'), actor.displayName],
          [t('account.email'), actor.email],
          [t('account.organisation'), actor.organisationName ?? '–'],
          [t('account.roles'), actor.roles.map((r) => t(`role.${r}`)).join(', ') || t('common.none')],
        ]}
      />
      <Heading level={2}>{t('account.logoutEverywhere')}</Heading>
      <Paragraph>{t('account.logoutEverywhereHelp')}</Paragraph>
      <Form action="/uitloggen-overal" csrf={page.csrf} label={t('account.logoutEverywhere')}>
        <ButtonGroup>
          <Button variant="secondary">{t('account.logoutEverywhere')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
