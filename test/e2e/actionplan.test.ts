// The action plan as a beleidsmedewerker of the Ministerie van Justitie en Veiligheid meets it, in Debian's
// Chromium: filter the actions by action line 5, open an action the ministry holds, write a progress update, and look
// at "Mijn acties" and the progress chart. Every page is checked with axe (WCAG 2.1 AA).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startDemoSite, type DemoSite } from '../support/demo-site.js';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations } from '../support/browser.js';

const skip = skipUnless('chromium');
let site: DemoSite;
let browser: Browser;
let base: string;

before(async () => {
  if (skip) return;
  site = await startDemoSite();
  ({ base, browser } = site);
});
after(() => site?.close());

test(
  'a beleidsmedewerker filters by action line 5, opens an action and writes a progress update',
  { skip },
  async () => {
    const page = await (await browser.newContext()).newPage();
    await site.logIn(page, 'beleid.jenv@demo.schakel.example');
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
