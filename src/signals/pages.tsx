// The reporting point's pages: the professional's intake form, the queue, a signal with its actions, the forward
// form with the legal basis per recipient, the recipient's inbox and view, and the reporter's own signals.
import type { ComponentChildren } from 'preact';
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
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../web/components.js';
import { formatDateTime } from '../web/i18n.js';
import type { PageContext } from '../web/layout.js';
import type { ForwardedSignalView, InboxItem, RecipientOption } from './forwarding.js';
import { IDENTIFIER_TYPES } from './identifiers.js';
import type { OwnSignal, ReporterStatus } from './reporter.js';
import type { SignalSummary, SignalView } from './triage.js';
import {
  FORMS,
  FORWARD_STATUSES,
  GENDERS,
  LIMITS,
  OUTCOMES,
  PERSON_ROLES,
  SECTORS,
  SIGNAL_CATEGORIES,
  STATUSES,
} from './vocabulary.js';

export type Errors = Record<string, string | undefined>;
export type Values = Record<string, string | string[] | undefined>;

const one = (values: Values, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const many = (values: Values, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** How many people and identifiers the page offers; the API takes up to the full limits. */
export const PAGE_PERSONS = 3;
export const PAGE_IDENTIFIERS = 5;

export interface IntakeFormView {
  municipalities: { code: string; name: string }[];
  indicators: { code: string; form: string; label: string }[];
  values: Values;
  errors: Errors;
  token: string;
}

function Section({ title, children, open }: { title: string; children: ComponentChildren; open?: boolean }) {
  return (
    <details class="app-details" open={open}>
      <summary class="app-details__summary">{title}</summary>
      <div class="app-details__body">{children}</div>
    </details>
  );
}

const hasError = (errors: Errors, prefix: string) =>
  Object.keys(errors).some((k) => k.startsWith(prefix) && errors[k]);

export function IntakePage({ page, view }: { page: PageContext; view: IntakeFormView }) {
  const { t } = page;
  const { values, errors } = view;
  const formOptions = FORMS.map((f) => ({ value: f, label: t(`sig.form.${f}`) }));
  return (
    <>
      <Heading>{t('sig.intake.title')}</Heading>
      <Paragraph lead>{t('sig.intake.intro')}</Paragraph>
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Form action="/signalen/nieuw" csrf={page.csrf} label={t('sig.intake.title')}>
        <input type="hidden" name="token" value={view.token} />
        <SelectField
          name="municipalityCode"
          label={t('sig.field.municipality')}
          value={one(values, 'municipalityCode')}
          error={errors.municipalityCode}
          options={[
            { value: '', label: t('sig.field.municipality.choose') },
            ...view.municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <TextField
          name="observedOn"
          type="date"
          label={t('sig.field.observedOn')}
          value={one(values, 'observedOn')}
          error={errors.observedOn}
        />
        <CheckboxGroup
          name="forms"
          legend={t('sig.field.forms')}
          options={formOptions}
          values={many(values, 'forms')}
          error={errors.forms}
        />
        <TextArea
          name="narrative"
          label={t('sig.field.narrative')}
          description={t('sig.field.narrative.help')}
          value={one(values, 'narrative')}
          error={errors.narrative}
          rows={6}
          maxLength={LIMITS.narrative}
        />
        <CheckboxGroup
          name="urgency"
          legend={t('sig.field.urgency')}
          options={[
            { value: 'acute', label: t('sig.field.acute') },
            { value: 'minors', label: t('sig.field.minors') },
            { value: 'seriousDisadvantage', label: t('sig.field.seriousDisadvantage') },
          ]}
          values={many(values, 'urgency')}
        />
        <Section title={t('sig.intake.indicators')} open={hasError(errors, 'indicators')}>
          <Paragraph>{t('sig.intake.indicators.help')}</Paragraph>
          {errors.indicators && <Alert type="error">{errors.indicators}</Alert>}
          {FORMS.map((form) => {
            const list = view.indicators.filter((i) => i.form === form);
            return list.length ? (
              <CheckboxGroup
                name="indicators"
                legend={t(`sig.form.${form}`)}
                options={list.map((i) => ({ value: i.code, label: i.label }))}
                values={many(values, 'indicators')}
              />
            ) : null;
          })}
          <SelectField
            name="sector"
            label={t('sig.field.sector')}
            value={one(values, 'sector')}
            error={errors.sector}
            options={[
              { value: '', label: t('sig.none') },
              ...SECTORS.map((s) => ({ value: s, label: t(`sig.sector.${s}`) })),
            ]}
          />
        </Section>
        <Section title={t('sig.intake.persons')} open={hasError(errors, 'persons')}>
          <Paragraph>{t('sig.intake.persons.help')}</Paragraph>
          {Array.from({ length: PAGE_PERSONS }, (_, i) => (
            <fieldset class="app-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('sig.person.n', { n: i + 1 })}</legend>
              <SelectField
                name={`persons.${i}.role`}
                label={t('sig.person.role')}
                value={one(values, `persons.${i}.role`)}
                error={errors[`persons.${i}.role`]}
                options={[
                  { value: '', label: t('sig.none') },
                  ...PERSON_ROLES.map((r) => ({ value: r, label: t(`sig.role.${r}`) })),
                ]}
              />
              <TextField
                name={`persons.${i}.approximateAge`}
                label={t('sig.person.age')}
                inputMode="numeric"
                value={one(values, `persons.${i}.approximateAge`)}
                error={errors[`persons.${i}.approximateAge`]}
              />
              <SelectField
                name={`persons.${i}.gender`}
                label={t('sig.person.gender')}
                value={one(values, `persons.${i}.gender`)}
                options={[
                  { value: '', label: t('sig.none') },
                  ...GENDERS.map((g) => ({ value: g, label: t(`sig.gender.${g}`) })),
                ]}
              />
              <TextField
                name={`persons.${i}.nationality`}
                label={t('sig.person.nationality')}
                description={t('sig.person.nationality.help')}
                value={one(values, `persons.${i}.nationality`)}
                error={errors[`persons.${i}.nationality`]}
                maxLength={2}
              />
              <TextField
                name={`persons.${i}.description`}
                label={t('sig.person.description')}
                value={one(values, `persons.${i}.description`)}
                error={errors[`persons.${i}.description`]}
                maxLength={LIMITS.description}
              />
            </fieldset>
          ))}
        </Section>
        <Section title={t('sig.intake.identifiers')} open={hasError(errors, 'identifiers')}>
          <Paragraph>{t('sig.intake.identifiers.help')}</Paragraph>
          {Array.from({ length: PAGE_IDENTIFIERS }, (_, i) => (
            <div class="app-pair">
              <SelectField
                name={`identifiers.${i}.type`}
                label={t('sig.identifier.type', { n: i + 1 })}
                value={one(values, `identifiers.${i}.type`)}
                error={errors[`identifiers.${i}.type`]}
                options={[
                  { value: '', label: t('sig.none') },
                  ...IDENTIFIER_TYPES.map((x) => ({ value: x, label: t(`sig.identifier.${x}`) })),
                ]}
              />
              <TextField
                name={`identifiers.${i}.value`}
                label={t('sig.identifier.value', { n: i + 1 })}
                value={one(values, `identifiers.${i}.value`)}
                error={errors[`identifiers.${i}.value`]}
              />
            </div>
          ))}
        </Section>
        <ButtonGroup>
          <Button>{t('sig.intake.submit')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

export function Badges({
  page,
  s,
}: {
  page: PageContext;
  s: Pick<SignalSummary, 'acute' | 'minors' | 'overdue' | 'reviewDue'>;
}) {
  const { t } = page;
  return (
    <>
      {s.acute && <span class="app-badge app-badge--alert">{t('sig.badge.acute')}</span>}{' '}
      {s.minors && <span class="app-badge app-badge--alert">{t('sig.badge.minors')}</span>}{' '}
      {s.overdue && <strong class="app-overdue">{t('sig.badge.overdue')}</strong>}{' '}
      {s.reviewDue && <strong class="app-overdue">{t('sig.badge.reviewDue')}</strong>}
    </>
  );
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one (a queue page formats 500).
const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DAY: Record<PageContext['lang'], Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
};

/** A deadline at an Amsterdam midnight is the end of the day before ("t/m 30 nov 2026"); an acute one has a time. */
export function formatDeadline(page: PageContext, iso: string): string {
  const at = new Date(iso);
  if (AMSTERDAM_TIME.format(at) !== '00:00') return formatDateTime(page.lang, at);
  return page.t('sig.deadline.endOf', { day: DAY[page.lang].format(new Date(at.getTime() - 60_000)) });
}

const formList = (page: PageContext, forms: string[]) => forms.map((f) => page.t(`sig.form.${f}`)).join(', ');

export interface QueueView {
  national: boolean;
  signals: SignalSummary[];
  query: Record<string, string>;
  saved?: string | undefined;
}

export function QueuePage({ page, view }: { page: PageContext; view: QueueView }) {
  const { t, lang } = page;
  const base = view.national ? '/landelijke-wachtrij' : '/signalen';
  return (
    <>
      <Heading>{t(view.national ? 'sig.national.title' : 'sig.queue.title')}</Heading>
      <Paragraph lead>{t(view.national ? 'sig.national.intro' : 'sig.queue.intro')}</Paragraph>
      {view.saved && <Alert type="ok">{t(`sig.saved.${view.saved}`)}</Alert>}
      <Form action={base} method="get" csrf={page.csrf} label={t('sig.queue.filter')}>
        <div class="app-filters">
          <SelectField
            name="status"
            label={t('sig.col.status')}
            value={view.query.status ?? ''}
            options={[
              { value: '', label: t('sig.queue.status.work') },
              { value: 'alle', label: t('sig.queue.status.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`sig.status.${s}`) })),
            ]}
          />
          <SelectField
            name="form"
            label={t('sig.col.forms')}
            value={view.query.form ?? ''}
            options={[
              { value: '', label: t('sig.all') },
              ...FORMS.map((f) => ({ value: f, label: t(`sig.form.${f}`) })),
            ]}
          />
          <SelectField
            name="urgency"
            label={t('sig.col.urgency')}
            value={view.query.urgency ?? ''}
            options={[
              { value: '', label: t('sig.all') },
              { value: 'acuut', label: t('sig.badge.acute') },
              { value: 'minderjarigen', label: t('sig.badge.minors') },
            ]}
          />
          <SelectField
            name="mine"
            label={t('sig.col.assigned')}
            value={view.query.mine ?? ''}
            options={[
              { value: '', label: t('sig.all') },
              { value: '1', label: t('sig.queue.mine') },
            ]}
          />
          <ButtonGroup>
            <Button variant="secondary">{t('sig.queue.apply')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      {view.signals.length === 0 ? (
        <Paragraph>{t('sig.queue.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('sig.queue.caption', { count: view.signals.length })}
          head={[
            t('sig.col.reference'),
            t('sig.col.received'),
            t('sig.col.forms'),
            t('sig.col.urgency'),
            t('sig.col.status'),
            t('sig.col.deadline'),
            t('sig.col.assigned'),
          ]}
          rows={view.signals.map((s) => [
            <Link href={`/signalen/${s.id}`}>{s.reference}</Link>,
            formatDateTime(lang, s.receivedAt),
            s.forms.length ? formList(page, s.forms) : t('sig.forms.unknown'),
            <Badges page={page} s={s} />,
            t(`sig.status.${s.status}`),
            s.status === 'monitoren' && s.reviewOn
              ? t('sig.reviewOn', { date: s.reviewOn })
              : formatDeadline(page, s.deadlineAt),
            s.assignedTo?.displayName ?? '—',
          ])}
        />
      )}
    </>
  );
}

export interface SignalPageView {
  signal: SignalView;
  assignees: { userId: string; displayName: string }[];
  national: boolean;
  municipalities: { code: string; name: string }[];
  saved?: string | undefined;
  errors: Errors;
  values: Values;
  /** Which form the errors belong to. */
  formWithErrors?: string | undefined;
}

const personText = (page: PageContext, p: SignalView['persons'][number]) =>
  [
    page.t(`sig.role.${p.role}`),
    p.approximateAge !== null ? page.t('sig.person.ageN', { age: p.approximateAge }) : '',
    p.gender ? page.t(`sig.gender.${p.gender}`) : '',
    p.nationality ?? '',
    p.description ?? '',
  ]
    .filter(Boolean)
    .join(' · ');

function eventText(page: PageContext, e: SignalView['timeline'][number]): string {
  const { t } = page;
  const d = e.details as Record<string, unknown>;
  const status = (s: unknown) => (typeof s === 'string' ? t(`sig.status.${s}`) : '');
  switch (e.kind) {
    case 'decided':
      return t('sig.event.decided', { to: status(d.to) });
    case 'forwarded':
      return t('sig.event.forwarded', {
        to: String(d.to),
        purpose: t(`sig.purpose.${String(d.purpose)}`),
        rule: String(d.rule),
        categories: ((d.categories as string[] | undefined) ?? [])
          .map((c) => t(`sig.category.${c}`))
          .join(', '),
      });
    case 'outcome':
      return t('sig.event.outcome', { outcome: t(`sig.outcome.${String(d.outcome)}`) });
    case 'linked':
    case 'merged':
    case 'merged-into':
      return t(`sig.event.${e.kind}`, { reference: String(d.reference) });
    case 'routed':
      return t('sig.event.routed', { to: String(d.to) });
    case 'informatiepunt-decision':
      return t('sig.event.informatiepunt-decision', {
        decision: t(`ip.decision.${String(d.decision)}`),
        date: String(d.meetingDate),
      });
    case 'informatiepunt-minutes-final':
      return t('sig.event.informatiepunt-minutes-final', { date: String(d.meetingDate) });
    default:
      return t(`sig.event.${e.kind}`);
  }
}

export function SignalPage({ page, view }: { page: PageContext; view: SignalPageView }) {
  const { t, lang } = page;
  const s = view.signal;
  const errs = (form: string) => (view.formWithErrors === form ? view.errors : {});
  const open = ['nieuw', 'in-behandeling', 'monitoren', 'doorgezet'].includes(s.status);
  const decidable = ['nieuw', 'in-behandeling', 'monitoren'].includes(s.status);
  const base = `/signalen/${s.id}`;
  return (
    <>
      <Paragraph>
        <Link href={view.national ? '/landelijke-wachtrij' : '/signalen'}>{t('sig.back.queue')}</Link>
      </Paragraph>
      <Heading>{t('sig.detail.title', { reference: s.reference })}</Heading>
      {view.saved && <Alert type="ok">{t(`sig.saved.${view.saved}`)}</Alert>}
      {view.formWithErrors && <ErrorSummary title={t('sig.errors')} errors={view.errors} />}
      {s.mergedInto && (
        <Alert type="info">
          {t('sig.detail.mergedInto')}{' '}
          <Link href={`/signalen/${s.mergedInto.id}`}>{s.mergedInto.reference}</Link>
        </Alert>
      )}
      <div class="app-split">
        <div class="app-split__main">
          <DataList
            items={[
              [
                t('sig.col.status'),
                <>
                  {t(`sig.status.${s.status}`)} <Badges page={page} s={s} />
                </>,
              ],
              [t('sig.col.deadline'), formatDeadline(page, s.deadlineAt)],
              [t('sig.col.received'), formatDateTime(lang, s.receivedAt)],
              [t('sig.field.observedOn'), s.observedOn ?? '—'],
              [t('sig.field.municipality'), s.municipalityName ?? s.municipalityCode ?? t('sig.unknown')],
              [t('sig.col.forms'), s.forms.length ? formList(page, s.forms) : t('sig.forms.unknown')],
              ...(s.seriousDisadvantage
                ? [[t('sig.field.seriousDisadvantage'), t('sig.yes')] as [string, string]]
                : []),
              ...(s.sector ? [[t('sig.field.sector'), t(`sig.sector.${s.sector}`)] as [string, string]] : []),
              [
                t('sig.detail.reporter'),
                s.reporter.kind === 'anonymous'
                  ? t('sig.detail.anonymous', { language: s.reporter.language ?? '?' })
                  : [s.reporter.name, s.reporter.organisation].filter(Boolean).join(', ') || '—',
              ],
              ...(s.reporter.kind === 'anonymous' && s.reporter.contact
                ? [[t('sig.detail.contact'), s.reporter.contact] as [string, string]]
                : []),
              [t('sig.col.assigned'), s.assignedTo?.displayName ?? '—'],
              ...(s.decisionReason ? [[t('sig.detail.reason'), s.decisionReason] as [string, string]] : []),
            ]}
          />
          <Heading level={2}>{t('sig.field.narrative')}</Heading>
          <div class="app-narrative">{s.narrative}</div>
          {s.indicators.length > 0 && (
            <>
              <Heading level={2}>{t('sig.intake.indicators')}</Heading>
              <Paragraph>{s.indicators.join(', ')}</Paragraph>
            </>
          )}
          {s.persons.length > 0 && (
            <>
              <Heading level={2}>{t('sig.intake.persons')}</Heading>
              <ul class="utrecht-unordered-list">
                {s.persons.map((p) => (
                  <li class="utrecht-unordered-list__item">{personText(page, p)}</li>
                ))}
              </ul>
            </>
          )}
          {s.identifiers.length > 0 && (
            <Table
              caption={t('sig.intake.identifiers')}
              head={[t('sig.identifier.typeCol'), t('sig.identifier.valueCol')]}
              rows={s.identifiers.map((x) => [t(`sig.identifier.${x.type}`), x.display])}
            />
          )}

          {!view.national && (
            <>
              <Heading level={2}>{t('sig.related.title')}</Heading>
              {s.related.length === 0 ? (
                <Paragraph>{t('sig.related.none')}</Paragraph>
              ) : (
                <Table
                  caption={t('sig.related.caption')}
                  head={[
                    t('sig.col.reference'),
                    t('sig.col.status'),
                    t('sig.related.shared'),
                    t('sig.actions'),
                  ]}
                  rows={s.related.map((r) => [
                    <Link href={`/signalen/${r.id}`}>{r.reference}</Link>,
                    t(`sig.status.${r.status}`),
                    r.sharedTypes.map((x) => t(`sig.identifier.${x}`)).join(', ') || t('sig.related.manual'),
                    <div class="app-inline-actions">
                      {r.linked ? (
                        <span>{t('sig.related.linked')}</span>
                      ) : (
                        <Form
                          action={`${base}/koppelingen`}
                          csrf={page.csrf}
                          label={t('sig.related.link', { reference: r.reference })}
                        >
                          <input type="hidden" name="relatedId" value={r.id} />
                          <Button variant="secondary">
                            {t('sig.related.link', { reference: r.reference })}
                          </Button>
                        </Form>
                      )}
                      {r.status !== 'samengevoegd' && s.status !== 'samengevoegd' && (
                        <Form
                          action={`${base}/samenvoegingen`}
                          csrf={page.csrf}
                          label={t('sig.related.merge', { reference: r.reference })}
                        >
                          <input type="hidden" name="duplicateId" value={r.id} />
                          <input type="hidden" name="reason" value={t('sig.related.mergeReason')} />
                          <Button variant="subtle">
                            {t('sig.related.merge', { reference: r.reference })}
                          </Button>
                        </Form>
                      )}
                    </div>,
                  ])}
                />
              )}
              {s.merged.length > 0 && (
                <Paragraph>
                  {t('sig.detail.merged')}{' '}
                  {s.merged.map((m, i) => (
                    <>
                      {i > 0 && ', '}
                      <Link href={`/signalen/${m.id}`}>{m.reference}</Link>
                    </>
                  ))}
                </Paragraph>
              )}
            </>
          )}

          <Heading level={2}>{t('sig.forwards.title')}</Heading>
          {s.forwards.length === 0 ? (
            <Paragraph>{t('sig.forwards.none')}</Paragraph>
          ) : (
            <Table
              caption={t('sig.forwards.caption')}
              head={[
                t('sig.forward.recipient'),
                t('sig.forward.purpose'),
                t('sig.forward.basis'),
                t('sig.col.status'),
                t('sig.forward.outcome'),
              ]}
              rows={s.forwards.map((f) => [
                f.to.name,
                t(`sig.purpose.${f.purpose}`),
                `${f.rule.id}: ${f.rule.legalBasis}`,
                t(`sig.fstatus.${f.status}`),
                f.outcome ? `${t(`sig.outcome.${f.outcome}`)}: ${f.outcomeReason ?? ''}` : '—',
              ])}
            />
          )}

          <Heading level={2}>{t('sig.messages.title')}</Heading>
          <Messages page={page} messages={s.messages} />
          {s.status !== 'samengevoegd' && (
            <Form action={`${base}/berichten`} csrf={page.csrf} label={t('sig.messages.write')}>
              <TextArea
                name="body"
                label={t('sig.messages.write')}
                description={t(
                  s.reporter.kind === 'anonymous' ? 'sig.messages.anonymousHelp' : 'sig.messages.help',
                )}
                value={view.formWithErrors === 'message' ? one(view.values, 'body') : ''}
                error={errs('message').body}
                maxLength={LIMITS.message}
              />
              <Button variant="secondary">{t('sig.messages.send')}</Button>
            </Form>
          )}

          <Heading level={2}>{t('sig.timeline.title')}</Heading>
          <ol class="app-timeline">
            {s.timeline.map((e) => (
              <li class="app-timeline__item">
                <span class="app-muted">
                  {formatDateTime(lang, e.at)} · {e.actor ?? t('sig.timeline.system')}
                  {e.organisation ? ` (${e.organisation})` : ''}
                  {e.reference !== s.reference ? ` · ${e.reference}` : ''}
                </span>
                <br />
                {eventText(page, e)}
                {e.text && <div class="app-timeline__text">{e.text}</div>}
              </li>
            ))}
          </ol>
        </div>
        {(open || ['afgesloten', 'monitoren', 'doorgezet'].includes(s.status)) && (
          <aside class="app-split__aside" aria-label={t('sig.actions')}>
            {view.national && open && (
              <>
                <Heading level={2}>{t('sig.route.title')}</Heading>
                <Paragraph>{t('sig.route.intro')}</Paragraph>
                <Form action={`${base}/routering`} csrf={page.csrf} label={t('sig.route.title')}>
                  <SelectField
                    name="municipalityCode"
                    label={t('sig.field.municipality')}
                    value={one(view.values, 'municipalityCode')}
                    error={errs('route').municipalityCode}
                    options={[
                      { value: '', label: t('sig.field.municipality.choose') },
                      ...view.municipalities.map((m) => ({ value: m.code, label: m.name })),
                    ]}
                  />
                  <Button>{t('sig.route.submit')}</Button>
                </Form>
              </>
            )}

            {!view.national && open && (
              <>
                <div class="app-actions">
                  <Paragraph>
                    <a
                      class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                      href={`${base}/doorzetten`}
                    >
                      {t('sig.forward.open')}
                    </a>
                  </Paragraph>
                  <Form action={`${base}/toewijzing`} csrf={page.csrf} label={t('sig.assign.title')}>
                    <SelectField
                      name="userId"
                      label={t('sig.assign.title')}
                      value={s.assignedTo?.userId ?? ''}
                      options={[
                        { value: '', label: t('sig.assign.nobody') },
                        ...view.assignees.map((a) => ({ value: a.userId, label: a.displayName })),
                      ]}
                    />
                    <Button variant="secondary">{t('sig.assign.submit')}</Button>
                  </Form>
                  {decidable && (
                    <Form action={`${base}/besluit`} csrf={page.csrf} label={t('sig.decide.title')}>
                      <SelectField
                        name="decision"
                        label={t('sig.decide.title')}
                        value={one(view.values, 'decision')}
                        error={errs('decide').decision}
                        options={[
                          { value: 'monitoren', label: t('sig.status.monitoren') },
                          { value: 'afgesloten', label: t('sig.decide.close') },
                        ]}
                      />
                      <TextField
                        name="reviewOn"
                        type="date"
                        label={t('sig.decide.reviewOn')}
                        description={t('sig.decide.reviewOn.help')}
                        value={one(view.values, 'reviewOn')}
                        error={errs('decide').reviewOn}
                      />
                      <TextArea
                        name="reason"
                        label={t('sig.decide.reason')}
                        value={view.formWithErrors === 'decide' ? one(view.values, 'reason') : ''}
                        error={errs('decide').reason}
                        maxLength={LIMITS.reason}
                      />
                      <Button variant="secondary">{t('sig.decide.submit')}</Button>
                    </Form>
                  )}
                  <Form action={`${base}/notities`} csrf={page.csrf} label={t('sig.note.title')}>
                    <TextArea
                      name="note"
                      label={t('sig.note.title')}
                      value={view.formWithErrors === 'note' ? one(view.values, 'note') : ''}
                      error={errs('note').note}
                      maxLength={LIMITS.note}
                    />
                    <Button variant="secondary">{t('sig.note.submit')}</Button>
                  </Form>
                </div>
              </>
            )}
            {!view.national &&
              (s.status === 'afgesloten' || s.status === 'monitoren' || s.status === 'doorgezet') && (
                <Form action={`${base}/heropening`} csrf={page.csrf} label={t('sig.reopen.title')}>
                  <TextArea
                    name="reason"
                    label={t('sig.reopen.title')}
                    value=""
                    error={errs('reopen').reason}
                    maxLength={LIMITS.reason}
                  />
                  <Button variant="secondary">{t('sig.reopen.submit')}</Button>
                </Form>
              )}
          </aside>
        )}
      </div>
    </>
  );
}

export function Messages({
  page,
  messages,
}: {
  page: PageContext;
  messages: { at: string; author: string; authorName: string | null; body: string }[];
}) {
  const { t, lang } = page;
  if (messages.length === 0) return <Paragraph>{t('sig.messages.none')}</Paragraph>;
  return (
    <ol class="app-messages">
      {messages.map((m) => (
        <li class={`app-message app-message--${m.author}`}>
          <span class="app-muted">
            {formatDateTime(lang, m.at)} ·{' '}
            {m.author === 'reporter'
              ? t('sig.messages.reporter')
              : (m.authorName ?? t('sig.messages.officer'))}
          </span>
          <div class="app-message__body">{m.body}</div>
        </li>
      ))}
    </ol>
  );
}

export interface ForwardFormView {
  signal: Pick<SignalView, 'id' | 'reference' | 'forms'>;
  options: RecipientOption[];
  values: Values;
  errors: Errors;
}

export function ForwardPage({ page, view }: { page: PageContext; view: ForwardFormView }) {
  const { t } = page;
  const { values, errors } = view;
  const chosen = many(values, 'categories');
  return (
    <>
      <Paragraph>
        <Link href={`/signalen/${view.signal.id}`}>
          {t('sig.back.signal', { reference: view.signal.reference })}
        </Link>
      </Paragraph>
      <Heading>{t('sig.forward.title', { reference: view.signal.reference })}</Heading>
      <Paragraph lead>{t('sig.forward.intro')}</Paragraph>
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Form
        action={`/signalen/${view.signal.id}/doorzetten`}
        csrf={page.csrf}
        label={t('sig.forward.title', { reference: view.signal.reference })}
      >
        <CheckboxGroup
          name="categories"
          legend={t('sig.forward.categories')}
          options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: t(`sig.category.${c}.long`) }))}
          values={chosen.length ? chosen : [...SIGNAL_CATEGORIES]}
          error={errors.categories}
        />
        <Heading level={2}>{t('sig.forward.recipients')}</Heading>
        {errors.recipients && <Alert type="error">{errors.recipients}</Alert>}
        {view.options.map((o) => {
          const name = `purpose.${o.organisation.id}`;
          return (
            <div class="app-recipient">
              <SelectField
                name={name}
                label={`${o.organisation.name} (${t(`sig.orgtype.${o.organisation.type}`)})`}
                value={one(values, name)}
                error={errors[name]}
                options={[
                  { value: '', label: t('sig.forward.notTo') },
                  ...o.purposes.map((p) => ({
                    value: p.purpose,
                    label: `${t(`sig.purpose.${p.purpose}`)}${p.decision.allowed ? '' : ` — ${t('sig.forward.noBasis')}`}`,
                  })),
                ]}
              />
              <ul class="app-muted app-basis">
                {o.purposes.map((p) => (
                  <li>
                    {t(`sig.purpose.${p.purpose}`)}:{' '}
                    {p.decision.allowed ? (
                      <>
                        {t(p.decision.toBeConfirmed ? 'sig.forward.allowedTbc' : 'sig.forward.allowed', {
                          rule: p.decision.rule.id,
                          basis: p.decision.rule.legalBasis,
                        })}
                        {p.decision.withheld.length > 0 &&
                          ` ${t('sig.forward.withheld', { list: p.decision.withheld.map((c) => t(`sig.category.${c}`)).join(', ') })}`}
                      </>
                    ) : (
                      t('sig.forward.refused', { reason: t(`sig.refusal.${p.decision.code}`) })
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <TextArea
          name="reason"
          label={t('sig.forward.reason')}
          value={one(values, 'reason')}
          error={errors.reason}
          maxLength={LIMITS.reason}
        />
        <ButtonGroup>
          <Button>{t('sig.forward.submit')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

export function InboxPage({
  page,
  items,
  status,
}: {
  page: PageContext;
  items: InboxItem[];
  status: string;
}) {
  const { t, lang } = page;
  return (
    <>
      <Heading>{t('sig.inbox.title')}</Heading>
      <Paragraph lead>{t('sig.inbox.intro')}</Paragraph>
      <Form action="/doorzettingen" method="get" csrf={page.csrf} label={t('sig.queue.filter')}>
        <div class="app-filters">
          <SelectField
            name="status"
            label={t('sig.col.status')}
            value={status}
            options={[
              { value: '', label: t('sig.all') },
              ...FORWARD_STATUSES.map((s) => ({ value: s, label: t(`sig.fstatus.${s}`) })),
            ]}
          />
          <ButtonGroup>
            <Button variant="secondary">{t('sig.queue.apply')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      {items.length === 0 ? (
        <Paragraph>{t('sig.inbox.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('sig.inbox.caption', { count: items.length })}
          head={[
            t('sig.col.reference'),
            t('sig.inbox.from'),
            t('sig.forward.purpose'),
            t('sig.col.forms'),
            t('sig.col.urgency'),
            t('sig.col.status'),
            t('sig.inbox.at'),
          ]}
          rows={items.map((f) => [
            <Link href={`/doorzettingen/${f.id}`}>{f.reference}</Link>,
            f.from,
            t(`sig.purpose.${f.purpose}`),
            formList(page, f.forms),
            <Badges page={page} s={{ acute: f.acute, minors: f.minors, overdue: false, reviewDue: false }} />,
            f.outcome ? t(`sig.outcome.${f.outcome}`) : t(`sig.fstatus.${f.status}`),
            formatDateTime(lang, f.forwardedAt),
          ])}
        />
      )}
    </>
  );
}

export function ReceivedPage({
  page,
  view,
  values,
  errors,
  saved,
}: {
  page: PageContext;
  view: ForwardedSignalView;
  values: Values;
  errors: Errors;
  saved?: string | undefined;
}) {
  const { t, lang } = page;
  const withheld = (what: string) => <span class="app-muted">{t('sig.received.withheld', { what })}</span>;
  return (
    <>
      <Paragraph>
        <Link href="/doorzettingen">{t('sig.back.inbox')}</Link>
      </Paragraph>
      <Heading>{t('sig.received.title', { reference: view.reference })}</Heading>
      {saved && <Alert type="ok">{t(`sig.saved.${saved}`)}</Alert>}
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Alert type="info">
        {t('sig.received.basis', {
          from: view.from.name,
          purpose: t(`sig.purpose.${view.purpose}`),
          rule: view.rule.id,
          basis: view.rule.legalBasis,
        })}{' '}
        {view.withheld.length > 0 &&
          t('sig.received.withheldList', {
            list: view.withheld.map((c) => t(`sig.category.${c}`)).join(', '),
          })}
      </Alert>
      <DataList
        items={[
          [t('sig.col.status'), t(`sig.fstatus.${view.status}`)],
          [t('sig.col.received'), formatDateTime(lang, view.receivedAt)],
          [t('sig.field.observedOn'), view.observedOn ?? '—'],
          [t('sig.field.municipality'), view.municipalityCode ?? t('sig.unknown')],
          [t('sig.col.forms'), formList(page, view.forms)],
          [
            t('sig.col.urgency'),
            <Badges
              page={page}
              s={{ acute: view.acute, minors: view.minors, overdue: false, reviewDue: false }}
            />,
          ],
          [
            t('sig.detail.reporter'),
            view.reporter
              ? [view.reporter.name, view.reporter.organisation].filter(Boolean).join(', ')
              : withheld(t('sig.category.contact')),
          ],
        ]}
      />
      <Heading level={2}>{t('sig.field.narrative')}</Heading>
      {view.narrative !== null ? (
        <div class="app-narrative">{view.narrative}</div>
      ) : (
        withheld(t('sig.category.narrative'))
      )}
      <Heading level={2}>{t('sig.intake.persons')}</Heading>
      {view.persons === null ? (
        withheld(t('sig.category.identifying'))
      ) : view.persons.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {view.persons.map((p) => (
            <li class="utrecht-unordered-list__item">{personText(page, p)}</li>
          ))}
        </ul>
      )}
      <Heading level={2}>{t('sig.intake.identifiers')}</Heading>
      {view.identifiers === null ? (
        withheld(t('sig.category.identifiers'))
      ) : view.identifiers.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <Table
          caption={t('sig.intake.identifiers')}
          head={[t('sig.identifier.typeCol'), t('sig.identifier.valueCol')]}
          rows={view.identifiers.map((x) => [t(`sig.identifier.${x.type}`), x.display])}
        />
      )}
      {view.status === 'verzonden' && (
        <Form
          action={`/doorzettingen/${view.id}/acceptatie`}
          csrf={page.csrf}
          label={t('sig.received.accept')}
        >
          <Button>{t('sig.received.accept')}</Button>
        </Form>
      )}
      {view.status !== 'afgerond' ? (
        <>
          <Heading level={2}>{t('sig.received.outcome')}</Heading>
          <Form
            action={`/doorzettingen/${view.id}/uitkomst`}
            csrf={page.csrf}
            label={t('sig.received.outcome')}
          >
            <SelectField
              name="outcome"
              label={t('sig.forward.outcome')}
              value={one(values, 'outcome')}
              error={errors.outcome}
              options={[
                { value: '', label: t('sig.choose') },
                ...OUTCOMES.map((o) => ({ value: o, label: t(`sig.outcome.${o}`) })),
              ]}
            />
            <TextArea
              name="reason"
              label={t('sig.received.reason')}
              value={one(values, 'reason')}
              error={errors.reason}
              maxLength={LIMITS.reason}
            />
            <TextArea
              name="reporterSummary"
              label={t('sig.received.summary')}
              description={t('sig.received.summary.help')}
              value={one(values, 'reporterSummary')}
              error={errors.reporterSummary}
              maxLength={LIMITS.reason}
            />
            <Button>{t('sig.received.submit')}</Button>
          </Form>
        </>
      ) : (
        <DataList
          items={[
            [t('sig.forward.outcome'), t(`sig.outcome.${view.outcome}`)],
            [t('sig.received.reason'), view.outcomeReason ?? ''],
            [t('sig.received.summary'), view.reporterSummary ?? '—'],
          ]}
        />
      )}
    </>
  );
}

const reporterStatusText = (page: PageContext, status: ReporterStatus) => page.t(`sig.rstatus.${status}`);

export function MinePage({
  page,
  items,
}: {
  page: PageContext;
  items: { id: string; reference: string; status: ReporterStatus; forms: string[]; receivedAt: string }[];
}) {
  const { t, lang } = page;
  return (
    <>
      <Heading>{t('sig.mine.title')}</Heading>
      <Paragraph lead>{t('sig.mine.intro')}</Paragraph>
      <Paragraph>
        <Link href="/signalen/nieuw">{t('sig.intake.title')}</Link>
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('sig.mine.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('sig.mine.caption', { count: items.length })}
          head={[t('sig.col.reference'), t('sig.col.received'), t('sig.col.forms'), t('sig.col.status')]}
          rows={items.map((s) => [
            <Link href={`/mijn-signalen/${s.id}`}>{s.reference}</Link>,
            formatDateTime(lang, s.receivedAt),
            formList(page, s.forms),
            reporterStatusText(page, s.status),
          ])}
        />
      )}
    </>
  );
}

export function OwnSignalPage({
  page,
  signal,
  saved,
  errors,
  values,
}: {
  page: PageContext;
  signal: OwnSignal;
  saved?: string | undefined;
  errors: Errors;
  values: Values;
}) {
  const { t, lang } = page;
  return (
    <>
      <Paragraph>
        <Link href="/mijn-signalen">{t('sig.back.mine')}</Link>
      </Paragraph>
      <Heading>{t('sig.own.title', { reference: signal.reference })}</Heading>
      {saved && <Alert type="ok">{t(`sig.saved.${saved}`, { reference: signal.reference })}</Alert>}
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <DataList
        items={[
          [t('sig.col.status'), reporterStatusText(page, signal.status)],
          [t('sig.col.received'), formatDateTime(lang, signal.receivedAt)],
          [t('sig.field.observedOn'), signal.observedOn ?? '—'],
          [t('sig.field.municipality'), signal.municipalityCode ?? '—'],
          [t('sig.col.forms'), formList(page, signal.forms)],
        ]}
      />
      <Heading level={2}>{t('sig.own.feedback')}</Heading>
      {signal.feedback.length === 0 ? (
        <Paragraph>{t('sig.own.noFeedback')}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {signal.feedback.map((f) => (
            <li class="utrecht-unordered-list__item">
              <span class="app-muted">{formatDateTime(lang, f.at)}</span> {f.summary}
            </li>
          ))}
        </ul>
      )}
      <Heading level={2}>{t('sig.messages.title')}</Heading>
      <Messages page={page} messages={signal.messages} />
      <Form action={`/mijn-signalen/${signal.id}/berichten`} csrf={page.csrf} label={t('sig.messages.write')}>
        <TextArea
          name="body"
          label={t('sig.messages.write')}
          value={one(values, 'body')}
          error={errors.body}
          maxLength={LIMITS.message}
        />
        <Button variant="secondary">{t('sig.messages.send')}</Button>
      </Form>
      <Heading level={2}>{t('sig.own.yourReport')}</Heading>
      <div class="app-narrative">{signal.narrative}</div>
    </>
  );
}
