import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import type { DB } from '../db/schema.js';
import { linkPendingAuditEvents, verifyAuditChain } from './index.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the chain of a working system verifies', async () => {
  const org = await t.organisation();
  const user = await t.user([[org, ['beheerder']]]);
  await t.login(user);
  const verdict = await verifyAuditChain(t.ctx.db);
  assert.equal(verdict.ok, true);
  assert.ok(verdict.checked >= 2);
});

/** The rows' link columns in chain order, and the rows still pending. */
async function chainState(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'chain_seq', 'prev_hash', 'hash'])
    .orderBy('seq')
    .execute();
  return {
    linked: rows.filter((r) => r.chain_seq !== null).sort((a, b) => a.chain_seq! - b.chain_seq!),
    pending: rows.filter((r) => r.chain_seq === null),
  };
}

test('an appended event is pending until it is linked; linking gives it the next chain position', async () => {
  const fresh = await createTestApp();
  try {
    await fresh.ctx.audit({ action: 'test.first' });
    await fresh.ctx.audit({ action: 'test.second' });
    const before = await chainState(fresh.ctx.db);
    assert.equal(before.linked.length, 0);
    assert.equal(before.pending.length, 2);
    assert.equal(await linkPendingAuditEvents(fresh.ctx.db), 2);
    assert.equal(await linkPendingAuditEvents(fresh.ctx.db), 0, 'nothing is linked twice');
    const after = await chainState(fresh.ctx.db);
    assert.deepEqual(
      after.linked.map((r) => r.chain_seq),
      [1, 2],
    );
    assert.equal(after.linked[0]!.prev_hash, '0'.repeat(64));
    assert.equal(after.linked[1]!.prev_hash, after.linked[0]!.hash);
    assert.equal(after.pending.length, 0);
  } finally {
    await fresh.close();
  }
});

test('an event of a transaction that rolls back does not exist, linked or pending', async () => {
  const fresh = await createTestApp();
  try {
    await assert.rejects(
      fresh.ctx.transaction(async (tx) => {
        await tx.audit({ action: 'test.rolled-back' });
        throw new Error('the change fails after its event was appended');
      }),
      /the change fails/,
    );
    await fresh.ctx.audit({ action: 'test.committed' });
    await linkPendingAuditEvents(fresh.ctx.db);
    const actions = await fresh.ctx.db.selectFrom('audit_events').select('action').execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['test.committed'],
    );
    assert.deepEqual(await verifyAuditChain(fresh.ctx.db), { ok: true, checked: 1 });
  } finally {
    await fresh.close();
  }
});

test('the trigger lets a pending row be linked once and refuses every other change and every delete', async () => {
  const db = t.ctx.db;
  await t.ctx.audit({ action: 'test.linked' });
  await linkPendingAuditEvents(db);
  await t.ctx.audit({ action: 'test.pending' });
  const linked = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('action', '=', 'test.linked')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const pending = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('action', '=', 'test.pending')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(pending.hash, null);
  const refused = /append-only/;
  // A linked row: no change of content, no re-linking, no delete.
  await assert.rejects(
    sql`update audit_events set action = 'x' where seq = ${linked.seq}`.execute(db),
    refused,
  );
  await assert.rejects(
    sql`update audit_events set chain_seq = 999999, prev_hash = ${'1'.repeat(64)}, hash = ${'2'.repeat(64)}
        where seq = ${linked.seq}`.execute(db),
    refused,
  );
  await assert.rejects(
    sql`update audit_events set hash = null where seq = ${linked.seq}`.execute(db),
    refused,
  );
  await assert.rejects(sql`delete from audit_events where seq = ${linked.seq}`.execute(db), refused);
  // A pending row: no change of content, not even while linking it, and no delete.
  await assert.rejects(
    sql`update audit_events set action = 'x' where seq = ${pending.seq}`.execute(db),
    refused,
  );
  await assert.rejects(
    sql`update audit_events set details = '{"forged": true}', chain_seq = 999999,
        prev_hash = ${'1'.repeat(64)}, hash = ${'2'.repeat(64)} where seq = ${pending.seq}`.execute(db),
    refused,
  );
  await assert.rejects(
    sql`update audit_events set hash = ${'2'.repeat(64)} where seq = ${pending.seq}`.execute(db),
    /append-only|audit_events_link_check/,
  );
  await assert.rejects(sql`delete from audit_events where seq = ${pending.seq}`.execute(db), refused);
  await assert.rejects(sql`delete from audit_events`.execute(db), refused);
  // Linking itself is allowed, once.
  assert.ok((await linkPendingAuditEvents(db)) >= 1);
  assert.equal((await verifyAuditChain(db)).ok, true);
});

test('a row changed behind the application’s back after linking is caught, and the first broken link is named', async () => {
  for (let i = 0; i < 5; i++) await t.ctx.audit({ action: 'test.event', details: { i } });
  await linkPendingAuditEvents(t.ctx.db);
  const rows = await t.ctx.db.selectFrom('audit_events').select(['seq', 'id']).orderBy('chain_seq').execute();
  const victim = rows[rows.length - 3]!;
  // A database superuser can switch the trigger off; the chain still tells.
  await sql`alter table audit_events disable trigger audit_events_no_change`.execute(t.ctx.db);
  await sql`update audit_events set details = '{"i": 99}' where seq = ${victim.seq}`.execute(t.ctx.db);
  await sql`alter table audit_events enable trigger audit_events_no_change`.execute(t.ctx.db);
  const verdict = await verifyAuditChain(t.ctx.db);
  assert.equal(verdict.ok, false);
  assert.ok(!verdict.ok && verdict.brokenAt.seq === victim.seq && verdict.brokenAt.id === victim.id);
  assert.ok(!verdict.ok && /changed/.test(verdict.brokenAt.reason));
});

test('a linked row removed from the middle is caught at the row after it', async () => {
  const fresh = await createTestApp();
  try {
    for (let i = 0; i < 4; i++) await fresh.ctx.audit({ action: 'test.event', details: { i } });
    await linkPendingAuditEvents(fresh.ctx.db);
    const rows = await fresh.ctx.db.selectFrom('audit_events').select(['seq']).orderBy('chain_seq').execute();
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(fresh.ctx.db);
    await sql`delete from audit_events where seq = ${rows[1]!.seq}`.execute(fresh.ctx.db);
    const verdict = await verifyAuditChain(fresh.ctx.db);
    assert.ok(
      !verdict.ok && verdict.brokenAt.seq === rows[2]!.seq && /removed/.test(verdict.brokenAt.reason),
    );
  } finally {
    await fresh.close();
  }
});

test('a linked row moved back to pending by a superuser is caught where it was taken out', async () => {
  const fresh = await createTestApp();
  try {
    for (let i = 0; i < 4; i++) await fresh.ctx.audit({ action: 'test.event', details: { i } });
    await linkPendingAuditEvents(fresh.ctx.db);
    const rows = await fresh.ctx.db.selectFrom('audit_events').select(['seq']).orderBy('chain_seq').execute();
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(fresh.ctx.db);
    await sql`update audit_events set chain_seq = null, prev_hash = null, hash = null
              where seq = ${rows[1]!.seq}`.execute(fresh.ctx.db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(fresh.ctx.db);
    // Verifying links it again, at the end; the row after its old place no longer fits.
    const verdict = await verifyAuditChain(fresh.ctx.db);
    assert.ok(!verdict.ok && verdict.brokenAt.seq === rows[2]!.seq, JSON.stringify(verdict));
  } finally {
    await fresh.close();
  }
});

test('verifying links the pending events first, and names an event that cannot be linked', async () => {
  const fresh = await createTestApp();
  try {
    for (let i = 0; i < 3; i++) await fresh.ctx.audit({ action: 'test.event', details: { i } });
    assert.deepEqual(await verifyAuditChain(fresh.ctx.db), { ok: true, checked: 3 });
    assert.equal((await chainState(fresh.ctx.db)).pending.length, 0);
    // A fault that makes linking fail (here a trigger a superuser added) leaves the event pending: that is reported.
    await sql`create function refuse_link() returns trigger language plpgsql as $$
              begin raise exception 'linking refused for this test'; end $$`.execute(fresh.ctx.db);
    await sql`create trigger refuse_link before update on audit_events for each row
              when (old.action = 'test.stuck') execute function refuse_link()`.execute(fresh.ctx.db);
    await fresh.ctx.audit({ action: 'test.stuck' });
    const stuck = await fresh.ctx.db
      .selectFrom('audit_events')
      .select(['seq', 'id'])
      .where('action', '=', 'test.stuck')
      .executeTakeFirstOrThrow();
    await assert.rejects(linkPendingAuditEvents(fresh.ctx.db), /linking refused/);
    const verdict = await verifyAuditChain(fresh.ctx.db);
    assert.equal(verdict.ok, false);
    assert.ok(!verdict.ok && verdict.brokenAt.seq === stuck.seq && verdict.brokenAt.id === stuck.id);
    assert.ok(
      !verdict.ok && /not-linked.*linking refused/.test(verdict.brokenAt.reason),
      JSON.stringify(verdict),
    );
    assert.equal(verdict.checked, 3, 'the linked chain before it was verified');
  } finally {
    await fresh.close();
  }
});

test('concurrent writers still make one unbroken chain, each event linked exactly once, positions 1..n', async () => {
  const fresh = await createTestApp();
  try {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fresh.ctx.transaction(async (tx) => {
          await tx.audit({ action: 'test.concurrent', details: { i } });
          await tx.audit({ action: 'test.concurrent.second', details: { i } });
        }),
      ),
    );
    // Chainers racing the writers and each other.
    await Promise.all([
      linkPendingAuditEvents(fresh.ctx.db, { batchSize: 7 }),
      linkPendingAuditEvents(fresh.ctx.db, { batchSize: 7 }),
    ]);
    assert.deepEqual(await verifyAuditChain(fresh.ctx.db), { ok: true, checked: 100 });
    const { linked, pending } = await chainState(fresh.ctx.db);
    assert.equal(pending.length, 0);
    assert.deepEqual(
      linked.map((r) => r.chain_seq),
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    assert.equal(new Set(linked.map((r) => r.hash)).size, 100);
  } finally {
    await fresh.close();
  }
});

test('an auditor finds events that are not linked yet, through the API and on the page', async () => {
  const org = await t.organisation();
  const auditor = await t.user([[org, ['auditor']]]);
  const cookie = await t.login(auditor);
  await linkPendingAuditEvents(t.ctx.db);
  await t.ctx.audit({ action: 'test.unlinked', recordOrganisationId: org.id });
  const res = await t.app.inject({
    url: '/api/v1/audit-gebeurtenissen?actie=test.unlinked',
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json<unknown[]>().length, 1);
  const page = await t.app.inject({ url: '/audit?actie=test.unlinked', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /test\.unlinked/);
});

test('an auditor searches the events of the own organisation only, and the search itself is audited', async () => {
  const mine = await t.organisation();
  const theirs = await t.organisation();
  const auditor = await t.user([[mine, ['auditor']]]);
  const colleague = await t.user([[mine, ['melder']]]);
  const stranger = await t.user([[theirs, ['melder']]]);
  await t.login(colleague);
  await t.login(stranger);
  const cookie = await t.login(auditor);
  const res = await t.app.inject({
    url: '/api/v1/audit-gebeurtenissen?actie=auth.login&limiet=100',
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200);
  const events = res.json<
    {
      actorUserId: string | null;
      actorOrganisationId: string | null;
      recordOrganisationId: string | null;
    }[]
  >();
  assert.ok(events.some((e) => e.actorUserId === colleague.id));
  assert.ok(
    events.every((e) => e.actorUserId !== stranger.id),
    'another organisation’s logins are not shown',
  );
  assert.ok(events.every((e) => e.actorOrganisationId === mine.id || e.recordOrganisationId === mine.id));
  const searches = await t.ctx.db
    .selectFrom('audit_events')
    .select('actor_user_id')
    .where('action', '=', 'audit.search')
    .execute();
  assert.ok(searches.some((s) => s.actor_user_id === auditor.id));
});

test('a beheerder is not an auditor: the audit API is refused and the refusal is itself audited', async () => {
  const org = await t.organisation();
  const beheerder = await t.user([[org, ['beheerder']]]);
  const cookie = await t.login(beheerder);
  const res = await t.app.inject({ url: '/api/v1/audit-gebeurtenissen', headers: { cookie } });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().code, 'forbidden');
  const denial = await t.ctx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'access.denied')
    .where('actor_user_id', '=', beheerder.id)
    .executeTakeFirst();
  assert.equal(denial?.outcome, 'denied');
  assert.equal(denial?.details.permission, 'audit.read');
});

test('an invalid date filter is a 400 naming the field', async () => {
  const org = await t.organisation();
  const auditor = await t.user([[org, ['auditor']]]);
  const cookie = await t.login(auditor);
  const res = await t.app.inject({ url: '/api/v1/audit-gebeurtenissen?van=2026-02-31', headers: { cookie } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().invalidParams[0].field.includes('van'), true);
});
