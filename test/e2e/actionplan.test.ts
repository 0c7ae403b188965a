// The action plan as a beleidsmedewerker of the Ministerie van Justitie en Veiligheid meets it, in Debian's
// Chromium: filter the actions by action line 5, open an action the ministry holds, write a progress update, and look
// at "Mijn acties" and the progress chart; then, as the programme team, accept the update and produce the progress
// report for the plan and a period: the DOCX downloaded and read, the printable page opened. The programme team also
// enters a measurement by hand and has Schakel compute one, and both reach the report; a municipality fills in its
// self-assessment and the national overview changes. Every page is checked with axe (WCAG 2.1 AA).
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

test(
  'the programme team enters a measurement with its source and has Schakel compute one; the report shows both',
  { skip },
  async () => {
    const page = await (await browser.newContext()).newPage();
    await site.logIn(page, 'beleid.jenv@demo.schakel.example');
    await page.goto(`${base}/actieplan`);
    await page
      .getByRole('navigation', { name: 'Onderdelen van het actieplan' })
      .getByRole('link', { name: 'Indicatoren' })
      .click();
    await page.waitForURL(`${base}/actieplan/indicatoren`);
    assert.match(await page.locator('caption').innerText(), /4 indicatoren van plan 2018/);
    await expectNoAxeViolations(page, 'indicators of the 2018 programme');

    // By hand: the number of detectives trained, per year, with its source; first without a source.
    const lastYear = String(new Date().getUTCFullYear() - 1);
    await page.getByRole('link', { name: '2018-1.11-I1' }).click();
    await page.waitForURL(`${base}/actieplan/indicatoren/2018-1.11-I1`);
    await expectNoAxeViolations(page, 'indicator page');
    await page.getByLabel('Periode', { exact: true }).fill(lastYear);
    await page.getByLabel('Waarde (rechercheurs per jaar)').fill('18');
    await page.getByRole('button', { name: 'Meting opslaan' }).click();
    assert.equal(await page.locator('#field-source-error').innerText(), 'Noem de bron van het cijfer.');
    await expectNoAxeViolations(page, 'measurement form with an error beside the field');
    await page.getByLabel('Bron', { exact: true }).fill(`Politie, jaarverslag ${lastYear}, p. 40`);
    await page.getByRole('button', { name: 'Meting opslaan' }).click();
    await page.waitForURL(/opgeslagen=meting/);
    await page.waitForSelector('text=De meting is opgeslagen.');
    assert.match(
      await page.locator('table').innerText(),
      new RegExp(`${lastYear}\\s+18\\s+geldend\\s+Politie, jaarverslag`),
    );
    await expectNoAxeViolations(page, 'indicator page after saving');

    // Computed: the signals per quarter, for the last quarter that has ended (the demo set has no signals: 0).
    await page.goto(`${base}/actieplan/indicatoren/2018-AL5-I1`);
    assert.match(await page.locator('main').innerText(), /signalen-per-kwartaal: het aantal signalen/);
    await page.getByRole('button', { name: 'Berekenen en vastleggen' }).click();
    await page.waitForURL(/opgeslagen=berekend/);
    const history = await page.locator('table').innerText();
    assert.match(history, /Berekend door Schakel: het aantal signalen/);
    await expectNoAxeViolations(page, 'indicator page after computing');
    await page.screenshot({ path: 'test-results/actionplan-indicator.png', fullPage: true });
    // Not yet computable: said, and not offered.
    await page.goto(`${base}/actieplan/indicatoren`);
    assert.doesNotMatch(await page.locator('main').innerText(), /zorgcontact/);

    const today = new Date().toISOString().slice(0, 10);
    await page.goto(
      `${base}/actieplan/rapportage?plan=2018&van=${Number(today.slice(0, 4)) - 2}-01-01&tot=${today}`,
    );
    const byHand = page.locator('section.app-report__indicator', { hasText: '2018-1.11-I1' });
    assert.match(await byHand.innerText(), new RegExp(`Politie, jaarverslag ${lastYear}, p\\. 40`));
    const computed = page.locator('section.app-report__indicator', { hasText: '2018-AL5-I1' });
    assert.match(await computed.innerText(), /berekend door Schakel \(signalen-per-kwartaal\)/);
    assert.match(await computed.innerText(), /Berekend door Schakel: het aantal signalen/);
    await expectNoAxeViolations(page, 'the progress report with measurements');
    await page.setViewportSize({ width: 1280, height: 900 });
    await byHand.screenshot({ path: 'test-results/actionplan-report-indicator.png' });
    await computed.screenshot({ path: 'test-results/actionplan-report-computed.png' });
  },
);

test('a municipality fills in its self-assessment and the national overview changes', { skip }, async () => {
  const page = await (await browser.newContext()).newPage();
  await site.logIn(page, 'beheerder.utrecht@demo.schakel.example');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Gemeentelijke aanpak' })
    .click();
  await page.waitForURL(`${base}/gemeentelijke-aanpak`);
  await expectNoAxeViolations(page, 'municipal overview');
  const answered = async () =>
    Number(/(\d+) van de \d+ gemeenten hebben/.exec(await page.locator('main').innerText())![1]);
  const before = await answered();
  assert.equal(
    await page.locator('a[href="/gemeentelijke-aanpak/GM0344"] title').textContent(),
    'Utrecht: niet ingevuld',
  );

  await page.goto(`${base}/gemeentelijke-aanpak/GM0344`);
  await expectNoAxeViolations(page, 'municipality page with the form');
  await page.locator('#field-status_beleid').selectOption('ja');
  await page.locator('#field-evidence_beleid').fill('Raadsbesluit aanpak mensenhandel 2025-2028');
  await page.locator('#field-evidenceOn_beleid').fill('2025-03-12');
  await page.locator('#field-status_aanjager').selectOption('deels');
  await page.locator('#field-evidence_aanjager').fill('Wethouder benoemd; nog geen ambtelijke aanjager');
  await page.getByRole('button', { name: 'Zelfevaluatie opslaan' }).click();
  await page.waitForURL(/opgeslagen=1/);
  await page.waitForSelector('text=De zelfevaluatie is opgeslagen.');
  await expectNoAxeViolations(page, 'municipality page after saving');

  await page.getByRole('link', { name: 'Terug naar het landelijk overzicht' }).click();
  await page.waitForURL(`${base}/gemeentelijke-aanpak`);
  assert.equal(await answered(), before + 1);
  assert.equal(
    await page.locator('a[href="/gemeentelijke-aanpak/GM0344"] title').textContent(),
    'Utrecht: 1 van 12 elementen ja',
  );
  await expectNoAxeViolations(page, 'municipal overview after the self-assessment');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'test-results/municipal-overview.png', fullPage: true });
});
