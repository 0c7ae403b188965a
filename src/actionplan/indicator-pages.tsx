// The indicators of a plan, and one indicator: its computation stated, every measurement (corrected ones too), and
// for the programme team the forms to enter a measurement with its source and to have Schakel compute one.
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
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { IndicatorDetail, IndicatorSummary, Measurement } from './measurements.js';
import { PlanPicker, SubNav } from './pages.js';
import { PERIOD_EXAMPLES } from './periods.js';
import type { PlanSummary } from './plan.js';
import { formatNumber } from './report-text.js';

type Errors = Record<string, string | undefined>;

/** A measurement's value as pages show it: a computed count from 1 to 9 as "<10". */
export function valueText(page: PageContext, m: Pick<Measurement, 'value' | 'fewerThanTen'>): string {
  if (m.fewerThanTen || m.value === null) return '<10';
  return formatNumber(page.lang, m.value);
}

const indicatorHref = (code: string) => `/actieplan/indicatoren/${encodeURIComponent(code)}`;

export function IndicatorsPage({
  page,
  plans,
  plan,
  indicators,
}: {
  page: PageContext;
  plans: PlanSummary[];
  plan: string;
  indicators: IndicatorSummary[];
}) {
  const { t } = page;
  return (
    <>
      <Heading>{t('ap.ind.title')}</Heading>
      <SubNav page={page} />
      <Paragraph>{t('ap.ind.intro')}</Paragraph>
      <PlanPicker page={page} action="/actieplan/indicatoren" plans={plans} value={plan} />
      {indicators.length === 0 ? (
        <Paragraph>{t('ap.ind.none')}</Paragraph>
      ) : (
        <Table
          caption={t('ap.ind.caption', { count: indicators.length, plan })}
          head={[
            t('ap.col.code'),
            t('ap.indicator.definition'),
            t('ap.ind.belongsTo'),
            t('ap.indicator.computation'),
            t('ap.ind.latest'),
          ]}
          rows={indicators.map((i) => [
            <Link href={indicatorHref(i.code)}>{i.code}</Link>,
            i.definition,
            i.actionCode ?? i.actionLineCode ?? t('ap.ind.plan'),
            i.computation
              ? i.computable
                ? t('ap.ind.computed', { code: i.computation })
                : t('ap.ind.notYet', { code: i.computation })
              : t('ap.indicator.byHand'),
            i.latest ? `${valueText(page, i.latest)} (${i.latest.period})` : t('ap.indicator.noMeasurements'),
          ])}
        />
      )}
    </>
  );
}

export interface IndicatorView {
  indicator: IndicatorDetail;
  saved?: 'meting' | 'berekend' | undefined;
  values?: Record<string, string>;
  errors?: Errors;
  computeErrors?: Errors;
}

export function IndicatorPage({ page, view }: { page: PageContext; view: IndicatorView }) {
  const { t, lang } = page;
  const { indicator } = view;
  const values = view.values ?? {};
  const errors = view.errors ?? {};
  const computeErrors = view.computeErrors ?? {};
  const none = t('ap.action.none');
  const info = indicator.computationInfo;
  const examples = indicator.periodKinds.map((k) => PERIOD_EXAMPLES[k]).join(` ${t('ap.ind.or')} `);
  const current = indicator.measurements.filter((m) => m.supersededBy === null);
  const byId = new Map(indicator.measurements.map((m) => [m.id, m]));
  const fmt = (n: number | null, period: string | null) =>
    n === null ? none : `${formatNumber(lang, n)} ${indicator.unit}${period ? ` (${period})` : ''}`;
  return (
    <>
      <Heading>{t('ap.ind.one', { code: indicator.code })}</Heading>
      <SubNav page={page} />
      {view.saved && (
        <Alert type="ok">{t(view.saved === 'meting' ? 'ap.ind.saved' : 'ap.ind.computedSaved')}</Alert>
      )}
      <DataList
        items={[
          [t('ap.indicator.definition'), indicator.definition],
          [t('ap.indicator.unit'), indicator.unit],
          [t('ap.indicator.baseline'), fmt(indicator.baseline, indicator.baselinePeriod)],
          [t('ap.indicator.target'), fmt(indicator.target, indicator.targetPeriod)],
          [
            t('ap.ind.belongsTo'),
            indicator.actionCode ? (
              <Link href={`/actieplan/acties/${encodeURIComponent(indicator.actionCode)}`}>
                {indicator.actionCode}
              </Link>
            ) : (
              (indicator.actionLineCode ?? t('ap.ind.plan'))
            ),
          ],
          [
            t('ap.indicator.computation'),
            info
              ? `${info.code}: ${lang === 'nl' ? info.nl : info.en}${info.computable ? '' : ` (${t('ap.ind.notComputable', { needs: (lang === 'nl' ? info.needsNl : info.needsEn) ?? '' })})`}`
              : t('ap.indicator.byHand'),
          ],
          [
            t('ap.ind.periods'),
            indicator.periodKinds
              .map((k) => `${t(`ap.ind.kind.${k}`)} (${PERIOD_EXAMPLES[k]})`)
              .join(` ${t('ap.ind.or')} `),
          ],
          [t('ap.ind.source'), indicator.source],
        ]}
      />
      <Paragraph>
        <span class="app-muted">{t('ap.ind.disclosure')}</span>
      </Paragraph>
      {indicator.measurements.length === 0 ? (
        <Paragraph>{t('ap.indicator.noMeasurements')}</Paragraph>
      ) : (
        <Table
          caption={t('ap.ind.history', { code: indicator.code })}
          head={[
            t('ap.report.col.period'),
            t('ap.report.col.value'),
            t('ap.ind.state'),
            t('ap.ind.sourceAndNote'),
            t('ap.ind.entered'),
          ]}
          rows={indicator.measurements.map((m) => [
            m.period,
            valueText(page, m),
            m.supersededBy
              ? t('ap.ind.superseded', {
                  date: byId.get(m.supersededBy)?.enteredAt.slice(0, 10) ?? '',
                  period: byId.get(m.supersededBy)?.period ?? '',
                })
              : t('ap.ind.current'),
            m.note ? `${m.source} (${m.note})` : m.source,
            `${m.enteredBy ?? none}, ${m.enteredAt.slice(0, 10)}`,
          ])}
        />
      )}
      {indicator.canManage ? (
        <>
          <Heading level={2}>{t('ap.ind.enter')}</Heading>
          <Paragraph>{t('ap.ind.enterIntro')}</Paragraph>
          <ErrorSummary errors={errors} title={t('ap.progress.errors')} />
          <Form
            action={`${indicatorHref(indicator.code)}/metingen`}
            csrf={page.csrf}
            label={t('ap.ind.enter')}
          >
            <TextField
              name="period"
              label={t('ap.ind.period')}
              description={t('ap.ind.periodHelp', { examples })}
              value={values.period ?? ''}
              error={errors.period}
              maxLength={20}
            />
            <TextField
              name="value"
              label={t('ap.ind.value', { unit: indicator.unit })}
              value={values.value ?? ''}
              error={errors.value}
              maxLength={30}
            />
            <TextField
              name="source"
              label={t('ap.ind.sourceField')}
              description={t('ap.ind.sourceHelp')}
              value={values.source ?? ''}
              error={errors.source}
              maxLength={500}
            />
            <TextArea
              name="note"
              label={t('ap.ind.noteField')}
              value={values.note ?? ''}
              error={errors.note}
              rows={3}
            />
            {current.length > 0 && (
              <SelectField
                name="supersedes"
                label={t('ap.ind.supersedes')}
                description={t('ap.ind.supersedesHelp')}
                value={values.supersedes ?? ''}
                error={errors.supersedes}
                options={[
                  { value: '', label: t('ap.ind.supersedesNone') },
                  ...current.map((m) => ({
                    value: m.id,
                    label: `${m.period}: ${valueText(page, m)} (${m.enteredAt.slice(0, 10)})`,
                  })),
                ]}
              />
            )}
            <ButtonGroup>
              <Button>{t('ap.ind.submit')}</Button>
            </ButtonGroup>
          </Form>
          {info?.computable && (
            <>
              <Heading level={2}>{t('ap.ind.compute')}</Heading>
              <Paragraph>{t('ap.ind.computeIntro')}</Paragraph>
              <ErrorSummary errors={computeErrors} title={t('ap.progress.errors')} />
              <Form
                action={`${indicatorHref(indicator.code)}/berekeningen`}
                csrf={page.csrf}
                label={t('ap.ind.compute')}
              >
                <SelectField
                  name="computePeriod"
                  label={t('ap.ind.period')}
                  value={values.computePeriod ?? indicator.computePeriods[0]}
                  error={computeErrors.computePeriod}
                  options={indicator.computePeriods.map((p) => ({ value: p, label: p }))}
                />
                <ButtonGroup>
                  <Button variant="secondary">{t('ap.ind.computeSubmit')}</Button>
                </ButtonGroup>
              </Form>
            </>
          )}
        </>
      ) : (
        <Paragraph>{t('ap.ind.notTeam')}</Paragraph>
      )}
      <Paragraph>
        <Link href={`/actieplan/indicatoren?plan=${encodeURIComponent(indicator.planCode)}`}>
          {t('common.back')}
        </Link>
      </Paragraph>
    </>
  );
}
