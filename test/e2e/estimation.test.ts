// Multiple systems estimation as an analyst meets it, in Debian's Chromium: upload the UK 2013 data through the file
// input, read the estimate (about 11,418) and the charts, save it and find it in the list; and, with JavaScript
// switched off, paste the Western data. Every page shown is checked with axe (WCAG 2.1 AA).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startDemoSite, type DemoSite } from '../support/demo-site.js';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations } from '../support/browser.js';

const skip = skipUnless('chromium');
const ANALIST = 'analist.nr@demo.schakel.example';
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
  'an analist uploads the UK data, reads the estimate and the charts, saves it and finds it again',
  { skip },
  async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await site.logIn(page, ANALIST);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Schattingen' })
      .click();
    await page.waitForURL(`${base}/schattingen`);
    await expectNoAxeViolations(page, 'estimation form');
    await page.getByRole('button', { name: 'Schatten' }).click();
    assert.match(
      await page.locator('#field-csv-error').innerText(),
      /Kies een CSV-bestand of plak de gegevens/,
    );
    await expectNoAxeViolations(page, 'estimation form with an error');

    await page.getByLabel('CSV-bestand').setInputFiles('src/estimation/testdata/UKdat.csv');
    await page.getByRole('button', { name: 'Schatten' }).click();
    await page.waitForSelector('#result-heading');
    const summary = await page.locator('.utrecht-paragraph--lead').nth(1).innerText();
    assert.match(summary, /11\.418 mensen in totaal/, summary);
    assert.match(summary, /9\.977 tot 13\.146/, summary);
    for (const name of [
      'Geschat totaal met interval en het waargenomen aantal',
      'Overlap tussen de lijsten',
    ]) {
      assert.equal(await page.getByRole('img', { name }).count(), 1, `chart ${name}`);
    }
    assert.equal(await page.locator('svg [style], style').count(), 0, 'no inline styles (CSP)');
    assert.match(await page.getByRole('table', { name: 'Mensen per lijst' }).innerText(), /PF\s+1\.102/);
    assert.match(await page.getByRole('table', { name: /Modellen/ }).innerText(), /gekozen/);
    await expectNoAxeViolations(page, 'estimation result');
    await page.screenshot({ path: 'test-results/estimation.png', fullPage: true });

    await page.getByLabel('Titel').fill('Monitor 2013, tabel 3');
    await page.getByRole('button', { name: 'Schatting opslaan' }).click();
    await page.waitForSelector('text=De schatting is opgeslagen.');
    assert.equal(await page.locator('h1').innerText(), 'Monitor 2013, tabel 3');
    assert.match(await page.locator('.utrecht-paragraph--lead').innerText(), /11\.418/);
    await expectNoAxeViolations(page, 'saved estimate');
    await page.screenshot({ path: 'test-results/estimation-saved.png', fullPage: true });

    await page.getByRole('link', { name: 'Terug naar de schattingen' }).click();
    const saved = page.getByRole('table', { name: 'Opgeslagen schattingen' });
    assert.match(await saved.innerText(), /Monitor 2013, tabel 3\s+.*Noor Analyse\s+11\.418/s);
    await expectNoAxeViolations(page, 'estimation form with saved estimates');

    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('h1').innerText(), 'Estimating the hidden number');
    await expectNoAxeViolations(page, 'estimation form (English)');
    await context.close();
  },
);

test(
  'with JavaScript off, pasted data give an estimate, and bad data a message beside the field',
  { skip },
  async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // axe runs inside the page and so needs JavaScript: the pages here are checked in the test above.
    page.setDefaultTimeout(20_000);
    await site.logIn(page, 'beleid.jenv@demo.schakel.example');
    await page.goto(`${base}/schattingen`);
    const western = readFileSync('src/estimation/testdata/Western.csv', 'utf8');
    await page.getByLabel('Of plak de CSV-tekst').fill(western.replace('0,1,1,0,0,6', '0,1,x,0,0,6'));
    await page.getByRole('button', { name: 'Schatten' }).click();
    const message = await page.locator('#field-csv-error').innerText();
    assert.match(message, /Regel 10, kolom “C”: een lijstkolom bevat alleen 0 of 1/);

    await page.getByLabel('Of plak de CSV-tekst').fill(western);
    await page.getByLabel('Interval').selectOption('bootstrap');
    await page.getByRole('button', { name: 'Schatten' }).click();
    await page.waitForSelector('#result-heading');
    assert.match(await page.locator('.utrecht-paragraph--lead').nth(1).innerText(), /mensen in totaal/);
    assert.match(await page.locator('#result-heading ~ p').nth(1).innerText(), /BCa-bootstrap/);
    await page.screenshot({ path: 'test-results/estimation-western.png', fullPage: true });
    await context.close();
  },
);
