// Anonymous reporting through the public pages: six languages, the receipt code (160 bits, never stored, shown
// again only on a retry of the same form), one answer for every wrong code, the round trip with the handling
// officer, where a report lands, what the logs hold, the rate limit, and bad input refused beside its field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createTestApp,
  formSession,
  type TestApp,
  type TestOrganisation,
} from '../../../test/support/app.js';
import { dictionary, PUBLIC_LANGUAGES } from '../../web/i18n.js';
import { PUBLIC_TEXTS } from './i18n.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CODE_ALPHABET = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{32}$/; // Crockford's base32: 32 × 5 bits = 160 bits
const logLines: string[] = [];

let t: TestApp;
let utrecht: TestOrganisation;
let officer: string;
let police: string;
let politie: TestOrganisation;

before(async () => {
  t = await createTestApp({
    env: { ANONYMOUS_RATE_LIMIT: '100000', LOG_LEVEL: 'trace' },
    logStream: { write: (line) => void logLines.push(line) },
  });
  utrecht = await t.organisation({ type: 'gemeente', municipalityCode: 'GM0344', name: 'Gemeente Utrecht' });
  officer = await t.login(
    await t.user([[utrecht, ['aandachtsfunctionaris']]], { displayName: 'Anna Aandacht' }),
  );
  politie = await t.organisation({ type: 'politie' });
  police = await t.login(await t.user([[politie, ['opsporing']]]));
});
after(() => t.close());

type Fields = Record<string, string | string[]>;

function encode(fields: Fields): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  return body.toString();
}

/** Opens the report form (in a language) and returns what a browser would send back with it. */
async function openForm(app = t.app, lang?: string) {
  const session = await formSession(app, lang ? `/melden?taal=${lang}` : '/melden');
  const receipt = /name="receipt" value="([^"]+)"/.exec(session.body)![1]!;
  return { ...session, receipt };
}

async function send(
  form: { token: string; cookie: string; receipt: string },
  fields: Fields,
  options: {
    lang?: string;
    app?: TestApp['app'];
    headers?: Record<string, string>;
    remoteAddress?: string;
  } = {},
) {
  return (options.app ?? t.app).inject({
    method: 'POST',
    url: options.lang ? `/melden?taal=${options.lang}` : '/melden',
    headers: { ...FORM, cookie: form.cookie, ...options.headers },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    payload: encode({ _csrf: form.token, receipt: form.receipt, ...fields }),
  });
}

/** The code as the receipt page shows it (groups of four), and without its dashes. */
function codeOf(body: string): { shown: string; plain: string } {
  const html = /class="app-receipt__code"[^>]*>(.*?)<\/p>/.exec(body)?.[1];
  assert.ok(html, 'the receipt page shows a code');
  const shown = html.replace(/<wbr\/?>/g, '');
  return { shown, plain: shown.replace(/-/g, '') };
}

const htmlLang = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];
const withoutCsrf = (body: string) => body.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
const errorOf = (body: string, name: string) =>
  new RegExp(`id="field-${name}-error"[^>]*>([^<]*)<`).exec(body)?.[1];

async function signalByCode(plain: string) {
  return t.ctx.db
    .selectFrom('signals')
    .selectAll()
    .where('receipt_lookup', '=', plain.slice(0, 8))
    .executeTakeFirstOrThrow();
}

async function countSignals(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('signals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Looks a code up on the status page (a POST form: the code is never in the address). */
async function lookUp(code: string, lang?: string) {
  const session = await formSession(t.app, lang ? `/melden/status?taal=${lang}` : '/melden/status');
  return t.app.inject({
    method: 'POST',
    url: lang ? `/melden/status?taal=${lang}` : '/melden/status',
    headers: { ...FORM, cookie: session.cookie },
    payload: encode({ _csrf: session.token, code }),
  });
}

const LANGUAGE_CHECKS: Record<string, { form: RegExp; receipt: RegExp }> = {
  nl: { form: /Anoniem melden/, receipt: /Uw melding is verstuurd/ },
  en: { form: /Report anonymously/, receipt: /Your report has been sent/ },
  pl: { form: /Zgłoś anonimowo/, receipt: /Zgłoszenie zostało wysłane/ },
  ro: { form: /Faceți o sesizare anonimă/, receipt: /Sesizarea a fost trimisă/ },
  bg: { form: /Подайте сигнал анонимно/, receipt: /Сигналът е изпратен/ },
  uk: { form: /Повідомити анонімно/, receipt: /Ваше звернення надіслано/ },
};

test('a report can be made in each of the six languages; the pages are in that language and name it', async () => {
  assert.deepEqual(Object.keys(LANGUAGE_CHECKS), [...PUBLIC_LANGUAGES]);
  for (const [lang, check] of Object.entries(LANGUAGE_CHECKS)) {
    const form = await openForm(t.app, lang);
    assert.equal(htmlLang(form.body), lang);
    assert.match(form.body, check.form, lang);
    assert.match(form.body, /112/, `${lang}: where to go in danger`);
    assert.match(form.body, /lang="uk" hreflang="uk"[^>]*>Українська</, `${lang}: the language menu`);
    const res = await send(form, { what: `A report in ${lang}: workers sleep in the barn` }, { lang });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(htmlLang(res.body), lang);
    assert.match(res.body, check.receipt, lang);
    assert.match(codeOf(res.body).plain, CODE_ALPHABET);
    assert.doesNotMatch(res.body, /class="app-languages"/, 'no language menu that would lose the code');
    const row = await signalByCode(codeOf(res.body).plain);
    assert.equal(row.reporter_language, lang);
    assert.equal(row.channel, 'anonymous');
  }
});

test('the code has 160 bits in Crockford base32, is shown once in groups, and is not stored: only its first 8 characters and an argon2id hash', async () => {
  const form = await openForm();
  const res = await send(form, {
    what: 'The neighbours work nights at the car wash and never leave',
    municipalityCode: 'GM0344',
    observedOn: '2026-02-20',
    forms: ['arbeidsuitbuiting', 'criminele-uitbuiting'],
    contact: 'reach-me@example.org',
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'no-store');
  const { shown, plain } = codeOf(res.body);
  assert.match(shown, /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  assert.match(plain, CODE_ALPHABET);
  assert.doesNotMatch(res.headers.location ?? '', new RegExp(plain.slice(0, 8)), 'no redirect carries it');
  assert.ok(!JSON.stringify(res.headers).includes(plain.slice(0, 8)), 'the code is in the body only');
  assert.match(res.body, /S-2026-\d{6}/, 'the reference is shown');

  const row = await signalByCode(plain);
  assert.equal(row.receipt_lookup, plain.slice(0, 8));
  assert.match(row.receipt_hash!, /^\$argon2id\$/);
  assert.deepEqual(row.forms, ['arbeidsuitbuiting', 'criminele-uitbuiting']);
  assert.equal(new Date(String(row.observed_on)).toISOString().slice(0, 10), '2026-02-20');
  const secret = plain.slice(8);
  const stored = JSON.stringify(row);
  const events = JSON.stringify(
    await t.ctx.db.selectFrom('signal_events').selectAll().where('signal_id', '=', row.id).execute(),
  );
  const audit = JSON.stringify(await t.ctx.db.selectFrom('audit_events').selectAll().execute());
  for (const [name, text] of Object.entries({ stored, events, audit })) {
    assert.ok(!text.includes(plain), `${name} holds no code`);
    assert.ok(!text.includes(secret), `${name} holds no secret part of the code`);
    assert.ok(!text.includes(shown), `${name} holds no grouped code`);
    assert.ok(!text.includes('reach-me@example.org'), `${name} holds the contact only encrypted`);
    assert.ok(!text.includes('car wash'), `${name} holds the narrative only encrypted`);
  }
});

test('a retry of the same form shows the same code and makes one signal', async () => {
  const form = await openForm();
  const before = await countSignals();
  const first = await send(form, { what: 'Sent twice by a double click' });
  const second = await send(form, { what: 'Sent twice by a double click' });
  assert.equal(first.statusCode, 200);
  assert.equal(second.statusCode, 200);
  assert.equal(codeOf(second.body).shown, codeOf(first.body).shown);
  assert.equal(await countSignals(), before + 1);
  const raced = await openForm();
  const results = await Promise.all([1, 2, 3].map(() => send(raced, { what: 'Sent at once' })));
  assert.equal(new Set(results.map((r) => codeOf(r.body).shown)).size, 1);
  assert.equal(await countSignals(), before + 2);
});

test('a wrong code, a malformed code and a code right in its first part only give the same page', async () => {
  const form = await openForm();
  const { plain } = codeOf((await send(form, { what: 'A report whose code is guessed at' })).body);
  const wrongRest = plain.slice(0, 8) + (plain.slice(8, 9) === '0' ? '1' : '0') + plain.slice(9);
  const unknown = '7'.repeat(32);
  const pages = [];
  for (const code of [unknown, 'not a code!', wrongRest, plain.slice(0, 8)]) {
    const res = await lookUp(code);
    pages.push({ status: res.statusCode, body: withoutCsrf(res.body) });
  }
  for (const page of pages.slice(1)) {
    assert.equal(page.status, pages[0]!.status);
    assert.equal(page.body, pages[0]!.body);
  }
  assert.match(pages[0]!.body, /Wij vinden geen melding bij deze code/);
  assert.doesNotMatch(pages[0]!.body, new RegExp(plain.slice(0, 8)), 'the code typed is not shown again');
  const right = await lookUp(plain.toLowerCase().replace(/(.{4})/g, '$1 '));
  assert.equal(right.statusCode, 200, 'a code typed in small letters with spaces is found');
  assert.match(right.body, /Ontvangen/);
});

test('the reporter reads the officer’s question by code, answers it, and reads the feedback', async () => {
  const form = await openForm(t.app, 'pl');
  const sent = await send(
    form,
    { what: 'Pracownicy śpią w szklarni w Utrechcie', municipalityCode: 'GM0344' },
    { lang: 'pl' },
  );
  const { plain, shown } = codeOf(sent.body);
  const row = await signalByCode(plain);
  assert.equal(row.holder_organisation_id, utrecht.id, 'the report lands at the municipality named');

  const question = await t.app.inject({
    method: 'POST',
    url: `/api/v1/signalen/${row.id}/berichten`,
    headers: { cookie: officer },
    payload: { body: 'In welke straat is de kas?' },
  });
  assert.equal(question.statusCode, 204, question.body);

  const status = await lookUp(shown, 'pl');
  assert.equal(status.statusCode, 200);
  assert.equal(htmlLang(status.body), 'pl');
  assert.match(status.body, /In welke straat is de kas\?/);
  assert.match(status.body, /Pracownik/);
  assert.doesNotMatch(status.body, /Anna Aandacht/, "the officer's name stays inside");
  assert.match(status.body, /W trakcie|Otrzymane/);
  const hidden = /name="code" value="([^"]+)"/.exec(status.body)![1]!;
  assert.equal(hidden, shown, 'the reply form carries the code in a hidden field');

  const session = await formSession(t.app, '/melden/status?taal=pl');
  const empty = await t.app.inject({
    method: 'POST',
    url: '/melden/status/bericht?taal=pl',
    headers: { ...FORM, cookie: session.cookie },
    payload: encode({ _csrf: session.token, code: hidden, body: '  ' }),
  });
  assert.equal(empty.statusCode, 400);
  assert.equal(errorOf(empty.body, 'body'), 'Najpierw napisz wiadomość.');
  const answer = await t.app.inject({
    method: 'POST',
    url: '/melden/status/bericht?taal=pl',
    headers: { ...FORM, cookie: session.cookie },
    payload: encode({ _csrf: session.token, code: hidden, body: 'Przy Kasweg 12' }),
  });
  assert.equal(answer.statusCode, 200, answer.body);
  assert.match(answer.body, /Wiadomość została wysłana/);
  assert.match(answer.body, /Przy Kasweg 12/);
  const forged = await t.app.inject({
    method: 'POST',
    url: '/melden/status/bericht',
    headers: { ...FORM, cookie: session.cookie },
    payload: encode({ _csrf: session.token, code: '7'.repeat(32), body: 'Hello?' }),
  });
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /Wij vinden geen melding bij deze code/);

  const officerView = (
    await t.app.inject({ url: `/api/v1/signalen/${row.id}`, headers: { cookie: officer } })
  ).json<{ messages: { author: string; body: string }[] }>();
  assert.deepEqual(
    officerView.messages.map((m) => [m.author, m.body]),
    [
      ['officer', 'In welke straat is de kas?'],
      ['reporter', 'Przy Kasweg 12'],
    ],
  );

  const forward = await t.app.inject({
    method: 'POST',
    url: `/api/v1/signalen/${row.id}/doorzettingen`,
    headers: { cookie: officer },
    payload: {
      recipients: [{ organisationId: politie.id, purpose: 'opsporing-en-vervolging' }],
      categories: ['narrative'],
      reason: 'Possible labour exploitation at a greenhouse',
    },
  });
  assert.equal(forward.statusCode, 201, forward.body);
  const forwardId = forward.json<{ id: string }[]>()[0]!.id;
  const accept = await t.app.inject({
    method: 'POST',
    url: `/api/v1/doorzettingen/${forwardId}/acceptatie`,
    headers: { cookie: police },
  });
  assert.equal(accept.statusCode, 204, accept.body);
  const outcome = await t.app.inject({
    method: 'POST',
    url: `/api/v1/doorzettingen/${forwardId}/uitkomst`,
    headers: { cookie: police },
    payload: {
      outcome: 'onderzoek-gestart',
      reason: 'Joined to a running case',
      reporterSummary: 'De politie onderzoekt uw melding.',
    },
  });
  assert.equal(outcome.statusCode, 204, outcome.body);
  const done = await lookUp(shown, 'pl');
  assert.match(done.body, /Zakończone/);
  assert.match(done.body, /Co zrobiono z Twoim zgłoszeniem/);
  assert.match(done.body, /De politie onderzoekt uw melding\./);
  assert.doesNotMatch(done.body, /running case/, "the recipient's reason stays with the officer");
});

test('a report without a municipality goes to the national queue', async () => {
  const form = await openForm();
  const res = await send(form, { what: 'I saw it on a trip, I do not know where', municipalityCode: '' });
  const row = await signalByCode(codeOf(res.body).plain);
  assert.equal(row.holder_organisation_id, null);
  assert.equal(row.municipality_code, null);
});

test('a logged-in professional using the public form reports as nobody', async () => {
  const form = await openForm();
  const res = await send(
    form,
    { what: 'Reported from a logged-in browser' },
    { headers: { cookie: `${form.cookie}; ${officer}` } },
  );
  const row = await signalByCode(codeOf(res.body).plain);
  assert.equal(row.reporter_user_id, null);
  assert.equal(row.reporter_organisation_id, null);
  const audit = await t.ctx.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'actor_organisation_id'])
    .where('record_id', '=', row.id)
    .execute();
  assert.ok(audit.length > 0);
  assert.ok(audit.every((a) => a.actor_user_id === null && a.actor_organisation_id === null));
});

test('bad input gives a message beside its field in the reporter’s language and stores nothing', async () => {
  const before = await countSignals();
  const form = await openForm();
  const cases: [Fields, string, string][] = [
    [{ what: '   ' }, 'what', 'Schrijf wat u zag of hoorde.'],
    [{ what: 'x'.repeat(5001) }, 'what', 'Uw tekst is te lang. Gebruik hoogstens 5000 tekens.'],
    [{ what: 'ok', municipalityCode: 'GM9999' }, 'municipalityCode', 'Kies een gemeente uit de lijst.'],
    [{ what: 'ok', observedOn: '2099-01-01' }, 'observedOn', 'Deze datum ligt in de toekomst.'],
    [
      { what: 'ok', observedOn: '31-02-2026' },
      'observedOn',
      'Vul een geldige datum in, bijvoorbeeld 14-03-2026.',
    ],
    [{ what: 'ok', forms: ['slavernij'] }, 'forms', 'Kies alleen uit de lijst.'],
    [
      { what: 'ok', contact: 'y'.repeat(301) },
      'contact',
      'Uw tekst is te lang. Gebruik hoogstens 300 tekens.',
    ],
  ];
  for (const [fields, name, message] of cases) {
    const res = await send(form, fields);
    assert.equal(res.statusCode, 400, `${name}: ${res.statusCode}`);
    assert.equal(errorOf(res.body, name), message, name);
    assert.match(res.body, new RegExp(`href="#field-${name}"`), `${name} is in the error summary`);
  }
  const romanian = await send(form, { what: '' }, { lang: 'ro' });
  assert.equal(errorOf(romanian.body, 'what'), 'Scrieți ce ați văzut sau auzit.');
  assert.equal(htmlLang(romanian.body), 'ro');

  const forged = await send(
    { ...form, receipt: `${form.receipt.slice(0, -2)}xx` },
    { what: 'Kept when refused' },
  );
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /id="field-receipt"[^>]*>Dit formulier is verlopen/);
  assert.match(forged.body, /Kept when refused<\/textarea>/, 'what was typed stays');
  const fresh = /name="receipt" value="([^"]+)"/.exec(forged.body)![1]!;
  assert.notEqual(fresh, form.receipt, 'a fresh receipt field replaces the forged one');
  const made = await send({ ...form, receipt: 'ABCD.efgh' }, { what: 'x' });
  assert.equal(made.statusCode, 400);
  assert.equal(await countSignals(), before, 'nothing was stored');

  const again = await send({ ...form, receipt: fresh }, { what: 'Kept when refused' });
  assert.equal(again.statusCode, 200, 'sending again with the fresh form works');
});

test('the log holds no code, no narrative, no address and no user agent', async () => {
  logLines.length = 0;
  const client = {
    remoteAddress: '203.0.113.77',
    headers: { 'user-agent': 'UniqueAgent/7.7 (reporter phone)' },
  };
  const form = await openForm();
  const res = await send(form, { what: 'Logged narrative canary 4711', contact: 'canary-contact' }, client);
  const { plain, shown } = codeOf(res.body);
  const session = await formSession(t.app, '/melden/status');
  await t.app.inject({
    method: 'POST',
    url: '/melden/status/bericht',
    remoteAddress: client.remoteAddress,
    headers: { ...FORM, cookie: session.cookie, ...client.headers },
    payload: encode({ _csrf: session.token, code: shown, body: 'Message canary 0815' }),
  });
  await t.app.inject({
    method: 'POST',
    url: '/melden/status',
    remoteAddress: client.remoteAddress,
    headers: { ...FORM, cookie: session.cookie, ...client.headers },
    payload: encode({ _csrf: session.token, code: shown }),
  });
  const log = logLines.join('');
  assert.ok(logLines.length >= 6, `the log was written (${logLines.length} lines)`);
  for (const secret of [
    plain,
    plain.slice(8),
    shown,
    'canary 4711',
    'canary-contact',
    'canary 0815',
    '203.0.113.77',
    'UniqueAgent',
  ]) {
    assert.ok(!log.includes(secret), `the log holds ${secret}`);
  }
});

test('other pages stay Dutch or English whatever public language was chosen', async () => {
  const polish = await t.app.inject({ url: '/inloggen?taal=pl' });
  assert.equal(htmlLang(polish.body), 'nl');
  const withCookie = await t.app.inject({ url: '/inloggen', headers: { cookie: 'taal=uk' } });
  assert.equal(htmlLang(withCookie.body), 'nl');
  assert.match(withCookie.body, /hreflang="en"[^>]*>English</, 'the nl/en switch as before');
  assert.doesNotMatch(withCookie.body, /Українська/);
  const english = await t.app.inject({ url: '/inloggen?taal=en' });
  assert.equal(htmlLang(english.body), 'en');
  const reportInCookieLanguage = await t.app.inject({ url: '/melden', headers: { cookie: 'taal=uk' } });
  assert.equal(htmlLang(reportInCookieLanguage.body), 'uk');
  assert.match(reportInCookieLanguage.body, /Перейти до змісту/, 'the frame speaks the language too');
  const home = await t.app.inject({ url: '/' });
  assert.match(home.body, /href="\/melden">Anoniem iets melden</);
});

test('every public text exists in all six languages, and the frame’s texts in the four further ones', () => {
  const keys = Object.keys(PUBLIC_TEXTS.nl);
  const frame = [
    'layout.skip',
    'layout.language',
    'layout.login',
    'layout.footer',
    'error.csrf',
    'error.rateLimited',
  ];
  for (const lang of PUBLIC_LANGUAGES) {
    const texts = dictionary(lang);
    assert.deepEqual(
      keys.filter((k) => !texts[k]?.trim()),
      [],
      `${lang} lacks public texts`,
    );
    if (lang !== 'nl' && lang !== 'en')
      assert.deepEqual(
        frame.filter((k) => !texts[k]),
        [],
        `${lang} lacks frame texts`,
      );
  }
});

test('after the limit per minute the public forms answer 429 and store nothing', async () => {
  const limited = await createTestApp({ env: { ANONYMOUS_RATE_LIMIT: '3' } });
  try {
    const address = { remoteAddress: '198.51.100.7' };
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const form = await openForm(limited.app);
      codes.push((await send(form, { what: `Attempt ${i}` }, { app: limited.app, ...address })).statusCode);
    }
    assert.deepEqual(codes, [200, 200, 200, 429]);
    const form = await openForm(limited.app);
    const refused = await send(form, { what: 'Refused' }, { app: limited.app, lang: 'bg', ...address });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Твърде много опити/, 'the refusal speaks the language of the page');
    const other = await send(
      form,
      { what: 'Another client' },
      { app: limited.app, remoteAddress: '198.51.100.8' },
    );
    assert.equal(other.statusCode, 200, 'counted per client');
    const stored = await limited.ctx.db.selectFrom('signals').select('id').execute();
    assert.equal(stored.length, 4);
  } finally {
    await limited.close();
  }
});
