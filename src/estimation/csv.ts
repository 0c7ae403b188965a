// Capture histories from CSV text or from rows built by the application. Pure: no I/O, so the same validation
// serves the command line, the API and the app page. Every problem is an EstimationError with a stable code and a
// message naming the line and column.

import { EstimationError, type EstimationWarning } from './errors.js';
import { MAX_LISTS, MIN_LISTS, type CaptureData } from './design.js';

export interface CaptureHistoryRow {
  /** One 0/1 flag per list, in list order. */
  flags: readonly number[];
  count: number;
  /** Line in the source text, for messages; defaults to the row's position. */
  line?: number;
}

export interface ParsedCaptureHistories {
  data: CaptureData;
  warnings: EstimationWarning[];
}

function splitLine(line: string): string[] {
  return line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Parses "LA,NG,PF,count\n1,0,0,54\n…": a header with the list names and a last column with the count, one row per
 * capture history. Blank lines are ignored; duplicate histories are summed with a warning.
 */
export function parseCaptureHistories(text: string): ParsedCaptureHistories {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0)
    throw new EstimationError('estimation-invalid-csv', 'The file is empty: expected a header row.');
  const header = splitLine(lines[headerIndex]!);
  const lists = header.slice(0, -1);
  headerIndex += 1;
  validateListNames(lists, headerIndex);
  const rows: CaptureHistoryRow[] = [];
  for (let i = headerIndex; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const fields = splitLine(raw);
    if (fields.length !== header.length) {
      throw new EstimationError(
        'estimation-invalid-csv',
        `Line ${line}: expected ${header.length} fields (${lists.length} lists and a count), found ${fields.length}.`,
        { line },
      );
    }
    const flags = fields.slice(0, -1).map((field, column) => {
      if (field !== '0' && field !== '1') {
        throw new EstimationError(
          'estimation-invalid-flag',
          `Line ${line}, column "${lists[column]}": expected 0 or 1, found "${field}".`,
          { line, column: lists[column]! },
        );
      }
      return field === '1' ? 1 : 0;
    });
    const countField = fields[fields.length - 1]!;
    rows.push({ flags, count: parseCount(countField, line, header[header.length - 1]!), line });
  }
  return buildCaptureData(lists, rows);
}

function parseCount(field: string, line: number, column: string): number {
  if (!/^[+]?\d+(\.0*)?$/.test(field)) {
    const what = /^-/.test(field)
      ? 'a negative number'
      : /^[+-]?\d*\.\d+$/.test(field)
        ? 'a fraction'
        : 'text';
    throw new EstimationError(
      'estimation-invalid-count',
      `Line ${line}, column "${column}": the count must be a whole number of people, found ${what} "${field}".`,
      { line, column },
    );
  }
  const count = Number(field);
  if (!Number.isSafeInteger(count)) {
    throw new EstimationError(
      'estimation-invalid-count',
      `Line ${line}, column "${column}": count too large.`,
      {
        line,
        column,
      },
    );
  }
  return count;
}

function validateListNames(lists: readonly string[], line: number): void {
  if (lists.length < MIN_LISTS) {
    throw new EstimationError(
      'estimation-too-few-lists',
      `Line ${line}: found ${lists.length} list column(s); estimation needs at least ${MIN_LISTS} lists and a count column.`,
      { line },
    );
  }
  if (lists.length > MAX_LISTS) {
    throw new EstimationError(
      'estimation-too-many-lists',
      `Line ${line}: found ${lists.length} lists; at most ${MAX_LISTS} are supported.`,
      { line },
    );
  }
  const seen = new Set<string>();
  lists.forEach((name, i) => {
    if (name === '' || /[:\s]/.test(name)) {
      throw new EstimationError(
        'estimation-invalid-csv',
        `Line ${line}, column ${i + 1}: list names must be non-empty, without spaces or ":" (found "${name}").`,
        { line, column: String(i + 1) },
      );
    }
    if (seen.has(name)) {
      throw new EstimationError(
        'estimation-duplicate-list',
        `Line ${line}: the list name "${name}" occurs twice.`,
        {
          line,
          column: name,
        },
      );
    }
    seen.add(name);
  });
}

/**
 * Builds validated capture data from list names and rows (the entry point for data that does not come from CSV).
 */
export function buildCaptureData(
  lists: readonly string[],
  rows: readonly CaptureHistoryRow[],
): ParsedCaptureHistories {
  validateListNames(lists, 1);
  const k = lists.length;
  const counts = new Float64Array(1 << k);
  const seenAt = new Map<number, number>();
  const duplicates: string[] = [];
  rows.forEach((row, index) => {
    const line = row.line ?? index + 2;
    if (row.flags.length !== k) {
      throw new EstimationError('estimation-invalid-csv', `Line ${line}: expected ${k} list flags.`, {
        line,
      });
    }
    let cell = 0;
    row.flags.forEach((flag, i) => {
      if (flag !== 0 && flag !== 1) {
        throw new EstimationError(
          'estimation-invalid-flag',
          `Line ${line}, column "${lists[i]}": expected 0 or 1, found ${String(flag)}.`,
          { line, column: lists[i]! },
        );
      }
      if (flag === 1) cell |= 1 << i;
    });
    if (!Number.isSafeInteger(row.count) || row.count < 0) {
      throw new EstimationError(
        'estimation-invalid-count',
        `Line ${line}: the count must be a whole number of people (0 or more), found ${String(row.count)}.`,
        { line, column: 'count' },
      );
    }
    if (cell === 0) {
      throw new EstimationError(
        'estimation-all-zero-row',
        `Line ${line}: a capture history with no list (all zeros) cannot be observed; it is what is estimated.`,
        { line },
      );
    }
    const first = seenAt.get(cell);
    if (first !== undefined) duplicates.push(`line ${line} repeats line ${first}`);
    else seenAt.set(cell, line);
    counts[cell] = counts[cell]! + row.count;
  });
  let observed = 0;
  for (let c = 1; c < counts.length; c++) observed += counts[c]!;
  if (observed === 0) {
    throw new EstimationError(
      'estimation-no-observations',
      'The data contain no observed people (all counts are 0).',
    );
  }
  for (let i = 0; i < k; i++) {
    let onList = 0;
    for (let c = 1; c < counts.length; c++) if (c & (1 << i)) onList += counts[c]!;
    if (onList === 0) {
      throw new EstimationError(
        'estimation-empty-list',
        `List "${lists[i]}" has nobody on it; remove the column, since an empty list carries no information.`,
        { column: lists[i]! },
      );
    }
  }
  const warnings: EstimationWarning[] = [];
  if (duplicates.length > 0) {
    warnings.push({
      code: 'estimation-duplicate-history',
      message: `Duplicate capture histories were summed (${duplicates.join('; ')}).`,
    });
  }
  return { data: { lists: [...lists], counts, observed }, warnings };
}
