// The reporting point's queue and a signal as the aandachtsfunctionaris works on it: facts, related signals,
// forwards, messages and the timeline, with the actions beside them.
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
  TextArea,
  TextField,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { SignalSummary, SignalView } from '../views.js';
import { FORMS, LIMITS, STATUSES } from '../vocabulary.js';
import {
  one,
  Badges,
  formatDeadline,
  formList,
  personText,
  Messages,
  type Errors,
  type Values,
} from './shared.js';

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
