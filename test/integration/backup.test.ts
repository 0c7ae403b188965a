// `schakel backup` and `schakel restore` as an operator runs them (the command line as a child process), on a real
// PostgreSQL server and on the embedded database: a restore into an empty database finds every record, the audit
// chain intact and the encrypted fields readable with the same master key, and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { verifyAuditChain } from '../../src/audit/index.js';
import { readBackupFile } from '../../src/backup/index.js';
import { openPGlite, openPostgres, type Database } from '../../src/db/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { skipUnless } from '../support/binaries.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { validSignal } from '../support/signals.js';

const skip = skipUnless('postgresql');
const work = mkdtempSync(join(tmpdir(), 'schakel-backup-'));
const MASTER_KEY = randomBytes(32).toString('base64');
let server: PostgresServer | undefined;

before(async () => {
  if (!skip) server = await startPostgres();
});
after(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function schakel(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      SCHAKEL_MASTER_KEY: '',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every table in schema public with its rows' primary keys (sorted) and a digest of all their contents. */
async function snapshot(
  query: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<Record<string, { ids: string[]; digest: string }>> {
  const tables = await query(
    `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const result: Record<string, { ids: string[]; digest: string }> = {};
  for (const { name } of tables as { name: string }[]) {
    const keys = await query(
      `select a.attname as name from pg_index i
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = '${name}'::regclass and i.indisprimary order by a.attnum`,
    );
    const key = keys.length ? keys.map((k) => `${k.name as string}::text`).join(` || '/' || `) : `t::text`;
    const ids = (await query(`select ${key} as id from ${name} t order by 1`)).map((r) => String(r.id));
    const [digest] = await query(
      `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as d from ${name} t`,
    );
    result[name] = { ids, digest: String(digest!.d) };
  }
  return result;
}

const rawQuery = (database: Database) => (text: string) =>
  database.withSession((session) => session.query<Record<string, unknown>>(text));

async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

test(
  'a PostgreSQL backup restores into an empty database: every record, the audit chain, and the narrative readable with the same master key',
  { skip },
  async () => {
    const sourceUrl = await server!.createDatabase('source');
    let t: TestApp | undefined = await createTestApp({
      databaseUrl: sourceUrl,
      env: { SCHAKEL_MASTER_KEY: MASTER_KEY },
    });
    const utrecht = await t.organisation({ name: 'Gemeente Utrecht (backup)', municipalityCode: 'GM0344' });
    const ngo = await t.organisation({ type: 'ngo', name: 'Stichting Backup' });
    const melder = await t.user([[utrecht, ['melder']]]);
    const officer = await t.user([[utrecht, ['aandachtsfunctionaris']]]);
    await t.user([[ngo, ['melder']]]);
    const narrative = 'Backup drill: workers sleep in the shed behind the greenhouse on the Dorpsweg.';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/signalen',
      headers: { cookie: await t.login(melder), 'idempotency-key': 'backup-drill-1' },
      payload: validSignal({ narrative }),
    });
    assert.equal(created.statusCode, 201, created.body);
    const signalId = created.json<{ id: string }>().id;
    const officerCookie = await t.login(officer);
    const read = await t.app.inject({
      url: `/api/v1/signalen/${signalId}`,
      headers: { cookie: officerCookie },
    });
    assert.equal(read.statusCode, 200, read.body);
    const clock = t.clock;
    await t.close(); // the chainer links what is pending on the way out
    t = undefined;

    const source = await openPostgres(sourceUrl, 2);
    // Link what is still pending, as the restore's verification will: then every row must come back unchanged.
    assert.ok((await verifyAuditChain(source.db)).ok);
    const before = await snapshot(rawQuery(source));
    const keyIds = (
      await source.db.selectFrom('encryption_keys').select('id').orderBy('created_at').execute()
    ).map((r) => r.id);
    await source.close();
    assert.ok(before.signals!.ids.includes(signalId));
    assert.ok(before.audit_events!.ids.length >= 5, 'logins, the signal and its reading are audited');

    const file = join(work, 'schakel-pg.backup');
    const backup = schakel(['backup', '--out', file], {
      DATABASE_URL: sourceUrl,
      SCHAKEL_MASTER_KEY: MASTER_KEY,
    });
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(
      backup.stdout,
      /Using \S*pg_dump\S* .*\(version \d+[.\d]*\); its major version must be at least the server's/,
    );
    assert.match(backup.stdout, /the master key is NOT in this backup/);
    assert.doesNotMatch(readFileSync(file).toString('latin1'), new RegExp(MASTER_KEY.replace(/[+/=]/g, '.')));
    const { manifest } = await readBackupFile(file);
    assert.equal(manifest.kind, 'postgres');
    assert.deepEqual(manifest.dataKeyIds, keyIds, 'the header names the data keys the backup needs');
    assert.equal(manifest.masterKey, 'not-included');
    for (const [name, { ids }] of Object.entries(before))
      assert.equal(manifest.tables[name], ids.length, name);

    const targetUrl = await server!.createDatabase('restored');
    const restore = schakel(['restore', '--from', file], {
      DATABASE_URL: targetUrl,
      SCHAKEL_MASTER_KEY: MASTER_KEY,
    });
    assert.equal(restore.status, 0, restore.stderr);
    assert.match(restore.stdout, /Using \S*pg_restore/);
    assert.match(restore.stdout, new RegExp(`signals +1\\n`));
    assert.match(restore.stdout, /Data keys dk-\S+ unwrap with the master key from SCHAKEL_MASTER_KEY/);
    const verified = Number(/Audit chain intact: (\d+) events verified/.exec(restore.stdout)?.[1]);
    assert.equal(verified, before.audit_events!.ids.length, 'every audit event is in the verified chain');

    const target = await openPostgres(targetUrl, 2);
    try {
      const restored = await snapshot(rawQuery(target));
      assert.deepEqual(Object.keys(restored), Object.keys(before), 'the same tables');
      for (const [name, { ids, digest }] of Object.entries(before)) {
        assert.deepEqual(restored[name]!.ids, ids, `${name}: the same rows`);
        assert.equal(restored[name]!.digest, digest, `${name}: the same contents`);
      }
      const chain = await verifyAuditChain(target.db);
      assert.ok(chain.ok);
    } finally {
      await target.close();
    }

    // The restored database in use: the officer logs in (the TOTP secret decrypts) and reads the narrative.
    const restoredApp = await createTestApp({
      databaseUrl: targetUrl,
      env: { SCHAKEL_MASTER_KEY: MASTER_KEY },
      clock,
    });
    try {
      const cookie = await restoredApp.login(officer);
      const view = await restoredApp.app.inject({ url: `/api/v1/signalen/${signalId}`, headers: { cookie } });
      assert.equal(view.statusCode, 200, view.body);
      assert.equal(view.json<{ narrative: string }>().narrative, narrative);
    } finally {
      await restoredApp.close();
    }

    // Another master key: the restore says so and names the key it cannot unwrap.
    const wrongUrl = await server!.createDatabase('wrong_key');
    const wrong = schakel(['restore', '--from', file], {
      DATABASE_URL: wrongUrl,
      SCHAKEL_MASTER_KEY: randomBytes(32).toString('base64'),
    });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /master key from SCHAKEL_MASTER_KEY does not fit this backup/);
    assert.match(wrong.stderr, new RegExp(`Data key ${keyIds[0]} cannot be unwrapped`));
    assert.doesNotMatch(
      wrong.stdout + wrong.stderr,
      /Restore complete|at .*\.ts:\d+/,
      'no success, no stack trace',
    );

    // No master key at all: refused before anything is restored.
    const noKeyUrl = await server!.createDatabase('no_key');
    const noKey = schakel(['restore', '--from', file], {
      DATABASE_URL: noKeyUrl,
      SCHAKEL_DATA_DIR: join(work, 'no-key-dir'),
    });
    assert.equal(noKey.status, 1);
    assert.match(noKey.stderr, /No master key is configured/);
    assert.ok(await databaseIsEmpty(noKeyUrl), 'nothing was restored');

    // A database that is not empty is refused, and says why; --force replaces what the backup holds.
    const refused = schakel(['restore', '--from', file], {
      DATABASE_URL: wrongUrl,
      SCHAKEL_MASTER_KEY: MASTER_KEY,
    });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /database wrong_key on 127\.0\.0\.1:\d+ is not empty: it holds \d+ tables/);
    assert.match(refused.stderr, /Restore into a new, empty database/);
    const forced = schakel(['restore', '--from', file, '--force'], {
      DATABASE_URL: wrongUrl,
      SCHAKEL_MASTER_KEY: MASTER_KEY,
    });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /Audit chain intact/);

    // A damaged backup is refused before anything happens.
    const damaged = join(work, 'damaged.backup');
    const bytes = readFileSync(file);
    bytes[bytes.length - 400] = bytes[bytes.length - 400]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const emptyUrl = await server!.createDatabase('damaged');
    const fromDamaged = schakel(['restore', '--from', damaged], {
      DATABASE_URL: emptyUrl,
      SCHAKEL_MASTER_KEY: MASTER_KEY,
    });
    assert.equal(fromDamaged.status, 1);
    assert.match(fromDamaged.stderr, /is damaged/);
    assert.ok(await databaseIsEmpty(emptyUrl));
  },
);

test('an embedded data folder is backed up while Schakel is stopped and restored into a new folder', async () => {
  const sourceDir = join(work, 'embedded-source');
  const seeded = schakel(['seed', '--demo'], { SCHAKEL_DATA_DIR: sourceDir });
  assert.equal(seeded.status, 0, seeded.stderr);
  const file = join(work, 'schakel-embedded.backup');

  // While the folder is open (as by a running Schakel) the backup refuses.
  const open = await openPGlite(join(sourceDir, 'pglite'));
  const before = await snapshot(rawQuery(open));
  const busy = schakel(['backup', '--out', file], { SCHAKEL_DATA_DIR: sourceDir });
  await open.close();
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, /is in use \(a running Schakel has it open\)/);
  assert.equal(existsSync(file), false);

  const backup = schakel(['backup', '--out', file], { SCHAKEL_DATA_DIR: sourceDir });
  assert.equal(backup.status, 0, backup.stderr);
  assert.match(backup.stdout, /the master key is NOT in this backup/);
  const masterKey = readFileSync(join(sourceDir, 'master.key'), 'utf8').trim();
  assert.equal(readFileSync(file).includes(masterKey), false, 'the key file is not in the backup');
  const again = schakel(['backup', '--out', file], { SCHAKEL_DATA_DIR: sourceDir });
  assert.equal(again.status, 1);
  assert.match(again.stderr, /exists already/);

  // A new folder without the master key: refused before anything is written.
  const targetDir = join(work, 'embedded-target');
  const noKey = schakel(['restore', '--from', file], { SCHAKEL_DATA_DIR: targetDir });
  assert.equal(noKey.status, 1);
  assert.match(noKey.stderr, /copy the old data folder's master\.key to .*embedded-target\/master\.key/);
  assert.equal(existsSync(join(targetDir, 'pglite')), false);

  mkdirSync(targetDir);
  copyFileSync(join(sourceDir, 'master.key'), join(targetDir, 'master.key'));
  const restore = schakel(['restore', '--from', file], { SCHAKEL_DATA_DIR: targetDir });
  assert.equal(restore.status, 0, restore.stderr);
  assert.match(restore.stdout, /users +14\n/);
  assert.match(restore.stdout, /Audit chain intact: \d+ events verified/);
  assert.deepEqual(readdirSync(targetDir).sort(), ['master.key', 'pglite']);

  const restored = await openPGlite(join(targetDir, 'pglite'));
  try {
    const after = await snapshot(rawQuery(restored));
    assert.deepEqual(Object.keys(after), Object.keys(before));
    for (const [name, { ids }] of Object.entries(before)) assert.deepEqual(after[name]!.ids, ids, name);
    assert.ok((await verifyAuditChain(restored.db)).ok);
  } finally {
    await restored.close();
  }

  const twice = schakel(['restore', '--from', file], { SCHAKEL_DATA_DIR: targetDir });
  assert.equal(twice.status, 1);
  assert.match(twice.stderr, /holds a database already/);

  // Another master key in a fresh folder: refused, and nothing is left behind.
  const otherDir = join(work, 'embedded-other-key');
  const wrong = schakel(['restore', '--from', file], {
    SCHAKEL_DATA_DIR: otherDir,
    SCHAKEL_MASTER_KEY: randomBytes(32).toString('base64'),
  });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /does not fit this backup/);
  assert.deepEqual(readdirSync(otherDir), [], 'the staging folder is removed');
});
