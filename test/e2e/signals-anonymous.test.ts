// Anonymous reporting in Debian's Chromium: a reporter switches the form to Polish, reports something in Utrecht and
// keeps the receipt code; the municipality's aandachtsfunctionaris asks a question; the reporter opens the status
// page with the code, reads the question and answers; the answer reaches the officer. The form, the receipt and the
// status page are checked with axe and photographed at phone and desktop width (test-results/).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations } from '../support/browser.js';
import { startDemoSite, type DemoSite } from '../support/demo-site.js';

const skip = skipUnless('chromium');
const OFFICER = 'aandacht.utrecht@demo.schakel.example';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
let site: DemoSite;
let browser: Browser;
let base: string;

before(async () => {
  if (skip) return;
  site = await startDemoSite();
  ({ base, browser } = site);
});
after(() => site?.close());

async function photograph(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
}

test(
  'a reporter reports in Polish, the officer asks a question, the reporter reads it with the code and answers',
  { skip },
  async () => {
    const reporter = await (await browser.newContext({ viewport: PHONE })).newPage();
    reporter.setDefaultTimeout(30_000);
    await reporter.goto(`${base}/`);
    await reporter.getByRole('link', { name: 'Anoniem iets melden' }).click();
    await reporter.waitForURL(`${base}/melden`);
    assert.equal(await reporter.locator('html').getAttribute('lang'), 'nl');

    await reporter.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'Polski' }).click();
    await reporter.waitForURL(/taal=pl/);
    assert.equal(await reporter.locator('html').getAttribute('lang'), 'pl');
    assert.equal(await reporter.getByRole('heading', { level: 1 }).innerText(), 'Zgłoś anonimowo');
    assert.match(await reporter.locator('.app-public-help').innerText(), /112/);
    await expectNoAxeViolations(reporter, 'report form (Polish)');
    await photograph(reporter, 'melden-form');

    // Nothing written: the message stands beside the field, in Polish.
    await reporter.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    assert.equal(await reporter.locator('#field-what-error').innerText(), 'Opisz, co się dzieje.');
    assert.equal(await reporter.locator('html').getAttribute('lang'), 'pl');
    await expectNoAxeViolations(reporter, 'report form with an error (Polish)');
    await reporter.screenshot({ path: 'test-results/melden-form-error-phone.png' });

    await reporter
      .getByLabel('Co się dzieje?')
      .fill('W szklarni przy Kasweg pracuje sześciu mężczyzn. Śpią w kontenerze i nie dostają pieniędzy.');
    await reporter.getByLabel(/W jakiej gminie/).selectOption({ label: 'Utrecht' });
    await reporter.getByLabel(/Kiedy to było/).fill('2026-11-20');
    await reporter.getByLabel(/Praca:/).check();
    await reporter.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await reporter.getByRole('heading', { level: 1, name: 'Zgłoszenie zostało wysłane' }).waitFor();
    const code = (await reporter.locator('.app-receipt__code').innerText()).replace(/\s/g, '');
    assert.match(code, /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const reference = await reporter.locator('.utrecht-data-list__item-value').first().innerText();
    assert.match(reference, /^S-\d{4}-\d{6}$/);
    assert.ok(!reporter.url().includes(code.slice(0, 4)), 'the code is not in the address');
    await expectNoAxeViolations(reporter, 'receipt (Polish)');
    await photograph(reporter, 'melden-receipt');

    // The officer of Gemeente Utrecht finds the report in the queue and asks a question (through the API).
    const officer = await (await browser.newContext()).newPage();
    officer.setDefaultTimeout(30_000);
    await site.logIn(officer, OFFICER);
    const queue = await officer.request.get(`${base}/api/v1/signalen`);
    assert.equal(queue.status(), 200);
    const found = ((await queue.json()) as { id: string; reference: string }[]).find(
      (s) => s.reference === reference,
    );
    assert.ok(found, 'the report landed at Gemeente Utrecht');
    const asked = await officer.request.post(`${base}/api/v1/signalen/${found.id}/berichten`, {
      data: { body: 'Dziękujemy. Czy wie Pan/Pani, o której godzinie przyjeżdża bus?' },
    });
    assert.equal(asked.status(), 204, await asked.text());

    // The reporter comes back later: the language is remembered, the code is typed in.
    await reporter.goto(`${base}/melden/status`);
    assert.equal(await reporter.locator('html').getAttribute('lang'), 'pl');
    await expectNoAxeViolations(reporter, 'code form (Polish)');
    await reporter.getByLabel('Twój kod').fill(code.toLowerCase().replace(/-/g, ' '));
    await reporter.getByRole('button', { name: 'Sprawdź' }).click();
    await reporter.getByRole('heading', { level: 1, name: 'Twoje zgłoszenie' }).waitFor();
    const thread = await reporter.locator('.app-thread').innerText();
    assert.match(thread, /o której godzinie przyjeżdża bus\?/);
    assert.match(thread, /Pracownik/);
    await expectNoAxeViolations(reporter, 'status page (Polish)');
    await photograph(reporter, 'melden-status');

    await reporter.getByLabel('Twoja wiadomość').fill('Bus przyjeżdża o piątej rano.');
    await reporter.getByRole('button', { name: 'Wyślij wiadomość' }).click();
    await reporter.getByText('Wiadomość została wysłana.').waitFor();
    assert.match(await reporter.locator('.app-thread').innerText(), /Bus przyjeżdża o piątej rano\./);
    await expectNoAxeViolations(reporter, 'status page after answering (Polish)');

    const signal = await officer.request.get(`${base}/api/v1/signalen/${found.id}`);
    const messages = ((await signal.json()) as { messages: { author: string; body: string }[] }).messages;
    assert.deepEqual(
      messages.map((m) => m.author),
      ['officer', 'reporter'],
    );
    assert.equal(messages[1]!.body, 'Bus przyjeżdża o piątej rano.');

    // A wrong code is told apart from nothing: one message, in Polish.
    await reporter.goto(`${base}/melden/status`);
    await reporter.getByLabel('Twój kod').fill(`${code.slice(0, 10)}0000-0000-0000-0000-0000`);
    await reporter.getByRole('button', { name: 'Sprawdź' }).click();
    assert.match(await reporter.locator('#field-code-error').innerText(), /Nie znaleźliśmy zgłoszenia/);
    await expectNoAxeViolations(reporter, 'code form with a wrong code (Polish)');
  },
);
