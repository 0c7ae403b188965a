import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { startAuditChainer, verifyAuditChain } from './index.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const pendingCount = async () =>
  (await t.ctx.db.selectFrom('audit_events').select('seq').where('hash', 'is', null).execute()).length;

test('the chainer loop links events appended while it runs, and goes on after a failing pass', async () => {
  const errors: unknown[] = [];
  let linked = 0;
  let wake: (() => void) | undefined;
  const chainer = startAuditChainer(t.ctx.db, {
    intervalMs: 5,
    onError: (error) => {
      errors.push(error);
      wake?.();
    },
    onPass: (n) => {
      linked += n;
      wake?.();
    },
  });
  // Waits for the loop's own passes: no sleeping on time.
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    await t.ctx.audit({ action: 'test.loop', details: { n: 1 } });
    await until(() => linked >= 1);
    await t.ctx.audit({ action: 'test.loop', details: { n: 2 } });
    await t.ctx.audit({ action: 'test.loop', details: { n: 3 } });
    await until(() => linked >= 3);
    assert.equal(await pendingCount(), 0);
    assert.deepEqual(errors, []);

    // A pass that fails (here a trigger refuses the update) is reported, and the loop tries again.
    await sql`create function refuse_link() returns trigger language plpgsql as $$
              begin raise exception 'linking refused for this test'; end $$`.execute(t.ctx.db);
    await sql`create trigger refuse_link before update on audit_events for each row
              execute function refuse_link()`.execute(t.ctx.db);
    await t.ctx.audit({ action: 'test.loop', details: { n: 4 } });
    await until(() => errors.length >= 2);
    assert.match(String(errors[0]), /linking refused/);
    assert.equal(await pendingCount(), 1);
    await sql`drop trigger refuse_link on audit_events`.execute(t.ctx.db);
    await until(() => linked >= 4);
    assert.equal(await pendingCount(), 0);
  } finally {
    await chainer.stop();
  }
  assert.deepEqual(await verifyAuditChain(t.ctx.db), { ok: true, checked: 4 });
});

test('stopping the chainer runs a last pass, so a clean shutdown leaves nothing pending', async () => {
  const chainer = startAuditChainer(t.ctx.db, { intervalMs: 60_000 });
  await t.ctx.audit({ action: 'test.before-stop' });
  assert.equal(await pendingCount(), 1);
  await chainer.stop();
  assert.equal(await pendingCount(), 0);
  await chainer.stop();
});
