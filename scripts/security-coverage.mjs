// Reads the ASVS table in docs/security.md (between <!-- asvs-table:start --> and <!-- asvs-table:end -->), prints
// how many of the listed requirements are covered, partly covered and not yet covered, lists those not fully
// covered, and fails when a row is malformed or names a test file (or document) that does not exist.
// `npm test` runs it with the static checks; `node scripts/security-coverage.mjs` runs it alone.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const doc = 'docs/security.md';
const text = readFileSync(join(root, doc), 'utf8');
const STATUSES = ['covered', 'partly', 'not yet'];

const start = text.indexOf('<!-- asvs-table:start -->');
const end = text.indexOf('<!-- asvs-table:end -->');
if (start < 0 || end < start) {
  console.error(`${doc}: the ASVS table markers are missing`);
  process.exit(1);
}

const problems = [];
const rows = [];
const cells = (line) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const lines = text
  .slice(start, end)
  .split('\n')
  .filter((l) => l.trim().startsWith('|'));
const header = cells(lines[0] ?? '');
const col = (name) => header.indexOf(name);
for (const name of ['ASVS', 'level', 'requirement (paraphrased)', 'status', 'tests'])
  if (col(name) < 0) problems.push(`the table has no "${name}" column`);

for (const line of lines.slice(2)) {
  const c = cells(line);
  const row = {
    id: c[col('ASVS')],
    level: c[col('level')],
    requirement: c[col('requirement (paraphrased)')],
    status: c[col('status')],
    files: [...(c[col('tests')] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]),
  };
  if (!/^\d+\.\d+\.\d+$/.test(row.id ?? '')) problems.push(`"${row.id}" is not an ASVS requirement number`);
  if (!/^[123]$/.test(row.level ?? '')) problems.push(`${row.id}: level "${row.level}" is not 1, 2 or 3`);
  if (!STATUSES.includes(row.status))
    problems.push(`${row.id}: status "${row.status}" is not one of ${STATUSES}`);
  if (row.status === 'covered' && row.files.length === 0) problems.push(`${row.id}: covered, but by no test`);
  for (const file of row.files)
    if (!existsSync(join(root, file))) problems.push(`${row.id}: ${file} does not exist`);
  rows.push(row);
}

const keys = rows.map((r) => `${r.id}/L${r.level}`);
for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i)))
  problems.push(`${key} appears more than once`);

const count = (status) => rows.filter((r) => r.status === status).length;
const files = new Set(rows.flatMap((r) => r.files));
console.log(
  `OWASP ASVS 5.0 (${doc}): ${rows.length} requirements listed: ${count('covered')} covered, ` +
    `${count('partly')} partly covered, ${count('not yet')} not yet covered; ${files.size} files named.`,
);
for (const status of ['not yet', 'partly']) {
  const open = rows.filter((r) => r.status === status);
  if (open.length === 0) continue;
  console.log(status === 'not yet' ? 'Not yet covered:' : 'Partly covered:');
  for (const r of open) console.log(`  ${r.id} (L${r.level}) ${r.requirement}`);
}
if (problems.length) {
  console.error(`\n${doc} has ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
