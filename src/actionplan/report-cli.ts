// `schakel report progress --plan CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format docx|html] [--out FILE]
//   [--lang nl|en]`: the progress report written to a file, from the same database the server uses. Exit codes: 0
// written, 2 usage error (the arguments), 1 data error (no such plan). The arguments are checked before the database
// is opened; the production is audited like one through the web (actor: the command).
import { parseArgs } from 'node:util';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { Lang } from '../web/i18n.js';
import { checkReportPeriod } from './report.js';
import { produceProgressReport, REPORT_FORMATS, type ReportFormat } from './report-service.js';
import { reportFilename } from './report-text.js';
import { listPlans } from './store.js';

export const REPORT_USAGE = `Usage: schakel report progress --plan CODE --from YYYY-MM-DD --to YYYY-MM-DD [options]

Writes the progress report to Parliament for one plan over a period: per action line the status of its actions
with their latest accepted progress update, the indicators with their measurements and trend, a summary of all
actions and an annex of sources. Every number is counted from the database.

  --plan CODE        the plan's code as the data has it (src/actionplan/data/plans.csv): 2024 for the
                     Versterkt Actieplan Samen tegen mensenhandel (17 June 2024), 2018 for the programme
                     Samen tegen mensenhandel; an unknown code lists the plans in the database
  --from YYYY-MM-DD  the first day of the period
  --to YYYY-MM-DD    the last day of the period (included)
  --format docx|html Word document to edit further (default), or one printable HTML file
  --out FILE         where to write it (default: voortgangsrapportage-CODE-FROM-TO.docx|html here)
  --lang nl|en       the report's language (default nl; the plan's own texts stay Dutch)
  -h, --help         show this help

Example: schakel report progress --plan 2024 --from 2024-07-01 --to 2026-06-30 --format docx --out rapport.docx

It opens the database of the settings (DATABASE_URL, or the embedded one in SCHAKEL_DATA_DIR, default ./data).
The embedded database (PGlite) is not safe for two processes at once: stop \`npm start\` first.`;

export interface ReportIo {
  /** Opens the database with a context acting as this command. */
  open(): Promise<{ ctx: Ctx; close(): Promise<void> }>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

interface Parsed {
  plan: string;
  from: string;
  to: string;
  format: ReportFormat;
  out: string | undefined;
  lang: Lang;
}

function parse(args: string[]): Parsed | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        plan: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const missing = (['plan', 'from', 'to'] as const).filter((name) => !values[name]);
  if (missing.length) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.`);
  const format = values.format ?? 'docx';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be docx or html, not "${format}".`);
  const lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang must be nl or en, not "${lang}".`);
  const issues = checkReportPeriod(values.from!, values.to!);
  if (issues.length)
    throw new UsageError(
      issues
        .map((i) =>
          i.rule === 'afterFrom'
            ? `--to (${values.to}) comes before --from (${values.from}).`
            : `--${i.field} must be a real date as YYYY-MM-DD, not "${values[i.field as 'from' | 'to']}".`,
        )
        .join(' '),
    );
  return {
    plan: values.plan!,
    from: values.from!,
    to: values.to!,
    format: format as ReportFormat,
    out: values.out,
    lang,
  };
}

export async function reportCommand(args: string[], io: ReportIo): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`schakel report progress: ${error.message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.out(REPORT_USAGE);
    return 0;
  }
  const { ctx, close } = await io.open();
  try {
    const produced = await produceProgressReport(
      ctx,
      { plan: parsed.plan, from: parsed.from, to: parsed.to },
      { format: parsed.format, lang: parsed.lang, html: { stylesheet: 'inline' } },
    );
    const path = parsed.out ?? reportFilename(produced.report, parsed.format);
    await io.writeFile(path, produced.body);
    const { report } = produced;
    io.out(
      `Wrote ${path}: plan ${report.plan.code} (${report.plan.title}), ${report.from} to ${report.to}; ` +
        `${report.total} actions in ${report.lines.length} action lines, ` +
        `${report.actionsWithUpdate} with accepted progress in the period.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') {
      const plans = await listPlans(ctx.db);
      io.err(
        `schakel report progress: there is no plan "${parsed.plan}". Plans: ${plans
          .map((p) => `${p.code} (${p.title})`)
          .join(', ')}.`,
      );
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
