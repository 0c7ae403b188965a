// The minutes of a report meeting as a Word document (DOCX, with the `docx` package): title, date, chair, one row
// per decision (reference, forms, decision, reason) and a closing line saying who made them final. Least data: no
// narrative, no people, no identifiers; only what the meeting decided and why.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDateTime, translator, type Lang } from '../../web/i18n.js';
import './i18n.js';

export interface MinutesInput {
  organisation: string;
  heldOn: string;
  chair: string;
  closedAt: string | null;
  closedBy: string | null;
  decisions: { reference: string; forms: string[]; decision: string; reason: string }[];
}

const LONG_DATE: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar day (YYYY-MM-DD) written out, e.g. "5 maart 2026". */
export function longDate(lang: Lang, day: string): string {
  return LONG_DATE[lang].format(new Date(`${day}T00:00:00Z`));
}

export function minutesFilename(heldOn: string): string {
  return `notulen-meldingenoverleg-${heldOn}.docx`;
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function buildMinutes(input: MinutesInput, lang: Lang): Promise<Buffer> {
  const t = translator(lang);
  const title = t('ip.minutes.title');
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({
      children: [new TextRun(t('ip.minutes.organisation', { organisation: input.organisation }))],
    }),
    new Paragraph({
      children: [
        new TextRun({ text: `${t('ip.meeting.heldOn')}: `, bold: true }),
        new TextRun(longDate(lang, input.heldOn)),
      ],
    }),
    new Paragraph({
      children: [new TextRun({ text: `${t('ip.meeting.chair')}: `, bold: true }), new TextRun(input.chair)],
    }),
  ];
  if (!input.closedAt)
    children.push(new Paragraph({ children: [new TextRun({ text: t('ip.minutes.draft'), bold: true })] }));
  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(t('ip.minutes.decisions', { count: input.decisions.length }))],
    }),
  );
  if (input.decisions.length === 0) children.push(new Paragraph(t('ip.minutes.none')));
  else
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: [
              t('ip.col.reference'),
              t('ip.col.forms'),
              t('ip.col.decision'),
              t('ip.col.reason'),
            ].map((h) => cell(h, true)),
          }),
          ...input.decisions.map(
            (d) =>
              new TableRow({
                children: [
                  cell(d.reference),
                  cell(d.forms.map((f) => t(`ip.form.${f}`)).join(', ')),
                  cell(t(`ip.decision.${d.decision}`)),
                  cell(d.reason),
                ],
              }),
          ),
        ],
      }),
    );
  children.push(
    new Paragraph({
      spacing: { before: 400 },
      children: [
        new TextRun(
          input.closedAt
            ? t(input.closedBy ? 'ip.minutes.closedBy' : 'ip.minutes.closed', {
                at: formatDateTime(lang, input.closedAt),
                name: input.closedBy ?? '',
              })
            : t('ip.minutes.notClosed'),
        ),
      ],
    }),
  );
  const document = new Document({
    creator: 'Schakel',
    title: `${title} ${input.heldOn}`,
    styles: { default: { document: { run: { language: { value: lang === 'nl' ? 'nl-NL' : 'en-GB' } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
