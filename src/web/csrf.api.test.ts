// Every state-changing form refuses a post without its CSRF token, whoever sends it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
let cookie: string;
before(async () => {
  t = await createTestApp();
  const ministry = await t.organisation({ type: 'ministerie' });
  cookie = await t.login(
    await t.user([
      [
        ministry,
        [
          'landelijk-beheerder',
          'beheerder',
          'auditor',
          'privacyfunctionaris',
          'beleidsmedewerker',
          'analist',
        ],
      ],
    ]),
  );
});
after(() => t.close());

test('every page form (POST outside the API) answers 403 without a CSRF token, and changes nothing', async () => {
  const forms = t.app.routeTable.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'));
  assert.ok(forms.length >= 10, `${forms.length} form routes`);
  const before = await t.ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  for (const route of forms) {
    const url = route.url.replace(/:(\w+)/g, (_, name: string) =>
      name === 'code' ? 'GM0363' : '00000000-0000-4000-8000-000000000000',
    );
    for (const headers of [{ cookie }, {}]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: 'name=x&email=a%40b.example',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      });
      // The access gate may answer first with a redirect (to log in, or away from a login step already done):
      // then no handler ran either. Never a 2xx.
      assert.ok(res.statusCode === 403 || res.statusCode === 303, `${route.url} answered ${res.statusCode}`);
      if (res.statusCode === 403) assert.match(res.body, /formulier is verlopen|Geen toegang/, route.url);
    }
  }
  // Refusals by the access gate are audited (access.denied); nothing else may have happened since.
  const changes = await t.ctx.db
    .selectFrom('audit_events')
    .select('action')
    .where('seq', '>', Number(before.seq ?? 0))
    .where('action', '<>', 'access.denied')
    .execute();
  assert.deepEqual(changes, [], 'no form did anything');
});
