import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { verifyAuditChain } from './index.js';

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

test('the application cannot update or delete audit rows', async () => {
  await t.ctx.audit({ action: 'test.event' });
  await assert.rejects(sql`update audit_events set action = 'x'`.execute(t.ctx.db), /append-only/);
  await assert.rejects(sql`delete from audit_events`.execute(t.ctx.db), /append-only/);
});

test('a row changed behind the application’s back is caught, and the first broken link is named', async () => {
  for (let i = 0; i < 5; i++) await t.ctx.audit({ action: 'test.event', details: { i } });
  const rows = await t.ctx.db.selectFrom('audit_events').select(['seq', 'id']).orderBy('seq').execute();
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

test('a row removed from the middle is caught at the row after it', async () => {
  const fresh = await createTestApp();
  try {
    for (let i = 0; i < 4; i++) await fresh.ctx.audit({ action: 'test.event', details: { i } });
    const rows = await fresh.ctx.db.selectFrom('audit_events').select(['seq']).orderBy('seq').execute();
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

test('concurrent writers still make one unbroken chain', async () => {
  await Promise.all(
    Array.from({ length: 40 }, (_, i) => t.ctx.audit({ action: 'test.concurrent', details: { i } })),
  );
  const fresh = await createTestApp();
  try {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => fresh.ctx.audit({ action: 'test.concurrent', details: { i } })),
    );
    assert.deepEqual(await verifyAuditChain(fresh.ctx.db), { ok: true, checked: 40 });
  } finally {
    await fresh.close();
  }
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
