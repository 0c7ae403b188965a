// `schakel estimate FILE.csv [--method stepwise|exhaustive|main] [--criterion aic|bic]
//   [--interval lognormal|profile|bootstrap] [--seed N] [--nboot N] [--level L] [--json]`
// Scripts depend on the flags, the exit codes (0 ok, 2 usage error, 1 data error) and the --json object, so those
// stay stable. Only this module touches the io object; the library itself does no I/O. It imports nothing from the
// app or server, so the command starts fast (GLPK is loaded only when a model check needs it).

import { isEstimationError, type EstimationWarning } from './errors.js';
import { parseCaptureHistories } from './csv.js';
import {
  CRITERIA,
  estimate,
  INTERVALS,
  METHODS,
  type EstimateOptions,
  type EstimateResult,
} from './estimate.js';

export interface EstimateIo {
  readFile(path: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

export const ESTIMATE_USAGE = `Usage: schakel estimate FILE.csv [options]

Estimates the number of people seen by none of the lists (multiple systems estimation).
FILE: a header with the list names and a last column with the count; one 0/1 column per list.

Options:
  --method stepwise|exhaustive|main   model choice (default stepwise: SparseMSE's rule, p < 0.02)
  --criterion aic|bic                 ranking for --method exhaustive (default aic)
  --interval lognormal|profile|bootstrap
                                      confidence interval (default lognormal)
  --level L                           confidence level (default 0.95)
  --seed N                            bootstrap seed (default 1234)
  --nboot N                           bootstrap resamples (default 1000)
  --json                              print one JSON object
  -h, --help                          show this help
`;

class UsageError extends Error {}

interface ParsedArgs {
  file: string;
  json: boolean;
  options: EstimateOptions;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}".`);
  }
  return value as T;
}

function wholeNumber(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}".`);
  }
  return Number(value);
}

function parseArgs(args: readonly string[]): ParsedArgs | 'help' {
  const options: EstimateOptions = {};
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq < 0 ? arg : arg.slice(0, eq);
      let value = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!['--method', '--criterion', '--interval', '--seed', '--nboot', '--level'].includes(flag)) {
        throw new UsageError(`Unknown option ${flag}.`);
      }
      if (value === undefined) {
        value = args[++i];
        if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      }
      if (flag === '--method') options.method = oneOf(flag, value, METHODS);
      else if (flag === '--criterion') options.criterion = oneOf(flag, value, CRITERIA);
      else if (flag === '--interval') options.interval = oneOf(flag, value, INTERVALS);
      else if (flag === '--seed') options.seed = wholeNumber(flag, value, 0);
      else if (flag === '--nboot') options.replicates = wholeNumber(flag, value, 10);
      else {
        const level = Number(value);
        if (!/^0?\.\d+$/.test(value) || !(level > 0 && level < 1)) {
          throw new UsageError(`--level must be a number between 0 and 1, such as 0.95, not "${value}".`);
        }
        options.level = level;
      }
      continue;
    }
    if (file !== undefined)
      throw new UsageError(`Only one FILE can be given (found "${file}" and "${arg}").`);
    file = arg;
  }
  if (file === undefined) throw new UsageError('Missing FILE.csv.');
  return { file, json, options };
}

export async function estimateCommand(args: string[], io: EstimateIo): Promise<number> {
  let parsed: ParsedArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`schakel estimate: ${error.message}\n\n${ESTIMATE_USAGE}`);
    return 2;
  }
  if (parsed === 'help') {
    io.out(ESTIMATE_USAGE);
    return 0;
  }
  const { file, json, options } = parsed;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.err(
      `schakel estimate: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  try {
    const { data, warnings } = parseCaptureHistories(text);
    if (!json && options.interval === 'bootstrap') options.onProgress = progressReporter(io);
    const result = await estimate(data, options);
    result.warnings.unshift(...warnings);
    io.out(json ? `${JSON.stringify(toJson(result))}\n` : formatTable(result));
    return 0;
  } catch (error) {
    if (!isEstimationError(error)) throw error;
    io.err(`schakel estimate: ${file}: ${error.message} [${error.code}]\n`);
    return 1;
  }
}

function progressReporter(io: EstimateIo): (done: number, total: number) => void {
  let reported = 0;
  return (done, total) => {
    const tenth = Math.floor((10 * done) / total);
    if (tenth > reported) {
      reported = tenth;
      io.err(`bootstrap: ${done}/${total} refits\n`);
    }
  };
}

/** The --json object: the fields of the documented contract first, then extras. */
export function toJson(result: EstimateResult): Record<string, unknown> {
  return {
    lists: result.lists,
    observed: result.observed,
    unobserved: result.unobserved,
    total: result.total,
    interval: result.interval,
    model: {
      interactions: result.model.interactions,
      aic: result.model.aic,
      deviance: result.model.deviance,
      df: result.model.df,
      bic: result.model.bic,
      structuralZeros: result.model.structuralZeros,
    },
    method: result.method,
    warnings: result.warnings.map((w: EstimationWarning) => ({ code: w.code, message: w.message })),
    ...(result.criterion ? { criterion: result.criterion } : {}),
  };
}

const INTERVAL_NAMES = { lognormal: 'log-normal', profile: 'profile likelihood', bootstrap: 'BCa bootstrap' };

function formatTable(r: EstimateResult): string {
  const n = (x: number | null): string => (x === null ? 'unbounded' : Math.round(x).toLocaleString('en-GB'));
  const method =
    r.method === 'stepwise'
      ? 'stepwise (SparseMSE rule, p < 0.02)'
      : r.method === 'exhaustive'
        ? `exhaustive search, lowest ${(r.criterion ?? 'aic').toUpperCase()}`
        : 'main effects only (independent lists)';
  const interval = r.interval;
  const lines = [
    `Lists       ${r.lists.join(', ')} (${r.lists.length})`,
    `Method      ${method}`,
    `Model       main effects${r.model.interactions.length ? ` + ${r.model.interactions.join(', ')}` : ''}`,
    ...(r.model.structuralZeros.length
      ? [`            no overlap (structural zeros): ${r.model.structuralZeros.join(', ')}`]
      : []),
    `Fit         AIC ${r.model.aic.toFixed(2)}, BIC ${r.model.bic.toFixed(2)}, deviance ${r.model.deviance.toFixed(2)} on ${r.model.df} df`,
    `Observed    ${n(r.observed)}`,
    `Unobserved  ${n(r.unobserved)}`,
    `Total       ${n(r.total)}`,
    `Interval    ${n(interval.lower)} to ${n(interval.upper)} (${Math.round(interval.level * 1000) / 10} %, ${INTERVAL_NAMES[interval.method]})`,
    ...r.warnings.map((w) => `Warning     ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
