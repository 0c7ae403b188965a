// The progress report as a Word document (DOCX, with the `docx` package), for the ministry to edit further: a title
// page (plan, period, date of generation), headings in Word's own heading styles (so Word builds a table of contents
// from them), tables with a repeated header row, and the charts as native Word charts (docx/charts: Word draws them
// from their data, which sits in an embedded workbook, so "Edit data" works). Beside every chart is its table with the
// same numbers, and for indicators a column with the change between measurements (the trend).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  TableLayoutType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { translator, type Lang, type T } from '../web/i18n.js';
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
  formatNumber,
  longDate,
  longMoment,
  measurementText,
  periodText,
  sourceKind,
  targetText,
  trendText,
} from './report-text.js';
import type { Status } from './rules.js';

const STATUS_ORDER: readonly Status[] = ['loopt', 'afgerond', 'vertraagd', 'gestopt', 'niet-gestart'];
const STATUS_COLOURS: Record<Status, string> = {
  loopt: '0072B2',
  afgerond: '009E73',
  vertraagd: 'E69F00',
  gestopt: 'D55E00',
  'niet-gestart': 'BBBBBB',
};
const ACCENT = '1C4A8B';

type Block = Paragraph | Table;

/** Text with its line breaks kept (progress texts are written with Enter between lines). */
function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        bold: options.bold ?? false,
        break: i > 0 ? 1 : 0,
        ...(options.size ? { size: options.size } : {}),
      }),
  );
}

const para = (text: string, options: { bold?: boolean; spacingAfter?: number } = {}) =>
  new Paragraph({ children: runs(text, options), spacing: { after: options.spacingAfter ?? 120 } });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(text)], keepNext: true });

/** "Label: value" with the label in bold. */
const labelled = (label: string, value: string) =>
  new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)],
  });

/** Width of the text on an A4 page with docx's default margins (1 inch each side), in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** A table over the page's width: a repeated header row, columns of the given shares (percent), numbers right. */
function table(
  head: string[],
  rows: string[][],
  options: { widths: number[]; numeric?: number[]; foot?: string[] },
): Table {
  const widths = options.widths.map((w) => Math.round((w / 100) * TEXT_WIDTH));
  const numeric = options.numeric ?? [];
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(text, { bold: header, size: 18 }),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
      ...(options.foot
        ? [new TableRow({ cantSplit: true, children: options.foot.map((c, i) => cell(c, i, true)) })]
        : []),
    ],
  });
}

const caption = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 200, after: 80 },
    children: [new TextRun({ text, bold: true, size: 20 })],
  });

const note = (text: string) =>
  new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text, italics: true, size: 18 })] });

function statusChart(report: Report, t: T): Paragraph {
  const lines = report.lines;
  const label = (l: ReportLine) => `${t('ap.line.short')} ${l.number}`;
  const max = Math.max(...lines.map((l) => l.total));
  return new Paragraph({
    keepNext: true,
    children: [
      new ChartRun({
        type: 'bar',
        stacking: 'stacked',
        title: { text: t('ap.report.chart.status.title', { plan: report.plan.code }), font: { size: 12 } },
        categories: lines.map(label),
        series: STATUS_ORDER.map((status) => ({
          name: t(`ap.status.${status}`),
          values: lines.map((l) => l.counts[status]),
          color: STATUS_COLOURS[status],
          // A segment of zero gets no label; labels on the dark blue are white.
          pointLabels: lines.map((l) => (l.counts[status] === 0 ? false : undefined)),
          dataLabels: {
            value: true,
            position: 'center' as const,
            font: { color: status === 'loopt' ? 'FFFFFF' : '000000', bold: true },
          },
        })),
        categoryAxis: { reverseOrder: true },
        // Whole actions: a gridline per action while they are few; Word chooses the interval beyond that.
        valueAxis: { minimum: 0, numberFormat: '0', ...(max <= 10 ? { interval: 1 } : {}) },
        legend: { position: 'bottom' },
        transformation: { width: 600, height: 110 + 34 * lines.length },
        altText: {
          name: t('ap.report.chart.status.title', { plan: report.plan.code }),
          description: lines
            .map((l) => `${label(l)}: ${l.total ? countsText(t, l.total, l.counts) : t('ap.dash.noActions')}`)
            .join(' '),
        },
      }),
    ],
  });
}

function indicatorChart(indicator: ReportIndicator, t: T, lang: Lang): Paragraph {
  const points = chartPoints(indicator);
  const flat = (value: number) => points.map(() => value);
  const series = [
    {
      name: t('ap.report.col.value'),
      values: points.map((p) => p.value),
      color: '0072B2',
      markers: { shape: 'circle' as const, size: 7 },
      dataLabels: { value: true, position: 'above' as const },
    },
    ...(indicator.baseline !== null
      ? [
          {
            name: t('ap.indicator.baseline'),
            values: flat(indicator.baseline),
            color: '555555',
            markers: false,
            dataLabels: false as const,
            line: { color: '555555', width: 1.5, dash: 'dot' as const },
          },
        ]
      : []),
    ...(indicator.target !== null
      ? [
          {
            name: t('ap.indicator.target'),
            values: flat(indicator.target),
            color: 'B5400A',
            markers: false,
            dataLabels: false as const,
            line: { color: 'B5400A', width: 1.5, dash: 'dash' as const },
          },
        ]
      : []),
  ];
  return new Paragraph({
    keepNext: true,
    children: [
      new ChartRun({
        type: 'line',
        title: { text: indicator.definition, font: { size: 11 } },
        categories: points.map((p) => p.period),
        series,
        valueAxis: {
          title: indicator.unit,
          ...(Math.min(...points.map((p) => p.value)) >= 0 ? { minimum: 0 } : {}),
        },
        legend: { position: 'bottom' },
        transformation: { width: 560, height: 280 },
        altText: {
          name: t('ap.report.chart.indicator.title', { definition: indicator.definition }),
          description: [
            t('ap.report.chart.indicator.desc', {
              unit: indicator.unit,
              values: points.map((p) => `${p.period}: ${formatNumber(lang, p.value)}`).join('; '),
            }),
            `${t('ap.indicator.baseline')}: ${baselineText(t, lang, indicator)}.`,
            `${t('ap.indicator.target')}: ${targetText(t, lang, indicator)}.`,
          ].join(' '),
        },
      }),
    ],
  });
}

function indicatorBlocks(indicator: ReportIndicator, t: T, lang: Lang): Block[] {
  const blocks: Block[] = [
    heading(indicator.definition, HeadingLevel.HEADING_3),
    labelled(t('ap.report.indicator.code'), indicator.code),
    ...(indicator.actionCode ? [labelled(t('ap.report.indicator.action'), indicator.actionCode)] : []),
    labelled(t('ap.indicator.unit'), indicator.unit),
    labelled(t('ap.indicator.baseline'), baselineText(t, lang, indicator)),
    labelled(t('ap.indicator.target'), targetText(t, lang, indicator)),
    labelled(t('ap.indicator.computation'), computationText(t, lang, indicator)),
    labelled(t('ap.report.indicator.source'), indicator.source),
    labelled(t('ap.report.trend'), trendText(t, lang, indicator)),
  ];
  if (indicator.measurements.length === 0) {
    blocks.push(para(t('ap.report.indicator.noMeasurements')));
  } else {
    if (chartPoints(indicator).length > 0)
      blocks.push(
        indicatorChart(indicator, t, lang),
        note(t('ap.report.chart.indicator.caption', { unit: indicator.unit })),
      );
    blocks.push(
      caption(t('ap.report.table.measurements', { code: indicator.code })),
      table(
        [
          t('ap.report.col.period'),
          t('ap.report.col.value'),
          t('ap.report.col.change'),
          t('ap.report.col.source'),
        ],
        indicator.measurements.map((m) => [
          m.period,
          measurementText(lang, m),
          formatChange(lang, m.change),
          m.note ? `${m.source} (${m.note})` : m.source,
        ]),
        { widths: [16, 16, 18, 50], numeric: [1, 2] },
      ),
    );
  }
  if (indicator.unreadable > 0)
    blocks.push(note(t('ap.report.indicator.unreadable', { count: indicator.unreadable })));
  return blocks;
}

function actionBlocks(action: ReportAction, t: T, lang: Lang): Block[] {
  const status = action.statusPeriod
    ? t('ap.report.action.statusFrom', {
        status: t(`ap.status.${action.status}`),
        period: action.statusPeriod,
      })
    : t(`ap.status.${action.status}`);
  const u = action.update;
  const blocks: Block[] = [
    heading(`${action.code} ${action.title}`, HeadingLevel.HEADING_3),
    labelled(t('ap.action.holders'), action.holders.length ? action.holders.join(', ') : t('ap.noHolder')),
    labelled(
      t('ap.report.action.status'),
      action.statusReason ? `${status}. ${t('ap.action.reason', { reason: action.statusReason })}` : status,
    ),
  ];
  if (u) {
    blocks.push(
      labelled(
        t('ap.report.action.update'),
        t('ap.report.action.accepted', {
          period: u.period,
          organisation: u.organisation,
          date: longDate(lang, u.acceptedAt.slice(0, 10)),
        }),
      ),
      labelled(t('ap.history.done'), u.done),
      labelled(t('ap.history.next'), u.next),
      labelled(t('ap.history.risks'), u.risks || t('ap.report.none')),
    );
  } else {
    blocks.push(labelled(t('ap.report.action.update'), t('ap.report.action.noUpdate')));
  }
  if (action.awaitingReview > 0)
    blocks.push(note(t('ap.report.action.awaiting', { count: action.awaitingReview })));
  return blocks;
}

function lineBlocks(line: ReportLine, t: T, lang: Lang): Block[] {
  const blocks: Block[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(t('ap.line', { number: line.number, title: line.title }))],
    }),
    para(line.description),
    para(line.total ? countsText(t, line.total, line.counts) : t('ap.report.line.noActions'), { bold: true }),
  ];
  if (line.actions.length > 0) {
    blocks.push(heading(t('ap.report.actions'), HeadingLevel.HEADING_2));
    for (const a of line.actions) blocks.push(...actionBlocks(a, t, lang));
  }
  blocks.push(heading(t('ap.indicators'), HeadingLevel.HEADING_2));
  if (line.indicators.length === 0) blocks.push(para(t('ap.report.indicators.none')));
  for (const i of line.indicators) blocks.push(...indicatorBlocks(i, t, lang));
  return blocks;
}

export async function renderReportDocx(report: Report, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const period = periodText(t, lang, report);
  const none = t('ap.report.none');
  const generated = longMoment(lang, report.generatedAt);
  const hasCharts =
    report.total > 0 ||
    [...report.lines.flatMap((l) => l.indicators), ...report.planIndicators].some(
      (i) => i.measurements.length,
    );

  const titlePage: Block[] = [
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: t('ap.report.kicker').toUpperCase(), bold: true, color: ACCENT })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.plan.title)] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: period, size: 32 })] }),
    labelled(t('ap.report.meta.plan'), `${t(`ap.plan.kind.${report.plan.kind}`)} ${report.plan.code}`),
    labelled(t('ap.report.meta.period'), period),
    labelled(t('ap.report.meta.generated'), generated),
    labelled(t('ap.report.meta.by'), t('ap.report.generatedBy')),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const summary: Block[] = [
    heading(t('ap.report.about'), HeadingLevel.HEADING_1),
    para(t('ap.report.about.text')),
    para(t('ap.report.about.numbers', { to: longDate(lang, report.to) })),
    ...(hasCharts ? [para(t('ap.report.about.docx'))] : []),
    heading(t('ap.report.summary'), HeadingLevel.HEADING_1),
    para(
      report.total
        ? t('ap.report.summary.text', {
            actions: report.total,
            lines: report.lines.length,
            withUpdate: report.actionsWithUpdate,
          })
        : t('ap.report.summary.noActions', { lines: report.lines.length }),
    ),
    ...(report.awaitingReview > 0
      ? [para(t('ap.report.summary.awaiting', { count: report.awaitingReview }))]
      : []),
    ...(report.total > 0 ? [statusChart(report, t), note(t('ap.report.chart.status.caption'))] : []),
    caption(t('ap.report.table.status')),
    table(
      [t('ap.col.line'), ...STATUS_ORDER.map((s) => t(`ap.status.${s}`)), t('ap.report.col.total')],
      report.lines.map((l) => [
        `${l.number}. ${l.title}`,
        ...STATUS_ORDER.map((s) => String(l.counts[s])),
        String(l.total),
      ]),
      {
        widths: [24, 13, 13, 14, 12, 14, 10],
        numeric: [1, 2, 3, 4, 5, 6],
        foot: [
          t('ap.report.total'),
          ...STATUS_ORDER.map((s) => String(report.counts[s])),
          String(report.total),
        ],
      },
    ),
    heading(t('ap.goals'), HeadingLevel.HEADING_2),
    ...report.strategicGoals.map((g) => para(`${g.number}. ${g.title}`)),
  ];

  const lines = report.lines.flatMap((l) => lineBlocks(l, t, lang));
  const planIndicators: Block[] = report.planIndicators.length
    ? [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          pageBreakBefore: true,
          children: [new TextRun(t('ap.report.planIndicators'))],
        }),
        ...report.planIndicators.flatMap((i) => indicatorBlocks(i, t, lang)),
      ]
    : [];

  const overview: Block[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(t('ap.report.overview'))],
    }),
    ...(report.summary.length === 0
      ? [para(t('ap.report.overview.none'))]
      : [
          caption(t('ap.report.overview.caption', { count: report.summary.length })),
          table(
            [
              t('ap.col.code'),
              t('ap.col.action'),
              t('ap.line.short'),
              t('ap.col.holders'),
              t('ap.col.status'),
              t('ap.report.col.update'),
            ],
            report.summary.map((a) => [
              a.code,
              a.title,
              String(a.line),
              a.holders.join(', ') || none,
              t(`ap.status.${a.status}`),
              a.updatePeriod ?? none,
            ]),
            { widths: [11, 35, 9, 20, 12, 13], numeric: [2] },
          ),
        ]),
  ];

  const annex: Block[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(t('ap.report.annex'))],
    }),
    para(t('ap.report.annex.text')),
    heading(t('ap.report.annex.documents'), HeadingLevel.HEADING_2),
    ...report.documents.map((d) => para(`• ${d}`, { spacingAfter: 40 })),
    caption(t('ap.report.annex.caption')),
    table(
      [t('ap.report.col.kind'), t('ap.col.code'), t('ap.report.col.element'), t('ap.report.col.source')],
      report.sources.map((s) => [sourceKind(t, s), s.code, s.title, s.source]),
      { widths: [15, 13, 42, 30] },
    ),
  ];

  const document = new Document({
    creator: 'Schakel',
    title: t('ap.report.docTitle', { plan: report.plan.code, period }),
    description: t('ap.report.kicker'),
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: lang === 'nl' ? 'nl-NL' : 'en-GB' } },
        },
        title: { run: { font: 'Calibri', size: 56, bold: true, color: '1A1A1A' } },
        heading1: {
          run: { font: 'Calibri', size: 34, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { font: 'Calibri', size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        heading3: {
          run: { font: 'Calibri', size: 24, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 280, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: { titlePage: true },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [
                      `${report.plan.title} · ${period} · ${t('ap.report.page')} `,
                      PageNumber.CURRENT,
                    ],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...titlePage, ...summary, ...lines, ...planIndicators, ...overview, ...annex],
      },
    ],
  });
  return Packer.toBuffer(document);
}
