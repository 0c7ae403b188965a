import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv, parseCsvRecords } from './csv.js';

test('quoted fields keep their commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"'],
    ['multi\nline', 'z'],
  ]);
});

test('records are keyed by the header, and a short row is an error naming its line', () => {
  assert.deepEqual(parseCsvRecords('code,name\nGM0363,Amsterdam\n'), [{ code: 'GM0363', name: 'Amsterdam' }]);
  assert.throws(() => parseCsvRecords('code,name\nGM0363\n'), /row 2/);
});
