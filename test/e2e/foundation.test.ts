// The foundation as a person meets it, in Debian's Chromium: a demo beheerder logs in with password and TOTP, adds a
// colleague, the colleague activates the account, and an auditor sees it all in the audit log. Every page visited
// is checked with axe (WCAG 2.1 AA), and the same flow works with JavaScript switched off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../src/auth/index.js';
import type { TestApp } from '../support/app.js';
import { startDemoSite, type DemoSite } from '../support/demo-site.js';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations } from '../support/browser.js';

const skip = skipUnless('chromium');
let site: DemoSite;
let t: TestApp;
let browser: Browser;
let base: string;
const visited = new Set<string>();

before(async () => {
  if (skip) return;
  site = await startDemoSite();
  ({ t, base, browser } = site);
});
after(() => site?.close());

async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label);
  visited.add(label);
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForSelector('text=U bent uitgelogd.');
}

test(
  'a beheerder adds a colleague; the colleague activates; an auditor sees both in the audit log',
  { skip },
  async () => {
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();

    await page.goto(base);
    await check(page, 'public start page');
    await site.logIn(page, 'beheerder.utrecht@demo.schakel.example', (step) =>
      check(page, step === 'login' ? 'login page' : 'second factor page'),
    );
    await page.waitForURL(`${base}/`);
    assert.match(await page.locator('h1').innerText(), /Welkom, Bas Beheer/);
    await check(page, 'start page (beheerder)');
    await page.screenshot({ path: 'test-results/start-beheerder.png', fullPage: true });

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    await check(page, 'users list');
    await page.getByRole('link', { name: 'Gebruiker toevoegen' }).click();
    await check(page, 'new user form');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    assert.equal(
      (await page.locator('.utrecht-form-field-error-message').count()) > 0,
      true,
      'empty form shows messages beside the fields',
    );
    await check(page, 'new user form with errors');
    await page.getByLabel('Naam').fill('Fenna Fictief');
    await page.getByLabel('E-mailadres (werk)').fill('fenna.fictief@utrecht.test.schakel.example');
    await page.getByLabel('Melder').check();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const code = await page.getByTestId('activation-code').innerText();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await check(page, 'user created page');
    await page.screenshot({ path: 'test-results/user-created.png', fullPage: true });
    await page.goto(`${base}/account`);
    await check(page, 'account page');
    await page.goto(`${base}/referentie`);
    await check(page, 'reference page');
    await page.goto(`${base}/audit`);
    assert.match(await page.locator('h1').innerText(), /Geen toegang/, 'a beheerder is not an auditor');
    await check(page, 'forbidden page');
    await logOut(page);

    // The colleague activates the account, sets up the second factor and arrives at the start page.
    await page.goto(`${base}/activeren`);
    await check(page, 'activation page');
    await page.getByLabel('E-mailadres').fill('fenna.fictief@utrecht.test.schakel.example');
    await page.getByLabel('Activeringscode').fill(code);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('fietsen langs de vecht');
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill('fietsen langs de vecht');
    await page.getByRole('button', { name: 'Account activeren' }).click();
    await page.waitForSelector('text=Uw account is geactiveerd');
    await page.goto(`${base}/inloggen`);
    await page.getByLabel('E-mailadres').fill('fenna.fictief@utrecht.test.schakel.example');
    await page.getByLabel('Wachtwoord').fill('fietsen langs de vecht');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${base}/inloggen/code-instellen`);
    await check(page, 'second factor set-up page');
    const secret = (await page.locator('code.app-code').innerText()).replace(/\s/g, '');
    await page.getByRole('textbox', { name: 'Code' }).fill(totpCode(secret, t.clock.now()));
    await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
    await page.waitForURL(`${base}/`);
    assert.match(await page.locator('h1').innerText(), /Welkom, Fenna Fictief/);
    await check(page, 'start page (melder)');
    await logOut(page);

    // The auditor of the same municipality sees both events.
    await site.logIn(page, 'auditor.utrecht@demo.schakel.example');
    await page.waitForURL(`${base}/`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
    await check(page, 'audit log page');
    const rows = await page.locator('tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => r.includes('Bas Beheer') && r.includes('auth.login') && r.includes('Inloggen')),
      'the beheerder’s login',
    );
    assert.ok(
      rows.some(
        (r) => r.includes('Bas Beheer') && r.includes('Gebruiker toegevoegd') && r.includes('Fenna Fictief'),
      ),
      'the new user',
    );
    await page.getByLabel('Handeling begint met').fill('user.create');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const filtered = await page.locator('tbody tr').allInnerTexts();
    assert.equal(filtered.length, 1);
    await page.screenshot({ path: 'test-results/audit-log.png', fullPage: true });

    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('h1').innerText(), 'Audit log');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await check(page, 'audit log page (English)');
    await page.goto(`${base}/bestaat-niet`);
    await check(page, 'not found page');
    await context.close();
  },
);

test('a user of two organisations chooses one after logging in', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await site.logIn(page, 'zorg.utrecht@demo.schakel.example');
  await page.waitForURL(`${base}/organisatie-kiezen`);
  await check(page, 'choose organisation page');
  await page.getByLabel(/Zorgcoördinatie Utrecht/).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.waitForURL(`${base}/`);
  assert.match(await page.locator('.app-header__user').innerText(), /Namens Zorgcoördinatie Utrecht/);
  await context.close();
});

test('a national beheerder registers an organisation with its first beheerder', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await site.logIn(page, 'beheer.jenv@demo.schakel.example');
  await page.waitForURL(`${base}/`);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Organisaties' })
    .click();
  await check(page, 'organisations page');
  await page.getByRole('link', { name: 'Organisatie registreren' }).click();
  await check(page, 'new organisation form');
  await page.getByLabel('Naam', { exact: true }).fill('Gemeente Zwolle');
  await page.getByLabel('Plaats').selectOption('GM0193');
  await page.getByLabel('Naam van de beheerder').fill('Zeno Zwolle');
  await page.getByLabel('E-mailadres van de beheerder (werk)').fill('beheer@zwolle.test.schakel.example');
  await page.getByRole('button', { name: 'Organisatie registreren' }).click();
  assert.match(await page.getByTestId('activation-code').innerText(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  assert.match(await page.locator('h1').innerText(), /Organisatie geregistreerd/);
  await check(page, 'organisation registered page');
  await context.close();
});

test('a privacy officer of the ministry reads the sharing rules and confirms one', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await site.logIn(page, 'beheer.jenv@demo.schakel.example');
  await page.waitForURL(`${base}/`);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Deelregels' }).click();
  await check(page, 'sharing rules page');
  await page.screenshot({ path: 'test-results/sharing-rules.png', fullPage: true });
  const rule = page.getByRole('region', { name: /^R15/ });
  await rule.getByLabel('Waar rust de bevestiging op?').fill('Getoetst aan de DPIA en het advies van de FG.');
  await rule.getByRole('button', { name: 'Bevestigen R15' }).click();
  await page.waitForSelector('text=Regel R15 is bevestigd.');
  assert.match(
    await page.getByRole('region', { name: /^R15/ }).innerText(),
    /bevestigd door privacyfunctionaris/,
  );
  await check(page, 'sharing rules page after confirming');
  await context.close();
});

test('everything works with JavaScript switched off', { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await site.logIn(page, 'beheerder.amsterdam@demo.schakel.example');
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/gebruikers/nieuw`);
  await page.getByLabel('Naam').fill('Zonder Script');
  await page.getByLabel('E-mailadres (werk)').fill('zonder.script@amsterdam.test.schakel.example');
  await page.getByLabel('Aandachtsfunctionaris').check();
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  assert.match(await page.getByTestId('activation-code').innerText(), /^[0-9A-Z-]{19}$/);
  await context.close();
});

test('the pages checked with axe cover the whole foundation', { skip }, () => {
  assert.ok(visited.size >= 15, `axe checked ${visited.size} pages: ${[...visited].join(', ')}`);
});
