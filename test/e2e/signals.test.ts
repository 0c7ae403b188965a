// The chain's heart in Debian's Chromium: a professional reports a signal (twice, with the same phone number); the
// aandachtsfunctionaris finds the related signal, links it and forwards to the police with the legal basis shown;
// the police accept and record an outcome; the professional reads the feedback. Every page is checked with axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations } from '../support/browser.js';
import { startDemoSite, type DemoSite } from '../support/demo-site.js';

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

async function asUser(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await site.logIn(page, email);
  return page;
}

async function report(page: Page, narrative: string, phone: string, check = false): Promise<string> {
  await page.goto(`${base}/signalen/nieuw`);
  if (check) await expectNoAxeViolations(page, 'intake form');
  await page.getByLabel('Datum van de waarneming').fill('2026-11-20');
  await page.getByLabel('Arbeidsuitbuiting').check();
  await page.getByLabel('Wat heeft u gezien of gehoord?').fill(narrative);
  await page.getByText('Kenmerken om signalen te koppelen').click();
  await page.getByLabel('Soort kenmerk 1').selectOption('phone');
  await page.getByLabel('Kenmerk 1', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Signaal versturen' }).click();
  await page.waitForURL(/\/mijn-signalen\/.+opgeslagen=reported/);
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  return /S-\d{4}-\d{6}/.exec(heading)![0];
}

test(
  'a professional reports, the officer links and forwards to the police, the police answer, the reporter hears',
  { skip },
  async () => {
    const melder = await asUser('melder.utrecht@demo.schakel.example');

    // An empty report is refused beside the field, and the form keeps what was typed.
    await melder.goto(`${base}/signalen/nieuw`);
    await melder.getByLabel('Arbeidsuitbuiting').check();
    await melder.getByRole('button', { name: 'Signaal versturen' }).click();
    assert.match(await melder.locator('#field-narrative-error').innerText(), /Vul dit in/);
    assert.equal(await melder.getByLabel('Arbeidsuitbuiting').isChecked(), true);
    await expectNoAxeViolations(melder, 'intake form with errors');

    const first = await report(
      melder,
      'Zes mannen slapen in een schuur achter de kwekerij aan de Dijkweg.',
      '06-44556677',
      true,
    );
    await expectNoAxeViolations(melder, 'own signal after reporting');
    const second = await report(
      melder,
      'Een busje haalt om vijf uur mannen op bij de schuur.',
      '+31 6 4455 6677',
    );

    const officer = await asUser('aandacht.utrecht@demo.schakel.example');
    await officer
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Meldpunt' })
      .click();
    await officer.waitForURL(`${base}/signalen`);
    await expectNoAxeViolations(officer, 'queue');
    await officer.getByRole('link', { name: first }).click();
    await expectNoAxeViolations(officer, 'signal page');
    const related = officer.getByRole('table', { name: 'Signalen met dezelfde kenmerken of gekoppeld' });
    assert.match(await related.innerText(), new RegExp(`${second}[\\s\\S]*Telefoonnummer`));
    await officer.getByRole('button', { name: `Koppel ${second}` }).click();
    await officer.waitForURL(/opgeslagen=link/);
    assert.match(await related.innerText(), /Gekoppeld/);

    await officer.getByRole('link', { name: 'Doorzetten naar een ketenpartner' }).click();
    await expectNoAxeViolations(officer, 'forward form');
    assert.match(await officer.locator('main').innerText(), /toegestaan op grond van R15/);
    await officer.getByLabel('Politie Midden-Nederland (politie)').selectOption('opsporing-en-vervolging');
    await officer
      .getByLabel('Waarom zet u het signaal door?')
      .fill('Sterke aanwijzingen voor arbeidsuitbuiting.');
    await officer.getByRole('button', { name: 'Doorzetten' }).click();
    await officer.waitForURL(/opgeslagen=forwarded/);
    assert.match(await officer.locator('main').innerText(), /Doorgezet naar Politie Midden-Nederland/);
    await expectNoAxeViolations(officer, 'signal page after forwarding');
    await officer.screenshot({ path: 'test-results/signal-forwarded.png', fullPage: true });

    const police = await asUser('recherche.politie@demo.schakel.example');
    await police.goto(`${base}/doorzettingen`);
    await expectNoAxeViolations(police, 'inbox');
    await police.getByRole('link', { name: first }).click();
    assert.match(await police.locator('main').innerText(), /06 44556677|\+31 6 44556677/);
    await expectNoAxeViolations(police, 'forwarded signal');
    await police.getByRole('button', { name: 'Signaal accepteren' }).click();
    await police.waitForURL(/opgeslagen=accepted/);
    await police.getByLabel('Uitkomst', { exact: true }).selectOption('onderzoek-gestart');
    await police
      .getByLabel('Toelichting voor het meldpunt')
      .fill('Toegevoegd aan een lopend onderzoek naar het uitzendbureau.');
    await police
      .getByLabel('Samenvatting voor de melder (optioneel)')
      .fill('De politie heeft uw signaal opgepakt. Dank u wel.');
    await police.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await police.waitForURL(/opgeslagen=outcome/);
    await expectNoAxeViolations(police, 'forwarded signal with outcome');

    await officer.reload();
    assert.match(
      await officer.locator('main').innerText(),
      /Onderzoek gestart: Toegevoegd aan een lopend onderzoek/,
    );

    await melder.goto(`${base}/mijn-signalen`);
    await expectNoAxeViolations(melder, 'my signals');
    await melder.getByRole('link', { name: first }).click();
    const own = await melder.locator('main').innerText();
    assert.match(own, /De politie heeft uw signaal opgepakt/);
    assert.match(own, /Afgehandeld/);
    assert.doesNotMatch(own, /uitzendbureau/, "the police's explanation stays with the reporting point");
    await expectNoAxeViolations(melder, 'own signal with feedback');
    await melder.screenshot({ path: 'test-results/signal-feedback.png', fullPage: true });
  },
);
