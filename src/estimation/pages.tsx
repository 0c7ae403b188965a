// The estimation pages: a form (file upload or pasted CSV, options), the result with charts, tables, warnings and the
// assumptions, and the organisation's saved estimates. Works without JavaScript: everything is rendered here.
import type { ComponentChildren } from 'preact';
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
  SelectField,
  Table,
  TextField,
} from '../web/components.js';
import { formatDateTime } from '../web/i18n.js';
import type { PageContext } from '../web/layout.js';
import { formatNumber } from './charts.js';
import type { Outcome, SavedEstimate } from './service.js';
import { Results } from './result-view.js';

export interface FormState {
  csv: string;
  method: string;
  criterion: string;
  interval: string;
  level: string;
  seed: string;
  title: string;
}

export const EMPTY_FORM: FormState = {
  csv: '',
  method: 'stepwise',
  criterion: 'aic',
  interval: 'lognormal',
  level: '0.95',
  seed: '',
  title: '',
};

export const LEVELS = ['0.8', '0.9', '0.95', '0.99'];

/** A labelled control with description and error, in the markup of the shared TextField. */
function Field(props: {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  children: (attributes: Record<string, string>) => ComponentChildren;
}) {
  const id = `field-${props.name}`;
  const describedBy = [props.description ? `${id}-description` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--distanced utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {props.label}
        </label>
      </div>
      {props.description && (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {props.description}
        </div>
      )}
      {props.error && (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        {props.children({
          id,
          ...(props.error ? { 'aria-invalid': 'true' } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
      </div>
    </div>
  );
}

function EstimateForm({
  page,
  form,
  errors,
}: {
  page: PageContext;
  form: FormState;
  errors: Record<string, string>;
}) {
  const { t } = page;
  const options = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  // multipart for the file; the CSRF token travels as the first form field, which the multipart parser puts in
  // the body like any other field.
  return (
    <form
      class="utrecht-form"
      method="post"
      action="/schattingen"
      enctype="multipart/form-data"
      aria-label={t('estimation.form.label')}
      novalidate
    >
      <input type="hidden" name="_csrf" value={page.csrf} />
      <Field
        name="file"
        label={t('estimation.form.file')}
        description={t('estimation.form.fileHint')}
        error={errors.file}
      >
        {(a) => (
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="file"
            name="file"
            accept=".csv,text/csv,text/plain"
            {...a}
          />
        )}
      </Field>
      <Field
        name="csv"
        label={t('estimation.form.csv')}
        description={t('estimation.form.csvHint')}
        error={errors.csv}
      >
        {(a) => (
          <textarea
            class={`utrecht-textarea utrecht-textarea--html-textarea${errors.csv ? ' utrecht-textarea--invalid' : ''}`}
            name="csv"
            rows={8}
            cols={60}
            spellcheck={false}
            {...a}
          >
            {form.csv}
          </textarea>
        )}
      </Field>
      <div class="app-filters">
        <SelectField
          name="method"
          label={t('estimation.form.method')}
          value={form.method}
          error={errors.method}
          options={options('estimation.method', ['stepwise', 'exhaustive', 'main'])}
        />
        <SelectField
          name="criterion"
          label={t('estimation.form.criterion')}
          value={form.criterion}
          options={options('estimation.criterion', ['aic', 'bic'])}
        />
        <SelectField
          name="interval"
          label={t('estimation.form.interval')}
          value={form.interval}
          error={errors.interval}
          options={options('estimation.interval', ['lognormal', 'profile', 'bootstrap'])}
        />
        <SelectField
          name="level"
          label={t('estimation.form.level')}
          value={form.level}
          error={errors.level}
          options={LEVELS.map((value) => ({
            value,
            label: `${formatNumber(page.lang, Number(value) * 100)} %`,
          }))}
        />
        <TextField
          name="seed"
          label={t('estimation.form.seed')}
          value={form.seed}
          error={errors.seed}
          inputMode="numeric"
          maxLength={10}
        />
      </div>
      <Paragraph>{t('estimation.form.bootstrapHint')}</Paragraph>
      <ButtonGroup>
        <Button>{t('estimation.form.submit')}</Button>
      </ButtonGroup>
    </form>
  );
}

function Assumptions({ page }: { page: PageContext }) {
  const { t } = page;
  return (
    <section aria-labelledby="assumptions-heading">
      <Heading level={2} id="assumptions-heading">
        {t('estimation.assumptions')}
      </Heading>
      <Paragraph>{t('estimation.assumptions.intro')}</Paragraph>
      <ul class="utrecht-unordered-list">
        {['closed', 'linkage', 'heterogeneity', 'dependence'].map((key) => (
          <li class="utrecht-unordered-list__item">
            <strong>{t(`estimation.assumption.${key}`)}</strong> {t(`estimation.assumption.${key}.text`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SavedList({ page, saved }: { page: PageContext; saved: SavedEstimate[] }) {
  const { t, lang } = page;
  if (saved.length === 0) return <Paragraph>{t('estimation.saved.none')}</Paragraph>;
  return (
    <Table
      caption={t('estimation.saved')}
      head={[
        t('estimation.col.title'),
        t('estimation.col.created'),
        t('estimation.col.by'),
        t('estimation.col.total'),
        t('estimation.col.interval'),
      ]}
      rows={saved.map((s) => {
        const r = s.result as unknown as Outcome;
        return [
          <Link href={`/schattingen/${s.id}`}>{s.title}</Link>,
          formatDateTime(lang, s.createdAt),
          s.createdByName ?? '–',
          formatNumber(lang, r.total),
          `${formatNumber(lang, r.interval.lower)} – ${formatNumber(lang, r.interval.upper)}`,
        ];
      })}
    />
  );
}

export function EstimationPage(props: {
  page: PageContext;
  form: FormState;
  errors: Record<string, string>;
  outcome?: Outcome | undefined;
  saved: SavedEstimate[];
}) {
  const { page, form, errors, outcome } = props;
  const { t } = page;
  return (
    <>
      <Heading>{t('estimation.title')}</Heading>
      <Paragraph lead>{t('estimation.intro')}</Paragraph>
      <ErrorSummary errors={errors} title={t('estimation.errorSummary')} />
      <EstimateForm page={page} form={form} errors={errors} />
      {outcome && (
        <>
          <Results page={page} outcome={outcome} />
          <Heading level={2}>{t('estimation.save')}</Heading>
          <Form action="/schattingen/opslaan" csrf={page.csrf} label={t('estimation.save')}>
            {(['csv', 'method', 'criterion', 'interval', 'level', 'seed'] as const).map((name) => (
              <input type="hidden" name={name} value={form[name]} />
            ))}
            <TextField
              name="title"
              label={t('estimation.save.title')}
              description={t('estimation.save.hint')}
              value={form.title}
              error={errors.title}
              maxLength={200}
            />
            <ButtonGroup>
              <Button variant="secondary">{t('estimation.save.submit')}</Button>
            </ButtonGroup>
          </Form>
        </>
      )}
      <Assumptions page={page} />
      <Heading level={2}>{t('estimation.saved')}</Heading>
      <SavedList page={page} saved={props.saved} />
    </>
  );
}

export function SavedEstimatePage({
  page,
  saved,
  created,
}: {
  page: PageContext;
  saved: SavedEstimate;
  created?: boolean;
}) {
  const { t, lang } = page;
  const outcome = saved.result as unknown as Outcome;
  const options = saved.options as { method?: string; interval?: string; level?: number; seed?: number };
  return (
    <>
      <Heading>{saved.title}</Heading>
      {created && <Alert type="ok">{t('estimation.saved.ok')}</Alert>}
      <DataList
        items={[
          [t('estimation.col.created'), formatDateTime(lang, saved.createdAt)],
          [t('estimation.col.by'), saved.createdByName ?? '–'],
          [t('estimation.col.id'), <code>{saved.id}</code>],
          [t('estimation.form.method'), t(`estimation.method.${options.method ?? 'stepwise'}`)],
          [t('estimation.form.interval'), t(`estimation.interval.${options.interval ?? 'lognormal'}`)],
          ...(options.seed !== undefined
            ? [[t('estimation.form.seed'), String(options.seed)] as [string, string]]
            : []),
        ]}
      />
      <Results page={page} outcome={outcome} />
      <Assumptions page={page} />
      <Paragraph>
        <Link href="/schattingen">{t('estimation.back')}</Link>
      </Paragraph>
    </>
  );
}
