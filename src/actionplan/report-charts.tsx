// The progress report's charts as SVG: the status of the actions per action line (stacked bars) and an indicator's
// measurements against baseline and target (a line). Presentation attributes only (no inline style, no script), each
// with a title, a description and a caption; colours from the Okabe-Ito set, every segment labelled as well.
import type { Lang, T } from '../web/i18n.js';
import { INK, niceScale, SvgFigure } from '../web/svg-figure.js';
import { chartPoints, type Report, type ReportIndicator } from './report.js';
import { baselineText, countsText, formatNumber, targetText } from './report-text.js';
import type { Status } from './rules.js';

export const idOf = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '-');

// Okabe-Ito: distinguishable with the common colour-vision deficiencies; every segment is labelled as well.
const STATUS_COLOURS: Record<Status, { fill: string; text: string }> = {
  loopt: { fill: '#0072B2', text: '#ffffff' },
  afgerond: { fill: '#009E73', text: '#000000' },
  vertraagd: { fill: '#E69F00', text: '#000000' },
  gestopt: { fill: '#D55E00', text: '#000000' },
  'niet-gestart': { fill: '#BBBBBB', text: '#000000' },
};
export const STATUS_ORDER: readonly Status[] = ['loopt', 'afgerond', 'vertraagd', 'gestopt', 'niet-gestart'];
const GRID = '#d0d0d0';
const LINE = '#0072B2';
const TARGET = '#B5400A';
const BASELINE = '#555555';

export function StatusChart({ report, t }: { report: Report; t: T }) {
  const lines = report.lines;
  const labelWidth = 100;
  const barWidth = 440;
  const width = labelWidth + barWidth + 50;
  const rowHeight = 30;
  // The legend wraps over as many rows as it needs.
  const legend: { status: Status; x: number; y: number }[] = [];
  let lx = 0;
  let ly = 0;
  for (const status of STATUS_ORDER) {
    const advance = 22 + t(`ap.status.${status}`).length * 7 + 18;
    if (lx + advance > width && lx > 0) {
      lx = 0;
      ly += 20;
    }
    legend.push({ status, x: lx, y: ly });
    lx += advance;
  }
  const top = ly + 36;
  const height = top + lines.length * rowHeight + 8;
  const max = Math.max(1, ...lines.map((l) => l.total));
  const scale = (n: number) => (n / max) * barWidth;
  return (
    <SvgFigure
      figureClass="app-report__figure"
      captionClass="app-report__caption"
      fontFamily="'Noto Sans', Arial, sans-serif"
      id="chart-status"
      width={width}
      height={height}
      title={t('ap.report.chart.status.title', { plan: report.plan.code })}
      description={lines
        .map(
          (l) =>
            `${t('ap.line.short')} ${l.number}: ${l.total ? countsText(t, l.total, l.counts) : t('ap.dash.noActions')}`,
        )
        .join(' ')}
      caption={t('ap.report.chart.status.caption')}
    >
      {legend.map(({ status, x, y }) => (
        <g>
          <rect
            x={x}
            y={y + 4}
            width={14}
            height={14}
            fill={STATUS_COLOURS[status].fill}
            stroke="#333333"
            stroke-width="0.5"
          />
          <text x={x + 20} y={y + 16}>
            {t(`ap.status.${status}`)}
          </text>
        </g>
      ))}
      {lines.map((line, row) => {
        const y = top + row * rowHeight;
        let x = labelWidth;
        return (
          <g>
            <text x={labelWidth - 8} y={y + 16} text-anchor="end">
              {`${t('ap.line.short')} ${line.number}`}
            </text>
            {line.total === 0 ? (
              <text x={labelWidth} y={y + 16} fill="#555555">
                {t('ap.dash.noActions')}
              </text>
            ) : (
              STATUS_ORDER.map((status) => {
                const n = line.counts[status];
                const w = scale(n);
                const segment = n ? (
                  <g>
                    <rect
                      x={x}
                      y={y + 2}
                      width={w}
                      height={20}
                      fill={STATUS_COLOURS[status].fill}
                      stroke="#ffffff"
                      stroke-width="1"
                    />
                    {w >= 8 + String(n).length * 7 && (
                      <text
                        x={x + w / 2}
                        y={y + 16}
                        text-anchor="middle"
                        font-size="11"
                        fill={STATUS_COLOURS[status].text}
                      >
                        {String(n)}
                      </text>
                    )}
                  </g>
                ) : null;
                x += w;
                return segment;
              })
            )}
            {line.total > 0 && (
              <text x={x + 6} y={y + 16} font-weight="bold">
                {String(line.total)}
              </text>
            )}
          </g>
        );
      })}
    </SvgFigure>
  );
}

/** Measurements over the periods as points on a line, with the baseline (dotted) and the target (dashed). */
export function IndicatorChart({ indicator, t, lang }: { indicator: ReportIndicator; t: T; lang: Lang }) {
  const points = chartPoints(indicator);
  const left = 56;
  const right = 150;
  const plot = Math.max(240, points.length * 60);
  const width = left + plot + right;
  const top = 18;
  const plotHeight = 150;
  const height = top + plotHeight + 44;
  const values = [
    ...points.map((p) => p.value),
    ...(indicator.baseline !== null ? [indicator.baseline] : []),
    ...(indicator.target !== null ? [indicator.target] : []),
  ];
  const low = Math.min(0, ...values);
  const scale = niceScale(Math.max(...values) - low, 4);
  const y = (v: number) => top + plotHeight - ((v - low) / scale.top) * plotHeight;
  const x = (i: number) => left + ((i + 0.5) * plot) / points.length;
  const fmt = (v: number) => formatNumber(lang, v);
  const ticks = Array.from(
    { length: Math.round(scale.top / scale.step) + 1 },
    (_, i) => low + i * scale.step,
  );
  const references = [
    ...(indicator.baseline !== null
      ? [{ value: indicator.baseline, key: 'ap.indicator.baseline', colour: BASELINE, dash: '2 3' }]
      : []),
    ...(indicator.target !== null
      ? [{ value: indicator.target, key: 'ap.indicator.target', colour: TARGET, dash: '7 4' }]
      : []),
  ];
  // Two reference labels close together: move the upper one up so both stay readable.
  const labelY = references.map((r) => y(r.value) + 4);
  if (labelY.length === 2 && Math.abs(labelY[0]! - labelY[1]!) < 14) {
    const upper = labelY[0]! < labelY[1]! ? 0 : 1;
    labelY[upper] = labelY[1 - upper]! - 14;
  }
  const id = `chart-${idOf(indicator.code)}`;
  const description = [
    t('ap.report.chart.indicator.desc', {
      unit: indicator.unit,
      values: points.map((p) => `${p.period}: ${fmt(p.value)}`).join('; '),
    }),
    `${t('ap.indicator.baseline')}: ${baselineText(t, lang, indicator)}.`,
    `${t('ap.indicator.target')}: ${targetText(t, lang, indicator)}.`,
  ].join(' ');
  return (
    <SvgFigure
      figureClass="app-report__figure"
      captionClass="app-report__caption"
      fontFamily="'Noto Sans', Arial, sans-serif"
      id={id}
      width={width}
      height={height}
      title={t('ap.report.chart.indicator.title', { definition: indicator.definition })}
      description={description}
      caption={t('ap.report.chart.indicator.caption', { unit: indicator.unit })}
    >
      {ticks.map((v) => (
        <g>
          <line x1={left} x2={left + plot} y1={y(v)} y2={y(v)} stroke={GRID} stroke-width="1" />
          <text x={left - 8} y={y(v) + 4} text-anchor="end" font-size="10">
            {fmt(v)}
          </text>
        </g>
      ))}
      <line
        x1={left}
        x2={left + plot}
        y1={top + plotHeight}
        y2={top + plotHeight}
        stroke={INK}
        stroke-width="1"
      />
      {references.map((r, i) => (
        <g>
          <line
            x1={left}
            x2={left + plot}
            y1={y(r.value)}
            y2={y(r.value)}
            stroke={r.colour}
            stroke-width="2"
            stroke-dasharray={r.dash}
          />
          <text x={left + plot + 8} y={labelY[i]} fill={r.colour} font-size="11">
            {`${t(r.key)} ${fmt(r.value)}`}
          </text>
        </g>
      ))}
      {points.length > 1 && (
        <polyline
          points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
          fill="none"
          stroke={LINE}
          stroke-width="2.5"
        />
      )}
      {points.map((p, i) => (
        <g>
          <circle cx={x(i)} cy={y(p.value)} r="4.5" fill={LINE} stroke="#ffffff" stroke-width="1.5" />
          <text x={x(i)} y={y(p.value) - 9} text-anchor="middle" font-size="11" font-weight="bold">
            {fmt(p.value)}
          </text>
          <text x={x(i)} y={top + plotHeight + 18} text-anchor="middle" font-size="11">
            {p.period}
          </text>
        </g>
      ))}
      <text x={left} y={height - 6} font-size="10" fill="#555555">
        {indicator.unit}
      </text>
    </SvgFigure>
  );
}
