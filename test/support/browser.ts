// End-to-end tests drive Debian's Chromium through playwright-core (no browser downloads), and check every
// page they visit against WCAG 2.1 A/AA with axe: public-sector sites in the Netherlands must meet it.
import { AssertionError } from 'node:assert';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { requireBinary } from './binaries.js';

const CHROMIUM_ARGS = [
  '--headless',
  // Tests and CI run as root, where Chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  // Keep runs hermetic and quiet: no update checks, sync, or QUIC probes to Google's servers.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  const found = requireBinary('chromium');
  if (!found.ok) throw new Error(found.reason);
  return chromium.launch({ executablePath: found.executablePath, headless: true, args: CHROMIUM_ARGS });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

function describeViolation(violation: Violation): string {
  // A target is one selector per nested frame; a selector inside shadow DOM is itself a list of selectors.
  const targets = violation.nodes.map(
    (node) =>
      `      ${node.target.map((t) => (typeof t === 'string' ? t : t.join(' >>> '))).join(' | frame: ')}`,
  );
  return [
    `  - ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...targets,
  ].join('\n');
}

/**
 * Throws an AssertionError listing every WCAG 2.1 A/AA violation axe finds on the page as it is now. The page
 * must come from `browser.newContext()`, not `browser.newPage()`: AxeBuilder refuses the latter.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const { violations } = results;
  if (violations.length === 0) return;
  const message = [
    `axe found ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'} on ${label} (${results.url}):`,
    ...violations.map(describeViolation),
  ].join('\n');
  throw new AssertionError({
    message,
    actual: violations.map((v) => v.id),
    expected: [],
    operator: 'expectNoAxeViolations',
  });
}
