import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import { ORGANISATION_TYPES } from '../policy/index.js';
import type { OrganisationRecord } from './store.js';

export interface OrganisationForm {
  name: string;
  type: string;
  place: string;
  adminName: string;
  adminEmail: string;
}

function place(page: PageContext, org: OrganisationRecord): string {
  if (org.municipalityCode) return org.municipalityCode;
  if (org.regionKind && org.regionCode)
    return `${page.t(`reference.kind.${org.regionKind}`)} ${org.regionCode}`;
  return page.t('organisations.national');
}

export function OrganisationsPage({
  page,
  organisations,
  canManage,
}: {
  page: PageContext;
  organisations: OrganisationRecord[];
  canManage: boolean;
}) {
  const { t } = page;
  return (
    <>
      <Heading>{t('organisations.title')}</Heading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      {canManage && (
        <Paragraph>
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            href="/organisaties/nieuw"
          >
            {t('organisations.new.title')}
          </a>
        </Paragraph>
      )}
      <Table
        caption={t('organisations.title')}
        head={[t('organisations.col.name'), t('organisations.col.type'), t('organisations.col.place')]}
        rows={organisations.map((o) => [o.name, t(`orgType.${o.type}`), place(page, o)])}
      />
    </>
  );
}

export function NewOrganisationPage({
  page,
  values,
  errors,
  options,
}: {
  page: PageContext;
  values: OrganisationForm;
  errors: Record<string, string>;
  options: {
    municipalities: { value: string; label: string }[];
    regions: { value: string; label: string }[];
  };
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('organisations.new.title')}</Heading>
      <ErrorSummary
        errors={{
          name: errors.name,
          type: errors.type,
          place: errors.place,
          adminName: errors.adminName,
          adminEmail: errors.adminEmail,
        }}
        title={t('common.errorSummary')}
      />
      <Form action="/organisaties" csrf={page.csrf} label={t('organisations.new.title')}>
        <TextField
          name="name"
          label={t('organisations.col.name')}
          value={values.name}
          error={errors.name}
          required
        />
        <SelectField
          name="type"
          label={t('organisations.col.type')}
          value={values.type}
          error={errors.type}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`orgType.${type}`) }))}
        />
        <SelectField
          name="place"
          label={t('organisations.col.place')}
          description={t('organisations.placeHelp')}
          value={values.place}
          error={errors.place}
          options={[
            { value: '', label: t('organisations.national') },
            ...options.municipalities,
            ...options.regions,
          ]}
        />
        <Heading level={2}>{t('organisations.firstAdmin')}</Heading>
        <Paragraph>{t('organisations.firstAdminHelp')}</Paragraph>
        <TextField
          name="adminName"
          label={t('organisations.adminName')}
          value={values.adminName}
          error={errors.adminName}
          autocomplete="off"
        />
        <TextField
          name="adminEmail"
          type="email"
          label={t('organisations.adminEmail')}
          value={values.adminEmail}
          error={errors.adminEmail}
          autocomplete="off"
        />
        <ButtonGroup>
          <Button>{t('organisations.new.submit')}</Button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

export function OrganisationCreatedPage({
  page,
  organisation,
  activationCode,
}: {
  page: PageContext;
  organisation: OrganisationRecord;
  activationCode?: string | undefined;
}) {
  const { t } = page;
  return (
    <div class="app-narrow">
      <Heading>{t('organisations.created.title')}</Heading>
      <Alert type="ok">{t('organisations.created.body', { name: organisation.name })}</Alert>
      {activationCode && (
        <>
          <Paragraph>{t('organisations.created.code')}</Paragraph>
          <p class="utrecht-paragraph">
            <code class="app-code" data-testid="activation-code">
              {activationCode}
            </code>
          </p>
        </>
      )}
      <Paragraph>
        <Link href="/organisaties">{t('common.back')}</Link>
      </Paragraph>
    </div>
  );
}
