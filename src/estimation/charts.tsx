// Server-rendered SVG charts of an estimate: readable without JavaScript, printable, and each with a title and
// description for screen readers, a one-sentence caption and its data table. The page's Content-Security-Policy
// forbids inline styles, so everything is drawn with SVG presentation attributes. Colours: Okabe-Ito, which stays
// distinguishable with every common form of colour blindness (and in greyscale print by lightness).
import { Table } from '../web/components.js';
import type { Lang, T } from '../web/i18n.js';
import type { Outcome } from './service.js';
import { INK, niceScale, SvgFigure } from '../web/svg-figure.js';

const BLUE = '#0072B2';
const SKY = '#56B4E9';
const VERMILLION = '#D55E00';
const GRID = '#d0d0d0';
const EMPTY_DOT = '#d9d9d9';
const ROW_SHADE = '#f2f2f2';
/** Columns shown in the overlap chart; the table beside it lists every history. */
export const MAX_COLUMNS = 40;

export function formatNumber(lang: Lang, value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

/** 0.95 as "95", 0.975 as "97,5". */
export function formatLevel(lang: Lang, level: number): string {
  const percent = Math.round(level * 1000) / 10;
  return formatNumber(lang, percent, Number.isInteger(percent) ? 0 : 1);
}

/** UpSet-style chart: a bar per capture history, a dot matrix of the lists in it, and the size of each list. */
export function OverlapChart({ outcome, t, lang }: { outcome: Outcome; t: T; lang: Lang }) {
  const { histories, listSizes } = outcome.overlaps;
  const shown = histories.slice(0, MAX_COLUMNS);
  const lists = outcome.lists;
  const nameWidth = Math.max(...lists.map((l) => l.length)) * 7.5 + 12;
  const sizeWidth = 110;
  const col = 22;
  const row = 22;
  const barsTop = 34;
  const barsHeight = 150;
  const matrixTop = barsTop + barsHeight + 12;
  const x0 = sizeWidth + nameWidth + 36;
  const width = x0 + shown.length * col + 10;
  const height = matrixTop + lists.length * row + 10;
  const bars = niceScale(Math.max(...shown.map((h) => h.count)), 4);
  const sizes = niceScale(Math.max(...listSizes.map((s) => s.count)), 2);
  const barY = (v: number) => barsTop + barsHeight - (v / bars.top) * barsHeight;
  const fmt = (v: number) => formatNumber(lang, v);
  const ticks = Array.from({ length: Math.round(bars.top / bars.step) + 1 }, (_, i) => i * bars.step);
  const biggest = shown[0]!;
  return (
    <SvgFigure
      figureClass="app-chart"
      scroll
      id="chart-overlaps"
      width={width}
      height={height}
      title={t('estimation.chart.overlaps.title')}
      description={t('estimation.chart.overlaps.desc', {
        histories: histories.length,
        lists: lists.length,
        largest: biggest.lists.join(' + '),
        count: fmt(biggest.count),
      })}
      caption={
        histories.length > shown.length
          ? `${t('estimation.chart.overlaps.caption')} ${t('estimation.chart.overlaps.truncated', { shown: shown.length, all: histories.length })}`
          : t('estimation.chart.overlaps.caption')
      }
    >
      <text x={x0} y={14} font-weight="bold">
        {t('estimation.chart.overlaps.barsLabel')}
      </text>
      {ticks.map((v) => (
        <g>
          <line x1={x0 - 4} x2={width - 10} y1={barY(v)} y2={barY(v)} stroke={GRID} stroke-width="1" />
          <text x={x0 - 8} y={barY(v) + 4} text-anchor="end" font-size="10">
            {fmt(v)}
          </text>
        </g>
      ))}
      {shown.map((h, i) => {
        const x = x0 + i * col + 3;
        const label = fmt(h.count);
        return (
          <g>
            <rect
              x={x}
              y={barY(h.count)}
              width={col - 6}
              height={barsTop + barsHeight - barY(h.count)}
              fill={BLUE}
            />
            {label.length * 5.6 <= col && (
              <text x={x + (col - 6) / 2} y={barY(h.count) - 3} text-anchor="middle" font-size="9">
                {label}
              </text>
            )}
          </g>
        );
      })}
      <text x={sizeWidth} y={matrixTop - 8} text-anchor="end" font-weight="bold">
        {t('estimation.chart.overlaps.sizesLabel')}
      </text>
      {lists.map((list, r) => {
        const y = matrixTop + r * row;
        const size = listSizes[r]!.count;
        const length = (size / sizes.top) * (sizeWidth - 40);
        return (
          <g>
            {r % 2 === 0 && <rect x={0} y={y} width={width} height={row} fill={ROW_SHADE} />}
            <rect x={sizeWidth - length} y={y + 5} width={length} height={row - 10} fill={BLUE} />
            <text x={sizeWidth - length - 4} y={y + 15} text-anchor="end" font-size="10">
              {fmt(size)}
            </text>
            <text x={sizeWidth + 10} y={y + 15}>
              {list}
            </text>
          </g>
        );
      })}
      {shown.map((h, i) => {
        const cx = x0 + i * col + col / 2;
        const rows = lists.map((l, r) => ({ r, on: h.lists.includes(l) }));
        const on = rows.filter((d) => d.on).map((d) => matrixTop + d.r * row + row / 2);
        return (
          <g>
            {on.length > 1 && (
              <line x1={cx} x2={cx} y1={Math.min(...on)} y2={Math.max(...on)} stroke={INK} stroke-width="2" />
            )}
            {rows.map((d) => (
              <circle cx={cx} cy={matrixTop + d.r * row + row / 2} r="5" fill={d.on ? INK : EMPTY_DOT} />
            ))}
          </g>
        );
      })}
    </SvgFigure>
  );
}

export function OverlapTables({ outcome, t, lang }: { outcome: Outcome; t: T; lang: Lang }) {
  return (
    <>
      <Table
        caption={t('estimation.table.histories')}
        head={[t('estimation.col.lists'), t('estimation.col.people')]}
        rows={outcome.overlaps.histories.map((h) => [h.lists.join(' + '), formatNumber(lang, h.count)])}
      />
      <Table
        caption={t('estimation.table.listSizes')}
        head={[t('estimation.col.list'), t('estimation.col.people')]}
        rows={outcome.overlaps.listSizes.map((s) => [s.list, formatNumber(lang, s.count)])}
      />
    </>
  );
}

/** The estimated total with its interval on one axis, beside the number actually observed. */
export function EstimateChart({ outcome, t, lang }: { outcome: Outcome; t: T; lang: Lang }) {
  const { observed, total, interval } = outcome;
  const labelWidth = 150;
  const plot = 600;
  const width = labelWidth + plot + 40;
  const height = 150;
  const far = Math.max(total, interval.upper ?? total * 1.5, observed);
  const scale = niceScale(far * 1.05, 5);
  const x = (v: number) => labelWidth + (Math.min(v, scale.top) / scale.top) * plot;
  const fmt = (v: number | null) => formatNumber(lang, v);
  const level = formatLevel(lang, interval.level);
  const lower = x(interval.lower ?? 0);
  const upper = interval.upper === null ? labelWidth + plot : x(interval.upper);
  const axisY = 112;
  const ticks = Array.from({ length: Math.round(scale.top / scale.step) + 1 }, (_, i) => i * scale.step);
  const range = {
    level,
    lower: interval.lower === null ? t('estimation.unbounded') : fmt(interval.lower),
    upper: interval.upper === null ? t('estimation.unbounded') : fmt(interval.upper),
  };
  return (
    <SvgFigure
      figureClass="app-chart"
      scroll
      id="chart-estimate"
      width={width}
      height={height}
      title={t('estimation.chart.estimate.title')}
      description={t('estimation.chart.estimate.desc', {
        observed: fmt(observed),
        total: fmt(total),
        ...range,
      })}
      caption={t('estimation.chart.estimate.caption', { level })}
    >
      {ticks.map((v) => (
        <g>
          <line x1={x(v)} x2={x(v)} y1={10} y2={axisY} stroke={GRID} stroke-width="1" />
          <text x={x(v)} y={axisY + 16} text-anchor="middle" font-size="10">
            {fmt(v)}
          </text>
        </g>
      ))}
      <line x1={labelWidth} x2={labelWidth + plot} y1={axisY} y2={axisY} stroke={INK} stroke-width="1" />
      <text x={labelWidth + plot / 2} y={axisY + 34} text-anchor="middle" font-size="11">
        {t('estimation.chart.estimate.axis')}
      </text>
      <text x={labelWidth - 10} y={39} text-anchor="end">
        {t('estimation.chart.estimate.observed')}
      </text>
      <rect x={labelWidth} y={26} width={x(observed) - labelWidth} height={18} fill={SKY} />
      <text x={x(observed) + 6} y={39} font-size="11">
        {fmt(observed)}
      </text>
      <text x={labelWidth - 10} y={84} text-anchor="end">
        {t('estimation.chart.estimate.total')}
      </text>
      <line x1={lower} x2={upper} y1={80} y2={80} stroke={VERMILLION} stroke-width="3" />
      {interval.lower !== null && (
        <line x1={lower} x2={lower} y1={72} y2={88} stroke={VERMILLION} stroke-width="3" />
      )}
      {interval.upper !== null ? (
        <line x1={upper} x2={upper} y1={72} y2={88} stroke={VERMILLION} stroke-width="3" />
      ) : (
        <path
          d={`M${upper - 8},72 L${upper},80 L${upper - 8},88`}
          fill="none"
          stroke={VERMILLION}
          stroke-width="3"
        />
      )}
      <rect
        x={x(total) - 6}
        y={74}
        width={12}
        height={12}
        fill={VERMILLION}
        stroke="#ffffff"
        stroke-width="1.5"
      />
      {interval.lower !== null && (
        <text x={lower} y={103} text-anchor="middle" font-size="10">
          {fmt(interval.lower)}
        </text>
      )}
      {interval.upper !== null && (
        <text x={upper} y={103} text-anchor="middle" font-size="10">
          {fmt(interval.upper)}
        </text>
      )}
      <text x={x(total)} y={66} text-anchor="middle" font-size="11" font-weight="bold">
        {fmt(total)}
      </text>
      <line
        x1={x(observed)}
        x2={x(observed)}
        y1={18}
        y2={axisY}
        stroke={INK}
        stroke-width="1.5"
        stroke-dasharray="4 3"
      />
    </SvgFigure>
  );
}

export function EstimateTable({ outcome, t, lang }: { outcome: Outcome; t: T; lang: Lang }) {
  const { interval } = outcome;
  return (
    <Table
      caption={t('estimation.table.estimate')}
      head={[t('estimation.col.quantity'), t('estimation.col.people')]}
      rows={[
        [t('estimation.observed'), formatNumber(lang, outcome.observed)],
        [t('estimation.unobserved'), formatNumber(lang, outcome.unobserved)],
        [t('estimation.total'), formatNumber(lang, outcome.total)],
        [
          t('estimation.lower'),
          interval.lower === null ? t('estimation.unbounded') : formatNumber(lang, interval.lower),
        ],
        [
          t('estimation.upper'),
          interval.upper === null ? t('estimation.unbounded') : formatNumber(lang, interval.upper),
        ],
      ]}
    />
  );
}
