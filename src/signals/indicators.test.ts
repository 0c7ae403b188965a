import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv, parseCsvRecords } from '../db/csv.js';

const text = readFileSync(new URL('./data/indicators-v1.csv', import.meta.url), 'utf8');
const rows = parseCsvRecords(text);

const FORMS: Record<string, { prefix: string; min: number; max: number }> = {
  'seksuele-uitbuiting': { prefix: 'SU', min: 10, max: 16 },
  arbeidsuitbuiting: { prefix: 'AU', min: 10, max: 16 },
  'criminele-uitbuiting': { prefix: 'CU', min: 10, max: 16 },
  'overige-uitbuiting': { prefix: 'OU', min: 6, max: 10 },
  orgaanverwijdering: { prefix: 'OV', min: 4, max: 6 },
};

test('the header is exactly the column order the migration loads', () => {
  assert.deepEqual(parseCsv(text)[0], ['code', 'version', 'form', 'label_nl', 'label_en', 'source']);
});

test('every row has as many fields as the header (commas inside fields are quoted)', () => {
  // parseCsvRecords throws on a row with the wrong number of fields; reaching here with rows means it passed.
  assert.ok(rows.length > 0);
  assert.ok(parseCsv(text).every((row) => row.length === 6));
});

test('codes are unique and look like XX-99', () => {
  const codes = rows.map((row) => row.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) assert.match(code!, /^[A-Z]{2}-[0-9]{2}$/);
});

test('every row is version 1 of a known form, and its code prefix matches the form', () => {
  for (const row of rows) {
    assert.equal(row.version, '1', row.code);
    const form = FORMS[row.form!];
    assert.ok(form, `${row.code}: unknown form ${row.form}`);
    assert.equal(row.code!.slice(0, 2), form.prefix, `${row.code} belongs to ${row.form}`);
  }
});

test('every form has a list of the agreed size, numbered from 01 without gaps', () => {
  for (const [name, { prefix, min, max }] of Object.entries(FORMS)) {
    const codes = rows.filter((row) => row.form === name).map((row) => row.code);
    assert.ok(
      codes.length >= min && codes.length <= max,
      `${name}: ${codes.length} indicators, not ${min}-${max}`,
    );
    assert.deepEqual(
      codes,
      codes.map((_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`),
    );
  }
});

test('no label is empty or padded, and Dutch and English labels differ per row', () => {
  for (const row of rows) {
    for (const column of ['label_nl', 'label_en'] as const) {
      const label = row[column]!;
      assert.ok(label.length > 0, `${row.code}: empty ${column}`);
      assert.equal(label, label.trim(), `${row.code}: ${column} has surrounding spaces`);
      assert.ok(label.length <= 120, `${row.code}: ${column} is too long to tick`);
    }
    assert.notEqual(row.label_nl, row.label_en, row.code);
  }
  for (const name of Object.keys(FORMS)) {
    const inForm = rows.filter((row) => row.form === name).map((row) => row.label_nl);
    assert.equal(new Set(inForm).size, inForm.length, `${name}: a label appears twice`);
  }
});

test('every row names its public source', () => {
  for (const row of rows) assert.ok(row.source!.trim().length > 10, `${row.code}: no source`);
});
