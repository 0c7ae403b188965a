// The action plan as a beleidsmedewerker of the Ministerie van Justitie en Veiligheid meets it, in Debian's
// Chromium: filter the actions by action line 5, open an action the ministry holds, write a progress update, and look
// at "Mijn acties" and the progress chart. Every page is checked with axe (WCAG 2.1 AA).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed.js';
import { createTestApp, realClock, type TestApp } from '../support/app.js';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';

const skip = skipUnless('chromium');
let t: TestApp;
let browser: Browser;
let base: string;
mkdirSync('test-results', { recursive: true });

before(async () => {
  if (skip) return;
  t = await createTestApp({ clock: realClock() });
  await seedDemo(t.ctx);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

async function logIn(page: Page, email: string) {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${base}/`);
}

test(
  'a beleidsmedewerker filters by action line 5, opens an action and writes a progress update',
  { skip },
  async () => {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, 'beleid.jenv@demo.schakel.example');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Actieplan' })
      .click();
    await page.waitForURL(`${base}/actieplan`);
    await expectNoAxeViolations(page, 'plan tree');

    await page.getByRole('link', { name: 'Alle acties' }).click();
    await expectNoAxeViolations(page, 'actions table');
    await page.getByLabel('Actielijn').selectOption('2018-AL5');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/actielijn=2018-AL5/);
    assert.match(await page.locator('caption').innerText(), /11 acties/);
    await expectNoAxeViolations(page, 'actions filtered by action line 5');

    await page.getByRole('link', { name: 'Tweede schatting van het aantal mogelijke slachtoffers' }).click();
    await page.waitForURL(`${base}/actieplan/acties/2018-5.11`);
    await expectNoAxeViolations(page, 'action page');

    await page.getByLabel('Status', { exact: true }).selectOption('vertraagd');
    await page.getByLabel('Wat is er gedaan?').fill('De opdracht voor de tweede schatting is verleend.');
    await page.getByLabel('Wat zijn de volgende stappen?').fill('Het rapport bespreken met de Rapporteur.');
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
    assert.equal(
      (await page.locator('.utrecht-form-field-error-message').count()) > 0,
      true,
      'the reason is required',
    );
    await expectNoAxeViolations(page, 'progress form with errors');
    await page
      .getByLabel('Reden (verplicht bij vertraagd of gestopt)')
      .fill('De aanbesteding liep vertraging op.');
    await page.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await page.waitForURL(/opgeslagen=progress/);
    await page.waitForSelector('text=De voortgang is opgeslagen');
    assert.match(await page.locator('main').innerText(), /De aanbesteding liep vertraging op\./);
    await expectNoAxeViolations(page, 'action page after saving');
    await page.screenshot({ path: 'test-results/actionplan.png', fullPage: true });

    await page.getByRole('link', { name: 'Mijn acties' }).click();
    assert.match(await page.locator('main').innerText(), /Tweede schatting/);
    await expectNoAxeViolations(page, 'my actions');

    await page.getByRole('link', { name: 'Voortgang per actielijn' }).click();
    await expectNoAxeViolations(page, 'progress dashboard');
    await page.screenshot({ path: 'test-results/actionplan-dashboard.png', fullPage: true });
  },
);
