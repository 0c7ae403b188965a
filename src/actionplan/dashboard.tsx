// The plan's health: per action line the actions on track, off track and not started, as a server-rendered SVG
// bar chart (presentation attributes only: the Content-Security-Policy forbids style) with the same numbers in a table.
import { Heading, Paragraph, Table } from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { ActionLineHealth, PlanSummary } from './plan.js';
import { PlanPicker, SubNav } from './pages.js';

// Okabe-Ito: distinguishable with the common colour-vision deficiencies, and each segment is also labelled.
const COLOURS = { onTrack: '#0072B2', offTrack: '#D55E00', notStarted: '#BBBBBB' } as const;

export function HealthChart({
  page,
  lines,
  plan,
}: {
  page: PageContext;
  lines: ActionLineHealth[];
  plan: string;
}) {
  const { t } = page;
  const max = Math.max(1, ...lines.map((l) => l.total));
  const labelWidth = 120;
  const barWidth = 420;
  const rowHeight = 34;
  const top = 40;
  const height = top + lines.length * rowHeight + 10;
  const scale = (n: number) => (n / max) * barWidth;
  const keys = ['onTrack', 'offTrack', 'notStarted'] as const;
  return (
    <svg
      role="img"
      aria-labelledby="ap-chart-title ap-chart-desc"
      viewBox={`0 0 ${labelWidth + barWidth + 80} ${height}`}
      width="100%"
      height={height}
      font-family="inherit"
      font-size="13"
    >
      <title id="ap-chart-title">{t('ap.dash.chartTitle', { plan })}</title>
      <desc id="ap-chart-desc">{t('ap.dash.chartDesc')}</desc>
      {keys.map((key, i) => (
        <g>
          <rect x={labelWidth + i * 160} y={8} width={14} height={14} fill={COLOURS[key]} stroke="#333333" />
          <text x={labelWidth + i * 160 + 20} y={20} fill="#1a1a1a">
            {t(`ap.dash.${key}`)}
          </text>
        </g>
      ))}
      {lines.map((line, row) => {
        const y = top + row * rowHeight;
        let x = labelWidth;
        return (
          <g>
            <text x={labelWidth - 8} y={y + 17} text-anchor="end" fill="#1a1a1a">
              {`${t('ap.line.short')} ${line.number}`}
            </text>
            {keys.map((key) => {
              const width = scale(line[key]);
              const segment = (
                <rect
                  x={x}
                  y={y + 4}
                  width={width}
                  height={20}
                  fill={COLOURS[key]}
                  stroke="#ffffff"
                  stroke-width="1"
                />
              );
              x += width;
              return segment;
            })}
            <text x={x + 6} y={y + 18} fill="#1a1a1a">
              {line.total ? `${line.onTrack}/${line.total}` : t('ap.dash.noActions')}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function DashboardPage({
  page,
  plans,
  plan,
  lines,
}: {
  page: PageContext;
  plans: PlanSummary[];
  plan: PlanSummary;
  lines: ActionLineHealth[];
}) {
  const { t } = page;
  const pct = (share: number | null) =>
    share === null ? t('ap.dash.noActions') : `${Math.round(share * 100)}%`;
  return (
    <>
      <Heading>{t('ap.dash.title')}</Heading>
      <SubNav page={page} />
      <Paragraph lead>{t('ap.dash.intro')}</Paragraph>
      <PlanPicker page={page} action="/actieplan/voortgang" plans={plans} value={plan.code} />
      {lines.some((l) => l.total > 0) ? (
        <HealthChart page={page} lines={lines} plan={`${plan.code} ${plan.title}`} />
      ) : (
        <Paragraph>{t('ap.dash.empty')}</Paragraph>
      )}
      <Table
        caption={t('ap.dash.caption')}
        head={[
          t('ap.col.line'),
          t('ap.dash.total'),
          t('ap.dash.onTrack'),
          t('ap.dash.offTrack'),
          t('ap.dash.notStarted'),
          t('ap.dash.overdue'),
          t('ap.dash.share'),
        ]}
        rows={lines.map((l) => [
          `${l.number}. ${l.title}`,
          String(l.total),
          String(l.onTrack),
          String(l.offTrack),
          String(l.notStarted),
          String(l.overdue),
          pct(l.share),
        ])}
      />
    </>
  );
}
