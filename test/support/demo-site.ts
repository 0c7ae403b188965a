// A browser suite's world: Schakel with the demo set on a port of 127.0.0.1, Debian's Chromium, and logging in as a
// demo user through the real pages (password, then the TOTP code at the server's clock).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { demoTotpSecret, totpCode } from '../../src/auth/index.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed.js';
import { createTestApp, realClock, type TestApp } from './app.js';
import { launchBrowser } from './browser.js';

export interface DemoSite {
  t: TestApp;
  base: string;
  browser: Browser;
  /**
   * Logs in as a demo user and waits until the login is through. `onStep` runs on the login page and on the code
   * page, e.g. for an axe check.
   */
  logIn(page: Page, email: string, onStep?: (step: 'login' | 'code') => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoSite(): Promise<DemoSite> {
  mkdirSync('test-results', { recursive: true });
  const t = await createTestApp({ clock: realClock() });
  await seedDemo(t.ctx);
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  return {
    t,
    base,
    browser,
    async logIn(page, email, onStep) {
      await page.goto(`${base}/inloggen`);
      await onStep?.('login');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((url) => url.pathname !== '/inloggen');
      if (new URL(page.url()).pathname === '/inloggen/code') {
        await onStep?.('code');
        // A TOTP code is accepted once: step the server's clock to a fresh time step for every login.
        t.clock.advance(30_000);
        await page
          .getByRole('textbox', { name: 'Code' })
          .fill(totpCode(demoTotpSecret(email), t.clock.now()));
        await page.getByRole('button', { name: 'Bevestigen' }).click();
        await page.waitForURL((url) => url.pathname !== '/inloggen/code');
      }
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
