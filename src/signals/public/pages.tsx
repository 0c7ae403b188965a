// The public reporting pages: the report form, the receipt with the code (shown once), the code form and the
// report's status with feedback and messages. One calm reading column; every form works without JavaScript and
// asks the browser not to remember what was typed (autocomplete off), for people on a shared phone.
import type { ComponentChildren } from 'preact';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { ReporterView } from '../reporter.js';
import { LIMITS, type Form } from '../vocabulary.js';

export type Errors = Record<string, string | undefined>;

export interface ReportForm {
  what: string;
  municipalityCode: string;
  observedOn: string;
  forms: string[];
  contact: string;
  /** The signed receipt code made when the form was first shown (reporter.ts `receiptFormToken`). */
  receipt: string;
}

/** The forms of exploitation in the order a member of the public meets them most; "something else" last. */
const FORM_ORDER: readonly Form[] = [
  'arbeidsuitbuiting',
  'seksuele-uitbuiting',
  'criminele-uitbuiting',
  'orgaanverwijdering',
  'overige-uitbuiting',
];

const optional = (page: PageContext, label: string) => `${label} ${page.t('pub.optional')}`;

function PublicForm({
  page,
  action,
  label,
  children,
}: {
  page: PageContext;
  action: string;
  label: string;
  children: ComponentChildren;
}) {
  // The language goes with the form, so the answer comes in the language of the form whatever the cookie says.
  const target = page.publicLang ? `${action}?taal=${page.publicLang}` : action;
  return (
    <form class="utrecht-form" method="post" action={target} aria-label={label} autocomplete="off" novalidate>
      <input type="hidden" name="_csrf" value={page.csrf} />
      {children}
    </form>
  );
}

/** Where to go in danger or for advice: 112, then the police or a helping organisation (no numbers invented). */
function Help({ page }: { page: PageContext }) {
  const { t } = page;
  return (
    <aside class="app-public-help" aria-labelledby="help-heading">
      <h2 class="utrecht-heading-3" id="help-heading">
        {t('pub.help.heading')}
      </h2>
      <p class="utrecht-paragraph app-public-help__urgent">{t('pub.help.call112')}</p>
      <p class="utrecht-paragraph">{t('pub.help.advice')}</p>
    </aside>
  );
}

function FormsFieldset({ page, values, error }: { page: PageContext; values: string[]; error?: string }) {
  const { t } = page;
  return (
    <div class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        id="field-forms"
        aria-describedby={`field-forms-description${error ? ' field-forms-error' : ''}`}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {optional(page, t('pub.forms.legend'))}
        </legend>
        <div class="utrecht-form-field-description" id="field-forms-description">
          {t('pub.forms.description')}
        </div>
        {error && (
          <div class="utrecht-form-field-error-message" id="field-forms-error">
            {error}
          </div>
        )}
        {FORM_ORDER.map((form) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                type="checkbox"
                id={`field-forms-${form}`}
                name="forms"
                value={form}
                checked={values.includes(form)}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`field-forms-${form}`}>
                {t(`pub.form.${form}`)}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function ReportPage({
  page,
  form,
  errors,
  municipalities,
}: {
  page: PageContext;
  form: ReportForm;
  errors: Errors;
  municipalities: { code: string; name: string }[];
}) {
  const { t } = page;
  return (
    <div class="app-public">
      <Heading>{t('pub.form.title')}</Heading>
      <ErrorSummary errors={errors} title={t('pub.errorSummary')} />
      <Paragraph lead>{t('pub.form.lead')}</Paragraph>
      <Help page={page} />
      <Heading level={2}>{t('pub.how.heading')}</Heading>
      <ul class="utrecht-unordered-list app-public-list">
        <li class="utrecht-unordered-list__item">{t('pub.how.anonymous')}</li>
        <li class="utrecht-unordered-list__item">{t('pub.how.code')}</li>
      </ul>
      <PublicForm page={page} action="/melden" label={t('pub.form.title')}>
        <input type="hidden" name="receipt" value={form.receipt} />
        <TextArea
          name="what"
          label={t('pub.what.label')}
          description={t('pub.what.description')}
          value={form.what}
          error={errors.what}
          rows={8}
          maxLength={LIMITS.narrative}
        />
        <SelectField
          name="municipalityCode"
          label={optional(page, t('pub.where.label'))}
          description={t('pub.where.description')}
          value={form.municipalityCode}
          error={errors.municipalityCode}
          options={[
            { value: '', label: t('pub.where.unknown') },
            ...municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <TextField
          name="observedOn"
          type="date"
          label={optional(page, t('pub.when.label'))}
          description={t('pub.when.description')}
          value={form.observedOn}
          error={errors.observedOn}
        />
        <FormsFieldset page={page} values={form.forms} {...(errors.forms ? { error: errors.forms } : {})} />
        <TextField
          name="contact"
          label={optional(page, t('pub.contact.label'))}
          description={t('pub.contact.description')}
          value={form.contact}
          error={errors.contact}
          maxLength={LIMITS.contact}
        />
        {errors.receipt && (
          <p class="utrecht-form-field-error-message" id="field-receipt">
            {errors.receipt}
          </p>
        )}
        <ButtonGroup>
          <Button>{t('pub.submit')}</Button>
        </ButtonGroup>
      </PublicForm>
      <Paragraph>
        {t('pub.haveCode')} <Link href="/melden/status">{t('pub.status.title')}</Link>
      </Paragraph>
    </div>
  );
}

/** The code in groups of four; a line may break after each dash, so a phone shows it whole. */
function Code({ code }: { code: string }) {
  const groups = code.split('-');
  return (
    // translate="no": a browser translating the page must leave the code alone (Preact types it as a boolean).
    <p class="app-receipt__code" {...({ translate: 'no' } as object)}>
      {groups.map((group, i) => (
        <>
          {group}
          {i < groups.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </>
      ))}
    </p>
  );
}

export function ReceiptPage({
  page,
  code,
  reference,
}: {
  page: PageContext;
  code: string;
  reference: string;
}) {
  const { t } = page;
  return (
    <div class="app-public">
      <Heading>{t('pub.receipt.title')}</Heading>
      <Paragraph lead>{t('pub.receipt.thanks')}</Paragraph>
      <section class="app-receipt" aria-labelledby="receipt-code-heading">
        <h2 class="utrecht-heading-2" id="receipt-code-heading">
          {t('pub.receipt.codeHeading')}
        </h2>
        <Code code={code} />
        <p class="utrecht-paragraph">
          <strong>{t('pub.receipt.writeDown')}</strong>
        </p>
        <p class="utrecht-paragraph">{t('pub.receipt.keepSafe')}</p>
      </section>
      <DataList items={[[t('pub.receipt.reference'), reference]]} />
      <Heading level={2}>{t('pub.receipt.nextHeading')}</Heading>
      <Paragraph>
        {t('pub.receipt.next')} <Link href="/melden/status">{t('pub.status.title')}</Link>
      </Paragraph>
      <Help page={page} />
    </div>
  );
}

export function CodePage({ page, errors }: { page: PageContext; errors: Errors }) {
  const { t } = page;
  return (
    <div class="app-public">
      <Heading>{t('pub.status.title')}</Heading>
      <ErrorSummary errors={errors} title={t('pub.errorSummary')} />
      <Paragraph lead>{t('pub.status.lead')}</Paragraph>
      <PublicForm page={page} action="/melden/status" label={t('pub.status.title')}>
        {/* Never filled in again: a page after a wrong code is the same for every wrong code. */}
        <TextField
          name="code"
          label={t('pub.code.label')}
          description={t('pub.code.description')}
          error={errors.code}
          autocomplete="off"
          maxLength={64}
        />
        <ButtonGroup>
          <Button>{t('pub.code.submit')}</Button>
        </ButtonGroup>
      </PublicForm>
      <Paragraph>
        {t('pub.code.lost')} <Link href="/melden">{t('pub.newReport')}</Link>
      </Paragraph>
      <Help page={page} />
    </div>
  );
}

function Messages({ page, view }: { page: PageContext; view: ReporterView }) {
  const { t } = page;
  if (view.messages.length === 0) return <Paragraph>{t('pub.messages.none')}</Paragraph>;
  return (
    <ol class="app-thread">
      {view.messages.map((m) => (
        <li class={`app-thread__item app-thread__item--${m.author}`}>
          <p class="app-thread__meta">
            <strong>{m.author === 'reporter' ? t('pub.messages.you') : t('pub.messages.officer')}</strong>
            {' · '}
            {formatDateTime(page.publicLang ?? page.lang, m.at)}
          </p>
          <p class="app-thread__body">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

export function StatusPage({
  page,
  view,
  code,
  draft,
  errors,
  sent,
}: {
  page: PageContext;
  view: ReporterView;
  /** The code as typed, normalised: carried in a hidden field of the reply form, never in the address. */
  code: string;
  draft: string;
  errors: Errors;
  sent: boolean;
}) {
  const { t } = page;
  const lang = page.publicLang ?? page.lang;
  return (
    <div class="app-public">
      <Heading>{t('pub.view.title')}</Heading>
      {sent && <Alert type="ok">{t('pub.reply.sent')}</Alert>}
      <ErrorSummary errors={errors} title={t('pub.errorSummary')} />
      <DataList
        items={[
          [t('pub.receipt.reference'), view.reference],
          [t('pub.view.received'), formatDateTime(lang, view.receivedAt)],
          [t('pub.view.status'), <strong>{t(`pub.status.${view.status}`)}</strong>],
        ]}
      />
      <Paragraph>{t(`pub.status.${view.status}.text`)}</Paragraph>
      {view.feedback.length > 0 && (
        <>
          <Heading level={2}>{t('pub.feedback.heading')}</Heading>
          <ul class="app-thread">
            {view.feedback.map((f) => (
              <li class="app-thread__item app-thread__item--officer">
                <p class="app-thread__meta">{formatDateTime(lang, f.at)}</p>
                <p class="app-thread__body">{f.summary}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={2}>{t('pub.messages.heading')}</Heading>
      <Messages page={page} view={view} />
      <PublicForm page={page} action="/melden/status/bericht" label={t('pub.messages.heading')}>
        <input type="hidden" name="code" value={code} />
        <TextArea
          name="body"
          label={t('pub.reply.label')}
          description={t('pub.reply.description')}
          value={draft}
          error={errors.body}
          rows={5}
          maxLength={LIMITS.message}
        />
        <ButtonGroup>
          <Button>{t('pub.reply.submit')}</Button>
        </ButtonGroup>
      </PublicForm>
      <Paragraph>{t('pub.view.done')}</Paragraph>
      <Help page={page} />
    </div>
  );
}
