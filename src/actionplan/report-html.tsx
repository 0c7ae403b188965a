// The progress report as one printable HTML document (NL Design System markup, its own print stylesheet): a title
// block, how the numbers came about, the status of the actions per action line as an SVG chart with its table, each
// action line with its actions and indicators (line chart, data table, trend), the summary table and the sources.
// Charts use SVG presentation attributes only (no inline style, no script), with a title, a description and a caption.
import { readFileSync } from 'node:fs';
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Lang, T } from '../web/i18n.js';
import { translator } from '../web/i18n.js';
import './i18n.js';
import {
  chartPoints,
  type Report,
  type ReportAction,
  type ReportIndicator,
  type ReportLine,
} from './report.js';
import {
  baselineText,
  computationText,
  countsText,
  formatChange,
  longDate,
  longMoment,
  measurementText,
  periodText,
  sourceKind,
  targetText,
  trendText,
} from './report-text.js';
import { idOf, IndicatorChart, StatusChart, STATUS_ORDER } from './report-charts.js';

/** The report's own stylesheet: linked when Schakel serves the page, inlined in a file written by the command. */
export const REPORT_CSS = readFileSync(new URL('./report.css', import.meta.url), 'utf8');
export const REPORT_CSS_PATH = '/actieplan/rapportage/rapport.css';

export interface HtmlOptions {
  lang: Lang;
  /**
   * `linked`: a page Schakel serves (its CSS and fonts by URL; the Content-Security-Policy refuses inline styles);
   * `inline`: a file that stands on its own; `both`: what the API answers, read in a browser or saved to a file.
   */
  stylesheet: 'linked' | 'inline' | 'both';
  /** Links shown on screen above the report (not printed): back to the form, the same report as DOCX. */
  links?: { back: string; docx: string };
}

function Table({
  caption,
  head,
  rows,
  numeric = [],
  foot,
}: {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
  /** Columns holding numbers: right-aligned. */
  numeric?: number[];
  foot?: ComponentChildren[];
}) {
  const cls = (i: number, base: string) => `${base}${numeric.includes(i) ? ' app-report__number' : ''}`;
  return (
    <table class="utrecht-table utrecht-table--html-table app-report__table">
      <caption class="utrecht-table__caption">{caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {head.map((h, i) => (
            <th class={cls(i, 'utrecht-table__header-cell')} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {rows.map((row) => (
          <tr class="utrecht-table__row">
            {row.map((cell, i) => (
              <td class={cls(i, 'utrecht-table__cell')}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {foot && (
        <tfoot class="utrecht-table__footer">
          <tr class="utrecht-table__row">
            {foot.map((cell, i) =>
              i === 0 ? (
                <th class="utrecht-table__header-cell" scope="row">
                  {cell}
                </th>
              ) : (
                <td class={cls(i, 'utrecht-table__cell')}>{cell}</td>
              ),
            )}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function DataList({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--html-dl app-report__facts">
      {items.map(([key, value]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Stacked bars, one per action line, one segment per status; the same counts are in the table beside it. */
function IndicatorSection({ indicator, t, lang }: { indicator: ReportIndicator; t: T; lang: Lang }) {
  return (
    <section class="app-report__indicator" aria-labelledby={`ind-${idOf(indicator.code)}`}>
      <h4 class="utrecht-heading-4" id={`ind-${idOf(indicator.code)}`}>
        {indicator.definition}
      </h4>
      <DataList
        items={[
          [t('ap.report.indicator.code'), indicator.code],
          ...(indicator.actionCode
            ? ([[t('ap.report.indicator.action'), indicator.actionCode]] as [string, string][])
            : []),
          [t('ap.indicator.unit'), indicator.unit],
          [t('ap.indicator.baseline'), baselineText(t, lang, indicator)],
          [t('ap.indicator.target'), targetText(t, lang, indicator)],
          [t('ap.indicator.computation'), computationText(t, lang, indicator)],
          [t('ap.report.indicator.source'), indicator.source],
          [t('ap.report.trend'), trendText(t, lang, indicator)],
        ]}
      />
      {indicator.measurements.length === 0 ? (
        <p class="utrecht-paragraph">{t('ap.report.indicator.noMeasurements')}</p>
      ) : (
        <div class="app-report__pair">
          {chartPoints(indicator).length > 0 && <IndicatorChart indicator={indicator} t={t} lang={lang} />}
          <Table
            caption={t('ap.report.table.measurements', { code: indicator.code })}
            head={[
              t('ap.report.col.period'),
              t('ap.report.col.value'),
              t('ap.report.col.change'),
              t('ap.report.col.source'),
            ]}
            numeric={[1, 2]}
            rows={indicator.measurements.map((m) => [
              m.period,
              measurementText(lang, m),
              formatChange(lang, m.change),
              m.note ? `${m.source} (${m.note})` : m.source,
            ])}
          />
        </div>
      )}
      {indicator.unreadable > 0 && (
        <p class="utrecht-paragraph app-report__muted">
          {t('ap.report.indicator.unreadable', { count: indicator.unreadable })}
        </p>
      )}
    </section>
  );
}

function ActionBlock({ action, t, lang }: { action: ReportAction; t: T; lang: Lang }) {
  const status = action.statusPeriod
    ? t('ap.report.action.statusFrom', {
        status: t(`ap.status.${action.status}`),
        period: action.statusPeriod,
      })
    : t(`ap.status.${action.status}`);
  const u = action.update;
  return (
    <article class="app-report__action" aria-labelledby={`action-${idOf(action.code)}`}>
      <h4 class="utrecht-heading-4" id={`action-${idOf(action.code)}`}>
        {action.code} {action.title}
      </h4>
      <DataList
        items={[
          [t('ap.action.holders'), action.holders.length ? action.holders.join(', ') : t('ap.noHolder')],
          [
            t('ap.report.action.status'),
            <>
              <span class={`app-report__status app-report__status--${action.status}`}>{status}</span>
              {action.statusReason && <>. {t('ap.action.reason', { reason: action.statusReason })}</>}
            </>,
          ],
          ...(u
            ? ([
                [
                  t('ap.report.action.update'),
                  t('ap.report.action.accepted', {
                    period: u.period,
                    organisation: u.organisation,
                    date: longDate(lang, u.acceptedAt.slice(0, 10)),
                  }),
                ],
                [t('ap.history.done'), u.done],
                [t('ap.history.next'), u.next],
                [t('ap.history.risks'), u.risks || t('ap.report.none')],
              ] as [string, string][])
            : ([[t('ap.report.action.update'), t('ap.report.action.noUpdate')]] as [string, string][])),
        ]}
      />
      {action.awaitingReview > 0 && (
        <p class="utrecht-paragraph app-report__muted">
          {t('ap.report.action.awaiting', { count: action.awaitingReview })}
        </p>
      )}
    </article>
  );
}

function LineSection({ line, t, lang }: { line: ReportLine; t: T; lang: Lang }) {
  return (
    <section class="app-report__line" aria-labelledby={`line-${idOf(line.code)}`}>
      <h2 class="utrecht-heading-2" id={`line-${idOf(line.code)}`}>
        {t('ap.line', { number: line.number, title: line.title })}
      </h2>
      <p class="utrecht-paragraph">{line.description}</p>
      <p class="utrecht-paragraph">
        <strong>{line.total ? countsText(t, line.total, line.counts) : t('ap.report.line.noActions')}</strong>
      </p>
      {line.actions.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('ap.report.actions')}</h3>
          {line.actions.map((a) => (
            <ActionBlock action={a} t={t} lang={lang} />
          ))}
        </>
      )}
      <h3 class="utrecht-heading-3">{t('ap.indicators')}</h3>
      {line.indicators.length === 0 ? (
        <p class="utrecht-paragraph">{t('ap.report.indicators.none')}</p>
      ) : (
        line.indicators.map((i) => <IndicatorSection indicator={i} t={t} lang={lang} />)
      )}
    </section>
  );
}

export function ReportDocument({ report, options }: { report: Report; options: HtmlOptions }) {
  const { lang } = options;
  const t = translator(lang);
  const period = periodText(t, lang, report);
  const title = t('ap.report.docTitle', { plan: report.plan.code, period });
  const linked = options.stylesheet !== 'inline';
  const inline = options.stylesheet !== 'linked';
  const none = t('ap.report.none');
  return (
    <html lang={lang} class="voorbeeld-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {linked && (
          <>
            <link rel="stylesheet" href="/assets/fonts/noto-sans/400.css" />
            <link rel="stylesheet" href="/assets/fonts/noto-sans/700.css" />
            <link rel="stylesheet" href="/assets/fonts/noto-serif/700.css" />
            <link rel="stylesheet" href="/assets/voorbeeld/theme.css" />
            <link rel="stylesheet" href="/assets/utrecht/index.css" />
            <link rel="stylesheet" href={REPORT_CSS_PATH} />
          </>
        )}
        {inline && <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />}
      </head>
      <body class="utrecht-document app-report">
        {options.links && (
          <nav class="app-report__tools" aria-label={t('ap.report.tools')}>
            <a class="utrecht-link utrecht-link--html-a" href={options.links.back}>
              {t('ap.report.tools.back')}
            </a>
            <a class="utrecht-link utrecht-link--html-a" href={options.links.docx}>
              {t('ap.report.tools.docx')}
            </a>
            <span>{t('ap.report.tools.print')}</span>
          </nav>
        )}
        <main id="main" class="app-report__main">
          <header class="app-report__title-page">
            <p class="utrecht-paragraph app-report__kicker">{t('ap.report.kicker')}</p>
            <h1 class="utrecht-heading-1">{report.plan.title}</h1>
            <p class="utrecht-paragraph utrecht-paragraph--lead">{period}</p>
            <DataList
              items={[
                [t('ap.report.meta.plan'), `${t(`ap.plan.kind.${report.plan.kind}`)} ${report.plan.code}`],
                [t('ap.report.meta.period'), period],
                [t('ap.report.meta.generated'), longMoment(lang, report.generatedAt)],
                [t('ap.report.meta.by'), t('ap.report.generatedBy')],
              ]}
            />
          </header>

          <section aria-labelledby="about">
            <h2 class="utrecht-heading-2" id="about">
              {t('ap.report.about')}
            </h2>
            <p class="utrecht-paragraph">{t('ap.report.about.text')}</p>
            <p class="utrecht-paragraph">{t('ap.report.about.numbers', { to: longDate(lang, report.to) })}</p>
          </section>

          <section aria-labelledby="summary">
            <h2 class="utrecht-heading-2" id="summary">
              {t('ap.report.summary')}
            </h2>
            <p class="utrecht-paragraph">
              {report.total
                ? t('ap.report.summary.text', {
                    actions: report.total,
                    lines: report.lines.length,
                    withUpdate: report.actionsWithUpdate,
                  })
                : t('ap.report.summary.noActions', { lines: report.lines.length })}
            </p>
            {report.awaitingReview > 0 && (
              <p class="utrecht-paragraph">
                {t('ap.report.summary.awaiting', { count: report.awaitingReview })}
              </p>
            )}
            <div class="app-report__stack">
              {report.total > 0 && <StatusChart report={report} t={t} />}
              <Table
                caption={t('ap.report.table.status')}
                head={[
                  t('ap.col.line'),
                  ...STATUS_ORDER.map((s) => t(`ap.status.${s}`)),
                  t('ap.report.col.total'),
                ]}
                numeric={[1, 2, 3, 4, 5, 6]}
                rows={report.lines.map((l) => [
                  `${l.number}. ${l.title}`,
                  ...STATUS_ORDER.map((s) => String(l.counts[s])),
                  String(l.total),
                ])}
                foot={[
                  t('ap.report.total'),
                  ...STATUS_ORDER.map((s) => String(report.counts[s])),
                  String(report.total),
                ]}
              />
            </div>
            <h3 class="utrecht-heading-3">{t('ap.goals')}</h3>
            <ol class="utrecht-ordered-list">
              {report.strategicGoals.map((g) => (
                <li class="utrecht-ordered-list__item">{g.title}</li>
              ))}
            </ol>
          </section>

          {report.lines.map((line) => (
            <LineSection line={line} t={t} lang={lang} />
          ))}

          {report.planIndicators.length > 0 && (
            <section aria-labelledby="plan-indicators">
              <h2 class="utrecht-heading-2" id="plan-indicators">
                {t('ap.report.planIndicators')}
              </h2>
              {report.planIndicators.map((i) => (
                <IndicatorSection indicator={i} t={t} lang={lang} />
              ))}
            </section>
          )}

          <section aria-labelledby="overview" class="app-report__overview">
            <h2 class="utrecht-heading-2" id="overview">
              {t('ap.report.overview')}
            </h2>
            {report.summary.length === 0 ? (
              <p class="utrecht-paragraph">{t('ap.report.overview.none')}</p>
            ) : (
              <Table
                caption={t('ap.report.overview.caption', { count: report.summary.length })}
                head={[
                  t('ap.col.code'),
                  t('ap.col.action'),
                  t('ap.line.short'),
                  t('ap.col.holders'),
                  t('ap.col.status'),
                  t('ap.report.col.update'),
                ]}
                rows={report.summary.map((a) => [
                  a.code,
                  a.title,
                  String(a.line),
                  a.holders.join(', ') || none,
                  t(`ap.status.${a.status}`),
                  a.updatePeriod ?? none,
                ])}
              />
            )}
          </section>

          <section aria-labelledby="annex" class="app-report__annex">
            <h2 class="utrecht-heading-2" id="annex">
              {t('ap.report.annex')}
            </h2>
            <p class="utrecht-paragraph">{t('ap.report.annex.text')}</p>
            <h3 class="utrecht-heading-3">{t('ap.report.annex.documents')}</h3>
            <ul class="utrecht-unordered-list">
              {report.documents.map((d) => (
                <li class="utrecht-unordered-list__item">{d}</li>
              ))}
            </ul>
            <Table
              caption={t('ap.report.annex.caption')}
              head={[
                t('ap.report.col.kind'),
                t('ap.col.code'),
                t('ap.report.col.element'),
                t('ap.report.col.source'),
              ]}
              rows={report.sources.map((s) => [sourceKind(t, s), s.code, s.title, s.source])}
            />
          </section>
        </main>
        <footer class="app-report__footer">
          <p class="utrecht-paragraph">
            {t('ap.report.footer', { date: longMoment(lang, report.generatedAt) })}
          </p>
        </footer>
      </body>
    </html>
  );
}

export function renderReportHtml(report: Report, options: HtmlOptions): string {
  return `<!doctype html>\n${render(<ReportDocument report={report} options={options} />)}`;
}
