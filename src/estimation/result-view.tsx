// The result of an estimate as a person reads it: the estimate in words, warnings in plain language, the charts
// with their tables, and the models that were compared. Shared by the estimate page and a saved estimate's page.
import { Alert, Heading, Paragraph, Table } from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import {
  EstimateChart,
  EstimateTable,
  formatLevel,
  formatNumber,
  OverlapChart,
  OverlapTables,
} from './charts.js';
import type { Outcome, OutcomeWarning } from './service.js';

function warningText(page: PageContext, w: OutcomeWarning): string {
  const key = `estimation.warning.${w.code}`;
  const text = page.t(key, w.details);
  return text === key ? w.message : text;
}

const modelName = (page: PageContext, interactions: string[]) =>
  [page.t('estimation.mainEffects'), ...interactions].join(' + ');

function Models({ page, outcome }: { page: PageContext; outcome: Outcome }) {
  const { t, lang } = page;
  const { models } = outcome;
  const n = (v: number | null, d = 1) => formatNumber(lang, v, d);
  const stepwise = outcome.method === 'stepwise';
  const intro =
    outcome.method === 'exhaustive'
      ? t('estimation.models.exhaustive', {
          searched: n(models.searched, 0),
          fitted: n(models.fitted, 0),
          shown: models.rows.length,
          criterion: (outcome.criterion ?? 'aic').toUpperCase(),
        })
      : t(`estimation.models.${outcome.method}`);
  const p = (v: number | null) => (v === null ? '–' : v < 0.001 ? `< ${n(0.001, 3)}` : n(v, 3));
  // Stepwise models are nested, so each row names only what its step added; the other methods list the model.
  return (
    <>
      <Paragraph>{intro}</Paragraph>
      <Table
        caption={t('estimation.table.models')}
        head={[
          stepwise ? t('estimation.col.step') : t('estimation.col.rank'),
          ...(stepwise
            ? [t('estimation.col.added'), t('estimation.col.pValue')]
            : [t('estimation.col.interactions')]),
          'AIC',
          'BIC',
          t('estimation.col.total'),
        ]}
        rows={models.rows.map((r, i) => [
          r.chosen ? `${i + 1} (${t('estimation.chosen')})` : String(i + 1),
          ...(stepwise
            ? [r.added ?? t('estimation.mainEffects'), p(r.pValue)]
            : [r.interactions.length ? r.interactions.join(', ') : t('estimation.none')]),
          n(r.aic),
          n(r.bic),
          n(r.total, 0),
        ])}
      />
    </>
  );
}

export function Results({ page, outcome }: { page: PageContext; outcome: Outcome }) {
  const { t, lang } = page;
  const n = (v: number | null) => (v === null ? t('estimation.unbounded') : formatNumber(lang, v));
  const { interval } = outcome;
  return (
    <section aria-labelledby="result-heading">
      <Heading level={2} id="result-heading">
        {t('estimation.result')}
      </Heading>
      <Paragraph lead>
        {t('estimation.summary', {
          total: n(outcome.total),
          level: formatLevel(lang, interval.level),
          lower: n(interval.lower),
          upper: n(interval.upper),
          observed: n(outcome.observed),
          unobserved: n(outcome.unobserved),
        })}
      </Paragraph>
      <Paragraph>
        {t('estimation.summaryMethod', {
          method: t(`estimation.method.${outcome.method}`),
          interval: t(`estimation.interval.${interval.method}`),
          model: modelName(page, outcome.model.interactions),
          lists: outcome.lists.join(', '),
        })}
      </Paragraph>
      {outcome.warnings.length > 0 && (
        <Alert type="warning">
          <p class="utrecht-paragraph">{t('estimation.warnings')}</p>
          <ul class="utrecht-unordered-list">
            {outcome.warnings.map((w) => (
              <li class="utrecht-unordered-list__item">{warningText(page, w)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <EstimateChart outcome={outcome} t={t} lang={lang} />
      <EstimateTable outcome={outcome} t={t} lang={lang} />
      <Heading level={2}>{t('estimation.overlaps')}</Heading>
      <OverlapChart outcome={outcome} t={t} lang={lang} />
      <OverlapTables outcome={outcome} t={t} lang={lang} />
      <Heading level={2}>{t('estimation.models')}</Heading>
      <Models page={page} outcome={outcome} />
    </section>
  );
}
