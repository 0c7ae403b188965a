// The municipal monitor: a municipality fills in its own self-assessment (append-only), everyone logged in sees the
// national overview and the tile map; other municipalities, melders and bad input are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, formSession, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
let utrecht: string;
let amsterdam: string;
let melder: string;

before(async () => {
  t = await createTestApp();
  const gmUtrecht = await t.organisation({
    type: 'gemeente',
    municipalityCode: 'GM0344',
    name: 'Gemeente Utrecht',
  });
  const gmAmsterdam = await t.organisation({
    type: 'gemeente',
    municipalityCode: 'GM0363',
    name: 'Gemeente Amsterdam',
  });
  utrecht = await t.login(await t.user([[gmUtrecht, ['beleidsmedewerker']]]));
  amsterdam = await t.login(await t.user([[gmAmsterdam, ['beleidsmedewerker']]]));
  melder = await t.login(await t.user([[gmUtrecht, ['melder']]]));
});
after(() => t.close());

const get = (url: string, cookie = utrecht) => t.app.inject({ url, headers: { cookie } });
const submit = (code: string, answers: object[], cookie = utrecht) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/gemeentelijke-aanpak/${code}/zelfevaluaties`,
    payload: { answers },
    headers: { cookie },
  });

type Overview = {
  municipalities: number;
  answered: number;
  elements: { code: string; yes: number; share: number }[];
  tiles: { code: string; score: number | null }[];
};

test('a municipality submits an assessment and the national overview changes', async () => {
  const before = (await get('/api/v1/gemeentelijke-aanpak', melder)).json() as Overview;
  assert.equal(before.municipalities, 342);
  assert.equal(before.elements.length, 12);
  assert.equal(before.tiles.find((x) => x.code === 'GM0344')!.score, null);
  const res = await submit('GM0344', [
    { element: 'beleid', status: 'ja', evidence: 'Raadsbesluit 2025-12', evidenceOn: '2025-12-10' },
    { element: 'meldpunt', status: 'ja', evidence: 'Intern meldpunt sinds 2024' },
    { element: 'training', status: 'deels' },
  ]);
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().score, 2);
  const after = (await get('/api/v1/gemeentelijke-aanpak', melder)).json() as Overview;
  assert.equal(after.answered, before.answered + 1);
  const beleid = after.elements.find((e) => e.code === 'beleid')!;
  assert.equal(beleid.yes, 1);
  assert.equal(beleid.share, 1 / 342);
  assert.equal(after.tiles.find((x) => x.code === 'GM0344')!.score, 2);
});

test('another municipality and a melder cannot submit for it', async () => {
  const other = await submit('GM0344', [{ element: 'beleid', status: 'nee' }], amsterdam);
  assert.equal(other.statusCode, 403);
  const byMelder = await submit('GM0344', [{ element: 'beleid', status: 'nee' }], melder);
  assert.equal(byMelder.statusCode, 403);
  const own = (await get('/api/v1/gemeentelijke-aanpak/GM0344', amsterdam)).json();
  assert.equal(own.canSubmit, false);
  assert.equal(own.current.find((a: { element: string }) => a.element === 'beleid').status, 'ja');
});

test('history is kept: two submissions, both visible, the latest counts', async () => {
  const first = await submit(
    'GM0363',
    [{ element: 'monitoring', status: 'nee', evidence: 'Nog niet' }],
    amsterdam,
  );
  assert.equal(first.statusCode, 201);
  t.clock.advance(60_000);
  const second = await submit(
    'GM0363',
    [{ element: 'monitoring', status: 'ja', evidence: 'Monitor opgezet', evidenceOn: '2026-02-01' }],
    amsterdam,
  );
  assert.equal(second.statusCode, 201);
  const view = (await get('/api/v1/gemeentelijke-aanpak/GM0363', amsterdam)).json();
  assert.equal(view.history.length, 2);
  assert.equal(view.history[0].answers[0].status, 'ja');
  assert.equal(view.history[1].answers[0].status, 'nee');
  assert.deepEqual(
    view.current.map((a: { element: string; status: string }) => [a.element, a.status]),
    [['monitoring', 'ja']],
  );
  assert.equal(view.canSubmit, true);
  const overview = (await get('/api/v1/gemeentelijke-aanpak')).json() as Overview;
  assert.equal(overview.tiles.find((x) => x.code === 'GM0363')!.score, 1);
});

test('bad input is refused with 400 naming the field', async () => {
  const cases: [object, RegExp][] = [
    [{ element: 'onzin', status: 'ja' }, /answers\/0\/element/],
    [{ element: 'beleid', status: 'misschien' }, /answers\/0\/status/],
    [{ element: 'beleid', status: 'ja', evidence: 'x'.repeat(1001) }, /answers\/0\/evidence/],
    [{ element: 'beleid', status: 'ja', evidenceOn: '2025-02-30' }, /answers\/0\/evidenceOn/],
    [{ element: 'beleid', status: 'ja', evidenceOn: '10-12-2025' }, /answers\/0\/evidenceOn/],
  ];
  for (const [answer, field] of cases) {
    const res = await submit('GM0344', [answer]);
    assert.equal(res.statusCode, 400, JSON.stringify(answer));
    assert.match(res.body, field);
  }
  assert.equal((await get('/api/v1/gemeentelijke-aanpak/GM9999')).statusCode, 404);
});

test('the overview page shows a tile map with 342 tiles, each with a title', async () => {
  const page = await get('/gemeentelijke-aanpak', melder);
  assert.equal(page.statusCode, 200);
  assert.equal((page.body.match(/<rect data-municipality="GM\d{4}"/g) ?? []).length, 342);
  assert.match(page.body, /Utrecht: 2 van 12 elementen ja/);
  assert.match(
    page.body,
    /<svg role="group" aria-labelledby="mm-map-title mm-map-desc"/,
    'a group of links, not an image',
  );
  assert.doesNotMatch(page.body, /style=/);
  assert.match(page.body, /niet ingevuld/);
});

test('the form: the municipality submits, errors beside the fields; others see no form', async () => {
  assert.doesNotMatch((await get('/gemeentelijke-aanpak/GM0344', amsterdam)).body, /name="status_beleid"/);
  const form = await formSession(t.app, '/gemeentelijke-aanpak/GM0344', utrecht);
  const send = (fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/gemeentelijke-aanpak/GM0344',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.token, ...fields }).toString(),
    });
  const bad = await send({ status_statement: 'ja', evidenceOn_statement: '2099-01-01' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="field-evidenceOn_statement-error"/);
  const ok = await send({
    status_statement: 'ja',
    evidence_statement: 'Collegebesluit',
    evidenceOn_statement: '2026-01-15',
  });
  assert.equal(ok.statusCode, 303);
  const view = (await get('/api/v1/gemeentelijke-aanpak/GM0344')).json();
  assert.equal(view.score, 3);
  assert.equal(view.history.length, 2);
  const refused = await t.app.inject({
    method: 'POST',
    url: '/gemeentelijke-aanpak/GM0344',
    headers: {
      cookie: `${amsterdam}; ${form.cookie.split('; ').pop()}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ _csrf: form.token, status_beleid: 'nee' }).toString(),
  });
  assert.equal(refused.statusCode, 403);
});
