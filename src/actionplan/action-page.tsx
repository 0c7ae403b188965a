// One action: what the source says, its holders, status, indicators, the full progress history, and the forms to
// report progress (action holders) and to review it (the programme team).
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
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import { OrgList, StatusBadge, SubNav } from './pages.js';
import { formatNumber } from './report-text.js';
import { GRACE_DAYS, STATUSES } from './rules.js';
import type { ActionDetail } from './service.js';

type Errors = Record<string, string | undefined>;

export interface ActionView {
  action: ActionDetail;
  lineTitle: string;
  periods: string[];
  organisation: string | null;
  saved?: 'progress' | 'review' | undefined;
  values?: Record<string, string>;
  errors?: Errors;
  reviewErrors?: { updateId: string; errors: Errors };
}

export function ActionPage({ page, view }: { page: PageContext; view: ActionView }) {
  const { t } = page;
  const { action } = view;
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const none = t('ap.action.none');
  return (
    <>
      <Heading>
        {t('ap.action.title', { code: action.code })}: {action.title}
      </Heading>
      <SubNav page={page} />
      {view.saved && (
        <Alert type="ok">{t(view.saved === 'progress' ? 'ap.progress.saved' : 'ap.review.saved')}</Alert>
      )}
      {action.overduePeriod && (
        <Alert type="warning">
          {t('ap.action.overdue', { period: action.overduePeriod, days: GRACE_DAYS })}
        </Alert>
      )}
      <DataList
        items={[
          [t('ap.col.line'), view.lineTitle],
          [t('ap.action.section'), action.section ?? none],
          [
            t('ap.action.status'),
            <>
              <StatusBadge page={page} action={action} />
              {action.statusReason && <> {t('ap.action.reason', { reason: action.statusReason })}</>}
            </>,
          ],
          [t('ap.action.holders'), <OrgList page={page} list={action.holders} />],
          [
            t('ap.action.involved'),
            action.involved.length ? <OrgList page={page} list={action.involved} /> : none,
          ],
          [t('ap.action.forms'), action.forms.map((f) => t(`ap.form.${f}`)).join(', ') || none],
          [
            t('ap.action.period'),
            action.start || action.end ? `${action.start ?? '…'} – ${action.end ?? '…'}` : none,
          ],
        ]}
      />
      <Heading level={2}>{t('ap.action.description')}</Heading>
      {action.description.split('\n').map((line) => (
        <Paragraph>{line}</Paragraph>
      ))}
      <Paragraph>
        <span class="app-muted">{t('ap.source', { source: action.source })}</span>
      </Paragraph>
      {action.indicators.length > 0 && (
        <Table
          caption={t('ap.indicators')}
          head={[
            t('ap.indicator.definition'),
            t('ap.indicator.unit'),
            t('ap.indicator.baseline'),
            t('ap.indicator.target'),
            t('ap.indicator.computation'),
            t('ap.indicator.measurements'),
          ]}
          rows={action.indicators.map((i) => [
            <Link href={`/actieplan/indicatoren/${encodeURIComponent(i.code)}`}>{i.definition}</Link>,
            i.unit,
            i.baseline === null ? none : `${i.baseline} (${i.baselinePeriod ?? ''})`,
            i.target === null ? none : `${i.target} ${i.targetPeriod ?? ''}`,
            i.computation ?? t('ap.indicator.byHand'),
            i.measurements.length
              ? i.measurements
                  .map(
                    (m) =>
                      `${m.period}: ${m.fewerThanTen ? '<10' : formatNumber(page.lang, m.value ?? 0)} (${m.source})`,
                  )
                  .join('; ')
              : t('ap.indicator.noMeasurements'),
          ])}
        />
      )}
      <Heading level={2}>{t('ap.history')}</Heading>
      {action.updates.length === 0 ? (
        <Paragraph>{t('ap.history.none')}</Paragraph>
      ) : (
        action.updates.map((u) => (
          <section class="app-card" aria-label={`${t('ap.history.period')} ${u.period}`}>
            <Heading level={3}>
              {u.period}: {t(`ap.status.${u.status}`)}
            </Heading>
            <DataList
              items={[
                [t('ap.history.by'), `${u.submittedBy}, ${u.organisation} (${u.submittedAt.slice(0, 10)})`],
                ...(u.reason ? ([[t('ap.progress.reason'), u.reason]] as [string, string][]) : []),
                [t('ap.history.done'), u.done],
                [t('ap.history.next'), u.next],
                [t('ap.history.risks'), u.risks || none],
                [
                  t('ap.history.review'),
                  u.reviews.length
                    ? u.reviews
                        .map(
                          (r) =>
                            `${t(`ap.decision.${r.decision}`)} (${r.reviewedAt.slice(0, 10)})${r.comment ? `: ${r.comment}` : ''}`,
                        )
                        .join(' · ')
                    : t('ap.history.unreviewed'),
                ],
              ]}
            />
            {action.canReview && u.reviews.length === 0 && (
              <Form
                action={`/actieplan/acties/${action.code}/voortgang/${u.id}/beoordeling`}
                csrf={page.csrf}
                label={t('ap.review.title')}
              >
                <SelectField
                  name={`decision_${u.id}`}
                  label={t('ap.review.decision')}
                  options={[
                    { value: 'geaccepteerd', label: t('ap.decision.geaccepteerd') },
                    { value: 'aanpassen', label: t('ap.decision.aanpassen') },
                  ]}
                />
                <TextArea
                  name={`comment_${u.id}`}
                  label={t('ap.review.comment')}
                  value=""
                  error={view.reviewErrors?.updateId === u.id ? view.reviewErrors.errors.comment : undefined}
                />
                <ButtonGroup>
                  <Button variant="secondary">{t('ap.review.submit')}</Button>
                </ButtonGroup>
              </Form>
            )}
          </section>
        ))
      )}
      <Heading level={2}>{t('ap.progress.title')}</Heading>
      {action.canReport ? (
        <>
          <Paragraph>{t('ap.progress.intro', { organisation: view.organisation ?? '' })}</Paragraph>
          <ErrorSummary errors={errors} title={t('ap.progress.errors')} />
          <Form
            action={`/actieplan/acties/${action.code}/voortgang`}
            csrf={page.csrf}
            label={t('ap.progress.title')}
          >
            <SelectField
              name="period"
              label={t('ap.progress.period')}
              value={values.period ?? action.overduePeriod ?? view.periods[1]}
              error={errors.period}
              options={view.periods.map((p) => ({ value: p, label: p }))}
            />
            <SelectField
              name="status"
              label={t('ap.progress.status')}
              value={values.status ?? (action.status === 'niet-gestart' ? 'loopt' : action.status)}
              error={errors.status}
              options={STATUSES.map((s) => ({ value: s, label: t(`ap.status.${s}`) }))}
            />
            <TextArea
              name="reason"
              label={t('ap.progress.reason')}
              value={values.reason ?? ''}
              error={errors.reason}
            />
            <TextArea
              name="done"
              label={t('ap.progress.done')}
              value={values.done ?? ''}
              error={errors.done}
            />
            <TextArea
              name="next"
              label={t('ap.progress.next')}
              value={values.next ?? ''}
              error={errors.next}
            />
            <TextArea
              name="risks"
              label={t('ap.progress.risks')}
              value={values.risks ?? ''}
              error={errors.risks}
            />
            <ButtonGroup>
              <Button>{t('ap.progress.submit')}</Button>
            </ButtonGroup>
          </Form>
        </>
      ) : (
        <Paragraph>{t('ap.progress.notHolder')}</Paragraph>
      )}
      <Paragraph>
        <Link href="/actieplan/acties">{t('common.back')}</Link>
      </Paragraph>
    </>
  );
}
