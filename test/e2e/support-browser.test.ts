// Self-test of test/support/browser.ts: proves Debian's Chromium launches under playwright-core and that the
// axe helper both passes an accessible page and names the rule a broken page violates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { skipUnless } from '../support/binaries.js';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.js';

const skip = skipUnless('chromium');

const page = (body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Schakel testpagina</title></head>` +
  `<body><main><h1>Schakel</h1>${body}</main></body></html>`;

const PAGES: Record<string, string> = {
  '/accessible': page('<p>Een toegankelijke pagina.</p>'),
  // A 1×1 transparent GIF, inline so that the violation is the missing alt and not a broken image.
  '/img-without-alt': page(
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAIBAAA=">',
  ),
};

let http: Server | undefined;
let baseUrl = '';
let browser: Browser | undefined;

before(async () => {
  if (skip) return;
  http = createServer((req, res) => {
    const html = PAGES[req.url ?? ''];
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
});

async function open(path: string) {
  assert.ok(browser, 'browser was not launched');
  const context = await browser.newContext();
  const tab = await context.newPage();
  const response = await tab.goto(baseUrl + path);
  assert.equal(response?.status(), 200);
  return { tab, close: () => context.close() };
}

test(
  'launchBrowser() starts Debian Chromium, which loads a page from 127.0.0.1 and reads its title',
  { skip },
  async (t) => {
    t.diagnostic(`Chromium ${browser?.version()}`);
    const { tab, close } = await open('/accessible');
    try {
      assert.equal(await tab.title(), 'Schakel testpagina');
    } finally {
      await close();
    }
  },
);

test('expectNoAxeViolations() passes a page that meets WCAG 2.1 AA', { skip }, async () => {
  const { tab, close } = await open('/accessible');
  try {
    await expectNoAxeViolations(tab, 'the accessible page');
  } finally {
    await close();
  }
});

test(
  'expectNoAxeViolations() throws an AssertionError naming image-alt for an <img> without alt',
  { skip },
  async () => {
    const { tab, close } = await open('/img-without-alt');
    try {
      await assert.rejects(expectNoAxeViolations(tab, 'the page with a bare img'), (error: unknown) => {
        assert.ok(error instanceof assert.AssertionError, `expected an AssertionError, got ${String(error)}`);
        assert.match(error.message, /image-alt \(critical\)/);
        assert.match(error.message, /on the page with a bare img/);
        assert.match(error.message, /^\s+img$/m, 'the message lists the target selector');
        return true;
      });
    } finally {
      await close();
    }
  },
);
