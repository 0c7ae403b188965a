import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/support/app.js';

let t: TestApp;
const lines: string[] = [];
before(async () => {
  t = await createTestApp({
    env: { LOG_LEVEL: 'info' },
    logStream: { write: (line) => void lines.push(line) },
  });
});
after(() => t.close());

test('liveness and readiness answer, with the database kind', async () => {
  assert.deepEqual((await t.app.inject({ url: '/health/live' })).json(), { status: 'ok' });
  assert.deepEqual((await t.app.inject({ url: '/health/ready' })).json(), {
    status: 'ready',
    database: 'pglite',
  });
});

test('metrics are Prometheus text with request counts by route template', async () => {
  await t.app.inject({ url: '/api/v1/gemeenten/GM0363' });
  const res = await t.app.inject({ url: '/metrics' });
  assert.match(res.headers['content-type'] as string, /text\/plain/);
  assert.match(
    res.body,
    /schakel_http_requests_total\{method="GET",route="\/api\/v1\/gemeenten\/:code",status="200"/,
  );
  assert.match(res.body, /process_cpu_user_seconds_total/);
});

test('the logs hold no e-mail addresses, passwords, query strings, IP addresses or cookies', async () => {
  const org = await t.organisation();
  const user = await t.user([[org, ['beheerder']]], { email: 'geheim.persoon@test.schakel.example' });
  const cookie = await t.login(user);
  await t.app.inject({ url: '/api/v1/audit-gebeurtenissen?gebruiker=geheim', headers: { cookie } });
  await t.app.inject({ url: '/referentie?zoek=geheimezoekterm', headers: { cookie } });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessies',
    payload: { email: 'geheim.persoon@test.schakel.example', password: 'wrong-geheim-wachtwoord' },
  });
  const log = lines.join('');
  assert.ok(lines.length > 5, 'requests were logged');
  for (const secret of [
    'geheim.persoon',
    'wrong-geheim-wachtwoord',
    'geheimezoekterm',
    '127.0.0.1',
    'schakel_sessie',
    cookie.split('=')[1]!,
  ]) {
    assert.ok(!log.includes(secret), `the log contains ${secret}`);
  }
});
