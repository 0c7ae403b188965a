// `schakel report progress` as a person runs it: a child process on the embedded database in a data folder seeded
// with the demo set (as `npm start` leaves it), writing the DOCX and the HTML file; usage errors exit 2, an unknown
// plan exits 1 and names the plans; the productions are in the audit log, whose chain stays intact.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPGlite } from '../db/database.js';
import { docxText } from '../../test/support/docx.js';

const dataDir = mkdtempSync(join(tmpdir(), 'schakel-report-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, SCHAKEL_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });

before(() => {
  const seeded = run('seed', '--demo');
  assert.equal(seeded.status, 0, seeded.stderr);
  assert.match(seeded.stdout, /beleid\.jenv@demo\.schakel\.example/);
});

test('schakel report progress --plan 2024 … --format docx --out FILE writes the Word document', () => {
  const out = join(dataDir, 'rapport-2024.docx');
  const result = run(
    'report',
    'progress',
    '--plan',
    '2024',
    '--from',
    '2024-07-01',
    '--to',
    '2026-06-30',
    '--format',
    'docx',
    '--out',
    out,
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Wrote .*rapport-2024\.docx: plan 2024 .*0 actions in 6 action lines/);
  const text = docxText(readFileSync(out));
  assert.match(text, /Versterkt Actieplan Samen tegen mensenhandel/);
  assert.match(text, /1 juli 2024 tot en met 30 juni 2026/);
  assert.match(text, /Actielijn 6: Versterken van de positie van minderjarige slachtoffers/);
  assert.match(text, /Het plan telt 6 actielijnen en nog geen acties/);
});

test('--format html writes one printable file that stands on its own, with its chart and table', () => {
  const out = join(dataDir, 'rapport-2018.html');
  const result = run(
    'report',
    'progress',
    '--plan',
    '2018',
    '--from',
    '2024-07-01',
    '--to',
    '2026-06-30',
    '--format',
    'html',
    '--out',
    out,
  );
  assert.equal(result.status, 0, result.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/, 'its stylesheet inside');
  assert.doesNotMatch(html, /<link rel="stylesheet"/, 'nothing to fetch from a server');
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-status-title chart-status-desc"/);
  assert.match(html, /Status van de acties per actielijn/);
  assert.match(html, /Acties in het plan: 88, in 5 actielijnen/);
});

test('usage errors exit 2 before the database is opened; an unknown plan exits 1 and names the plans', () => {
  const help = run('report', 'progress', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--plan CODE +the plan's code as the data has it/);
  const backwards = run('report', 'progress', '--plan', '2024', '--from', '2026-06-30', '--to', '2024-07-01');
  assert.equal(backwards.status, 2);
  assert.match(backwards.stderr, /--to \(2024-07-01\) comes before --from \(2026-06-30\)/);
  const badDate = run('report', 'progress', '--plan', '2024', '--from', '2024-02-30', '--to', '2024-07-01');
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /--from must be a real date as YYYY-MM-DD, not "2024-02-30"/);
  const format = run(
    'report',
    'progress',
    '--plan',
    '2024',
    '--from',
    '2024-01-01',
    '--to',
    '2024-12-31',
    '--format',
    'pdf',
  );
  assert.equal(format.status, 2);
  const unknown = run('report', 'progress', '--plan', '2030', '--from', '2024-07-01', '--to', '2026-06-30');
  assert.equal(unknown.status, 1);
  assert.match(
    unknown.stderr,
    /no plan "2030"\. Plans: 2024 \(Versterkt Actieplan Samen tegen mensenhandel\), 2018/,
  );
  assert.equal(existsSync('voortgangsrapportage-2030-2024-07-01-2026-06-30.docx'), false);
});

test('each report written is in the audit log, as the command, and the chain stays intact', async () => {
  const verified = run('audit', 'verify');
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /Audit chain intact/);
  const database = await openPGlite(join(dataDir, 'pglite'));
  try {
    const events = await database.db
      .selectFrom('audit_events')
      .select(['record_id', 'actor_user_id', 'outcome', 'details'])
      .where('action', '=', 'actionplan.report')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => [e.record_id, e.actor_user_id, e.outcome, (e.details as { format: string }).format]),
      [
        ['2024', null, 'success', 'docx'],
        ['2018', null, 'success', 'html'],
      ],
    );
  } finally {
    await database.close();
  }
});
