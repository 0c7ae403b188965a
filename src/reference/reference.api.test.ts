import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('all 342 municipalities of 2025 are served publicly with their regions', async () => {
  const res = await t.app.inject({ url: '/api/v1/gemeenten' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['api-version'], '1.0.0');
  const all = res.json<{ code: string; name: string; year: number }[]>();
  assert.equal(all.length, 342);
  assert.ok(all.every((m) => m.year === 2025 && /^GM\d{4}$/.test(m.code)));
  const amsterdam = (await t.app.inject({ url: '/api/v1/gemeenten/GM0363' })).json();
  assert.equal(amsterdam.name, 'Amsterdam');
  assert.deepEqual(amsterdam.policeUnit, { code: 'amsterdam', name: 'Amsterdam' });
  assert.equal(amsterdam.riec.name, 'RIEC Amsterdam-Amstelland');
  assert.equal(amsterdam.careRegion.toBeConfirmed, true);
  const quoted = (await t.app.inject({ url: '/api/v1/gemeenten/GM0820' })).json();
  assert.equal(quoted.name, 'Nuenen, Gerwen en Nederwetten', 'a quoted CSV field with a comma survives');
});

test('the police units hold the documented number of municipalities', async () => {
  const units = (await t.app.inject({ url: '/api/v1/regios?soort=politie-eenheid' })).json<
    { name: string; municipalities: number; toBeConfirmed: boolean }[]
  >();
  const counts = Object.fromEntries(units.map((u) => [u.name, u.municipalities]));
  assert.deepEqual(counts, {
    Amsterdam: 6,
    'Den Haag': 27,
    Limburg: 31,
    'Midden-Nederland': 38,
    'Noord-Holland': 32,
    'Noord-Nederland': 40,
    'Oost-Brabant': 32,
    'Oost-Nederland': 76,
    Rotterdam: 23,
    'Zeeland-West-Brabant': 37,
  });
  assert.ok(
    units.every((u) => u.toBeConfirmed),
    'derived columns are marked to be confirmed',
  );
  const kinds = (await t.app.inject({ url: '/api/v1/regios' })).json<{ kind: string }[]>();
  assert.deepEqual([...new Set(kinds.map((k) => k.kind))].sort(), [
    'politie-eenheid',
    'riec',
    'veiligheidsregio',
    'zorgcoordinatie',
  ]);
});

test('filters and bad input: a region filter narrows the list; an unknown code is 404; a bad year is 400', async () => {
  const riec = (
    await t.app.inject({ url: '/api/v1/gemeenten?regioSoort=riec&regio=riec-amsterdam-amstelland' })
  ).json<unknown[]>();
  assert.equal(riec.length, 6);
  assert.equal((await t.app.inject({ url: '/api/v1/gemeenten/GM9999' })).statusCode, 404);
  const badCode = await t.app.inject({ url: '/api/v1/gemeenten/amsterdam' });
  assert.equal(badCode.statusCode, 400);
  const badYear = await t.app.inject({ url: '/api/v1/gemeenten?jaar=2019' });
  assert.equal(badYear.statusCode, 400);
  assert.equal(badYear.json().invalidParams[0].field, 'jaar');
  assert.equal((await t.app.inject({ url: '/api/v1/regios?soort=provincie' })).statusCode, 400);
});

test('a national beheerder moves a municipality to another care-coordination region and renames regions; others may not', async () => {
  const ministry = await t.organisation({ type: 'ministerie' });
  const national = await t.login(await t.user([[ministry, ['landelijk-beheerder']]]));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/zorgregios',
    headers: { cookie: national },
    payload: { code: 'zc-utrecht-stad', name: 'Zorgcoördinatie Utrecht Stad', confirmed: true },
  });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().toBeConfirmed, false);
  const moved = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/gemeenten/GM0344',
    headers: { cookie: national },
    payload: { careRegionCode: 'zc-utrecht-stad' },
  });
  assert.equal(moved.statusCode, 200);
  assert.equal(moved.json().careRegion.name, 'Zorgcoördinatie Utrecht Stad');
  const unknownRegion = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/gemeenten/GM0344',
    headers: { cookie: national },
    payload: { careRegionCode: 'zc-nowhere' },
  });
  assert.equal(unknownRegion.statusCode, 400);
  const change = await t.ctx.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'reference.care-region-change')
    .executeTakeFirstOrThrow();
  assert.deepEqual(change.details, { from: 'zc-vr09', to: 'zc-utrecht-stad' });

  const gemeente = await t.organisation();
  const beheerder = await t.login(await t.user([[gemeente, ['beheerder']]]));
  const refused = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/gemeenten/GM0344',
    headers: { cookie: beheerder },
    payload: { careRegionCode: 'zc-vr09' },
  });
  assert.equal(refused.statusCode, 403);
});
