// The action plan as a beleidsmedewerker of the Ministerie van Justitie en Veiligheid meets it, in Debian's
// Chromium: filter the actions by action line 5, open an action the ministry holds, write a progress update, and look
// at "Mijn acties" and the progress chart; then, as the programme team, accept the update and produce the progress
// report for the plan and a period: the DOCX downloaded and read, the printable page opened. Every page is checked
// with axe (WCAG 2.1 AA).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { docxText } from '../support/docx.js';
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
  'a beleidsmedewerker filters by action line 5, writes a progress update, accepts it as the programme team and produces the progress report',
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

    // The programme team (this ministry's beleidsmedewerker) accepts the update, so the report may use it.
    await page.goto(`${base}/actieplan/acties/2018-5.11`);
    await page.getByLabel('Besluit').selectOption('geaccepteerd');
    await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await page.waitForURL(/opgeslagen=review/);

    // The report over the two years up to today: the form on the action plan's pages.
    const today = new Date().toISOString().slice(0, 10);
    const from = `${Number(today.slice(0, 4)) - 2}-01-01`;
    await page.getByRole('link', { name: 'Rapportage' }).click();
    await page.waitForURL(`${base}/actieplan/rapportage`);
    await expectNoAxeViolations(page, 'report form');
    await page.screenshot({ path: 'test-results/actionplan-report-form.png', fullPage: true });
    await page.getByLabel('Plan', { exact: true }).selectOption('2018');
    await page.getByLabel('Van (eerste dag)').fill(from);
    await page.getByLabel('Tot en met (laatste dag)').fill(today);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Downloaden als Word-bestand (DOCX)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `voortgangsrapportage-2018-${from}-${today}.docx`);
    const docx = docxText(readFileSync(await download.path()));
    assert.match(docx, /2018-5\.11 Tweede schatting van het aantal mogelijke slachtoffers/);
    assert.match(docx, /Status: Vertraagd/);
    assert.match(docx, /De opdracht voor de tweede schatting is verleend\./);

    await page.getByRole('button', { name: 'Openen als webpagina' }).click();
    await page.waitForURL(/\/actieplan\/rapportage\?plan=2018&van=.*&formaat=html/);
    await page.getByRole('heading', { level: 1, name: 'Samen tegen mensenhandel' }).waitFor();
    const action = page.locator('#action-2018-5-11').locator('..');
    const text = await action.innerText();
    assert.match(text, /Vertraagd/);
    assert.match(text, /De aanbesteding liep vertraging op\./);
    assert.match(text, /De opdracht voor de tweede schatting is verleend\./);
    assert.match(text, /Het rapport bespreken met de Rapporteur\./);
    assert.equal(await page.locator('#chart-status svg[role="img"]').count(), 1, 'the status chart');
    assert.match(
      await page.locator('table').first().innerText(),
      /Alle actielijnen\s+0\s+0\s+1\s+0\s+87\s+88/,
    );
    await expectNoAxeViolations(page, 'the progress report');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({
      path: 'test-results/actionplan-report.png',
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 2600 },
    });
    await action.screenshot({ path: 'test-results/actionplan-report-action.png' });
  },
);
