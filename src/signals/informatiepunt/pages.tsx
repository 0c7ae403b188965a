// The Informatiepunt's pages: the board with the meetings and a form to open one, and one meeting with a decision
// form per signal to discuss, the decisions taken, closing and the minutes.
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
  TextArea,
  TextField,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import { LIMITS } from '../vocabulary.js';
import { longDate } from './minutes.js';
import { BOARD_STATUSES, type BoardItem, type BoardStatus } from './board.js';
import { CHAIR_MAX, MEETING_DECISIONS, type MeetingSummary, type MeetingView } from './service.js';

type Errors = Record<string, string | undefined>;

function Badges({ page, item }: { page: PageContext; item: Pick<BoardItem, 'acute' | 'minors'> }) {
  return (
    <>
      {item.acute && (
        <>
          {' '}
          <span class="utrecht-status-badge utrecht-status-badge--danger">{page.t('ip.acute')}</span>
        </>
      )}
      {item.minors && (
        <>
          {' '}
          <span class="utrecht-status-badge utrecht-status-badge--warning">{page.t('ip.minors')}</span>
        </>
      )}
    </>
  );
}

const formNames = (page: PageContext, forms: string[]) => forms.map((f) => page.t(`ip.form.${f}`)).join(', ');

/** One signal on the board: base facts always, the narrative only when the forward shared it. */
function SignalCard({
  page,
  item,
  children,
}: {
  page: PageContext;
  item: BoardItem;
  children?: ComponentChildren;
}) {
  const { t, lang } = page;
  const headingId = `signal-${item.signalId}`;
  return (
    <section class="app-card" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {item.forward ? (
          <Link href={`/doorzettingen/${item.forward.id}`}>{item.reference}</Link>
        ) : (
          item.reference
        )}
        <Badges page={page} item={item} />
      </Heading>
      <DataList
        items={[
          [t('ip.signal.received'), formatDateTime(lang, item.receivedAt)],
          [
            t('ip.signal.forwarded'),
            item.forward
              ? t('ip.signal.forwardedBy', {
                  organisation: item.forward.from.name,
                  date: formatDateTime(lang, item.forward.forwardedAt),
                })
              : t('ip.signal.held'),
          ],
          [t('ip.signal.forms'), formNames(page, item.forms)],
          [t('ip.signal.seriousDisadvantage'), t(item.seriousDisadvantage ? 'ip.yes' : 'ip.no')],
          [t('ip.signal.sector'), item.sector ? t(`ip.sector.${item.sector}`) : t('ip.unknown')],
          [t('ip.signal.municipality'), item.municipalityName ?? item.municipalityCode ?? t('ip.unknown')],
          [
            t('ip.signal.narrative'),
            item.narrative ?? <span class="app-muted">{t('ip.signal.narrativeWithheld')}</span>,
          ],
          [
            t('ip.signal.decisions'),
            item.decisions.length ? (
              <ul class="utrecht-unordered-list">
                {item.decisions.map((d) => (
                  <li class="utrecht-unordered-list__item">
                    <Link href={`/informatiepunt/overleggen/${d.meetingId}`}>
                      {t('ip.signal.decisionLine', {
                        date: longDate(lang, d.heldOn),
                        decision: t(`ip.decision.${d.decision}`),
                      })}
                    </Link>
                    {!d.meetingClosed && <> {t('ip.signal.decisionDraft')}</>}
                  </li>
                ))}
              </ul>
            ) : (
              t('ip.signal.noDecisions')
            ),
          ],
          ...(item.forward?.outcome
            ? ([[t('ip.signal.outcome'), t(`ip.outcome.${item.forward.outcome}`)]] as [string, string][])
            : []),
        ]}
      />
      {children}
    </section>
  );
}

export interface NewMeetingForm {
  values: { heldOn: string; chair: string };
  errors: Errors;
}

export interface BoardView {
  status: BoardStatus;
  reference: string;
  items: BoardItem[];
  meetings: MeetingSummary[];
  form: NewMeetingForm;
}

function MeetingsTable({ page, meetings }: { page: PageContext; meetings: MeetingSummary[] }) {
  const { t, lang } = page;
  if (meetings.length === 0) return <Paragraph>{t('ip.meetings.none')}</Paragraph>;
  return (
    <Table
      caption={t('ip.meetings.caption')}
      head={[t('ip.col.date'), t('ip.col.chair'), t('ip.col.decisions'), t('ip.col.status')]}
      rows={meetings.map((m) => [
        <Link href={`/informatiepunt/overleggen/${m.id}`}>{longDate(lang, m.heldOn)}</Link>,
        m.chair,
        String(m.decisionCount),
        m.closedAt
          ? t('ip.meeting.closedAt', { at: formatDateTime(lang, m.closedAt) })
          : t('ip.meeting.open'),
      ])}
    />
  );
}

export function BoardPage({ page, view }: { page: PageContext; view: BoardView }) {
  const { t } = page;
  const { form } = view;
  const search = view.reference ? `&referentie=${encodeURIComponent(view.reference)}` : '';
  return (
    <>
      <Heading>{t('ip.title')}</Heading>
      <Paragraph lead>{t('ip.intro')}</Paragraph>

      <Heading level={2}>{t('ip.meetings.title')}</Heading>
      <MeetingsTable page={page} meetings={view.meetings} />
      <Heading level={3}>{t('ip.meeting.new')}</Heading>
      <ErrorSummary errors={form.errors} title={t('ip.meeting.errors')} />
      <Form action="/informatiepunt/overleggen" csrf={page.csrf} label={t('ip.meeting.new')}>
        <TextField
          name="heldOn"
          type="date"
          label={t('ip.meeting.heldOn')}
          value={form.values.heldOn}
          error={form.errors.heldOn}
          required
        />
        <TextField
          name="chair"
          label={t('ip.meeting.chair')}
          value={form.values.chair}
          error={form.errors.chair}
          maxLength={CHAIR_MAX}
          required
        />
        <ButtonGroup>
          <Button>{t('ip.meeting.create')}</Button>
        </ButtonGroup>
      </Form>

      <Heading level={2}>{t('ip.board.title')}</Heading>
      <nav aria-label={t('ip.board.tabs')} class="app-subnav">
        <ul class="app-subnav__list">
          {BOARD_STATUSES.map((s) => (
            <li class="app-subnav__item">
              <Link href={`/informatiepunt?status=${s}${search}`} current={view.status === s}>
                {t(`ip.status.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form action="/informatiepunt" method="get" csrf="" label={t('ip.search')}>
        <input type="hidden" name="status" value={view.status} />
        <div class="app-filters">
          <TextField name="referentie" type="search" label={t('ip.search.label')} value={view.reference} />
          <ButtonGroup>
            <Button variant="secondary">{t('ip.search.submit')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      <Paragraph>
        {t('ip.board.count', { count: view.items.length })}
        {view.reference && (
          <>
            {' '}
            <Link href={`/informatiepunt?status=${view.status}`}>{t('ip.search.reset')}</Link>
          </>
        )}
      </Paragraph>
      {view.items.length === 0 ? (
        <Paragraph>{t('ip.board.none')}</Paragraph>
      ) : (
        view.items.map((item) => <SignalCard page={page} item={item} />)
      )}
    </>
  );
}

export interface MeetingPageView {
  meeting: MeetingView;
  toDiscuss: BoardItem[];
  notice?: 'created' | 'decided' | 'closed' | undefined;
  /** The decision form that failed: its signal, the values sent and the errors by field name. */
  failed?: { signalId: string; values: { decision: string; reason: string }; errors: Errors } | undefined;
  /** A refusal that belongs to no field (the meeting was closed, the signal left the board). */
  problem?: string | undefined;
}

export const decisionField = (signalId: string) => `decision_${signalId}`;
export const reasonField = (signalId: string) => `reason_${signalId}`;

function DecisionForm({
  page,
  meeting,
  item,
  failed,
}: {
  page: PageContext;
  meeting: MeetingView;
  item: BoardItem;
  failed: MeetingPageView['failed'];
}) {
  const { t } = page;
  const mine = failed?.signalId === item.signalId ? failed : undefined;
  return (
    <Form
      action={`/informatiepunt/overleggen/${meeting.id}/besluiten`}
      csrf={page.csrf}
      label={t('ip.meeting.decide', { reference: item.reference })}
    >
      <input type="hidden" name="signalId" value={item.signalId} />
      <SelectField
        name={decisionField(item.signalId)}
        label={t('ip.meeting.decision')}
        value={mine?.values.decision ?? (item.quickResponse ? 'quick-response-team' : '')}
        error={mine?.errors[decisionField(item.signalId)]}
        options={[
          { value: '', label: t('ip.decision.choose') },
          ...MEETING_DECISIONS.map((d) => ({ value: d, label: t(`ip.decision.${d}`) })),
        ]}
      />
      <TextArea
        name={reasonField(item.signalId)}
        label={t('ip.meeting.reason')}
        description={t('ip.meeting.reasonHelp')}
        value={mine?.values.reason ?? ''}
        error={mine?.errors[reasonField(item.signalId)]}
        maxLength={LIMITS.reason}
        rows={3}
      />
      <ButtonGroup>
        <Button variant="secondary">{t('ip.meeting.submit')}</Button>
      </ButtonGroup>
    </Form>
  );
}

export function MeetingPage({ page, view }: { page: PageContext; view: MeetingPageView }) {
  const { t, lang } = page;
  const { meeting } = view;
  const closed = meeting.closedAt !== null;
  const failedItem = view.failed && view.toDiscuss.find((i) => i.signalId === view.failed!.signalId);
  return (
    <>
      <Heading>{t('ip.meeting.title', { date: longDate(lang, meeting.heldOn) })}</Heading>
      {view.notice && (
        <Alert type="ok">
          {t(
            view.notice === 'created'
              ? 'ip.meeting.created'
              : view.notice === 'decided'
                ? 'ip.meeting.decided'
                : 'ip.meeting.closedNotice',
          )}
        </Alert>
      )}
      {view.problem && <Alert type="error">{view.problem}</Alert>}
      {view.failed && failedItem && (
        <ErrorSummary
          errors={view.failed.errors}
          title={t('ip.meeting.decideErrors', { reference: failedItem.reference })}
        />
      )}
      <DataList
        items={[
          [t('ip.meeting.heldOn'), longDate(lang, meeting.heldOn)],
          [t('ip.meeting.chair'), meeting.chair],
          [t('ip.meeting.createdBy'), meeting.createdBy ?? t('ip.unknown')],
          [
            t('ip.meeting.status'),
            closed
              ? meeting.closedBy
                ? t('ip.meeting.closedLine', {
                    at: formatDateTime(lang, meeting.closedAt!),
                    name: meeting.closedBy,
                  })
                : t('ip.meeting.closedAt', { at: formatDateTime(lang, meeting.closedAt!) })
              : t('ip.meeting.openLine'),
          ],
        ]}
      />
      <Paragraph>
        <Link href={`/api/v1/informatiepunt/overleggen/${meeting.id}/notulen`}>
          {t(closed ? 'ip.meeting.minutes' : 'ip.meeting.minutesDraft')}
        </Link>
      </Paragraph>

      <Heading level={2}>{t('ip.meeting.decisions', { count: meeting.decisions.length })}</Heading>
      {meeting.decisions.length === 0 ? (
        <Paragraph>{t('ip.meeting.noDecisions')}</Paragraph>
      ) : (
        <Table
          caption={t('ip.meeting.decisions', { count: meeting.decisions.length })}
          head={[
            t('ip.col.reference'),
            t('ip.col.forms'),
            t('ip.col.decision'),
            t('ip.col.reason'),
            t('ip.col.decidedBy'),
          ]}
          rows={meeting.decisions.map((d) => [
            <>
              {d.reference}
              <Badges page={page} item={{ acute: d.acute, minors: false }} />
            </>,
            formNames(page, d.forms),
            t(`ip.decision.${d.decision}`),
            d.reason,
            `${d.decidedBy ?? t('ip.unknown')}, ${formatDateTime(lang, d.decidedAt)}`,
          ])}
        />
      )}

      {closed ? (
        <Paragraph>{t('ip.meeting.isClosed')}</Paragraph>
      ) : (
        <>
          <Heading level={2}>{t('ip.meeting.toDiscuss', { count: view.toDiscuss.length })}</Heading>
          {view.toDiscuss.length === 0 ? (
            <Paragraph>{t('ip.meeting.nothingToDiscuss')}</Paragraph>
          ) : (
            view.toDiscuss.map((item) => (
              <SignalCard page={page} item={item}>
                <DecisionForm page={page} meeting={meeting} item={item} failed={view.failed} />
              </SignalCard>
            ))
          )}
          <Heading level={2}>{t('ip.meeting.close')}</Heading>
          <Paragraph>{t('ip.meeting.closeIntro')}</Paragraph>
          <Form
            action={`/informatiepunt/overleggen/${meeting.id}/afsluiting`}
            csrf={page.csrf}
            label={t('ip.meeting.close')}
          >
            <ButtonGroup>
              <Button>{t('ip.meeting.closeSubmit')}</Button>
            </ButtonGroup>
          </Form>
        </>
      )}
      <Paragraph>
        <Link href="/informatiepunt">{t('ip.meeting.back')}</Link>
      </Paragraph>
    </>
  );
}
