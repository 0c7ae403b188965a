// The charts are accessible images that survive the Content-Security-Policy: role="img" with a title and a
// description, only presentation attributes (no style), Okabe-Ito colours, no NaN even for an unbounded interval.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { translator } from '../web/i18n.js';
import { EstimateChart, formatLevel, MAX_COLUMNS, OverlapChart } from './charts.js';
import './i18n.js';
import type { Outcome } from './service.js';

function outcome(overrides: Partial<Outcome> = {}): Outcome {
  return {
    lists: ['A', 'B', 'C'],
    observed: 100,
    unobserved: 50,
    total: 150,
    interval: { level: 0.95, lower: 120, upper: 200, method: 'lognormal' },
    model: {
      interactions: [],
      structuralZeros: [],
      aic: 10,
      bic: 12,
      deviance: 1,
      df: 3,
      parameters: 4,
      converged: true,
    },
    method: 'main',
    warnings: [],
    overlaps: {
      histories: [
        { lists: ['A'], count: 40 },
        { lists: ['B'], count: 30 },
        { lists: ['A', 'C'], count: 20 },
        { lists: ['A', 'B', 'C'], count: 10 },
      ],
      listSizes: [
        { list: 'A', count: 70 },
        { list: 'B', count: 40 },
        { list: 'C', count: 30 },
      ],
    },
    models: { searched: null, fitted: null, rows: [] },
    ...overrides,
  };
}

const nl = { t: translator('nl'), lang: 'nl' as const };

function svgOf(html: string): string {
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)?.[0];
  assert.ok(svg, 'renders an svg');
  return svg;
}

test('both charts are images with a title and a description that screen readers announce', () => {
  for (const chart of [OverlapChart, EstimateChart]) {
    const svg = svgOf(render(h(chart, { outcome: outcome(), ...nl })));
    assert.match(svg, /^<svg[^>]* role="img"/);
    const labelled = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
    for (const id of labelled) assert.match(svg, new RegExp(`<(title|desc) id="${id}">[^<]+</`));
  }
});

test('the charts use presentation attributes only, so the Content-Security-Policy lets them render', () => {
  for (const chart of [OverlapChart, EstimateChart]) {
    const html = render(h(chart, { outcome: outcome(), ...nl }));
    assert.doesNotMatch(html, /style=|<style|<image|href=/);
    const colours = new Set(html.match(/#[0-9A-Fa-f]{6}/g));
    const allowed = ['#0072B2', '#56B4E9', '#D55E00', '#1a1a1a', '#d0d0d0', '#d9d9d9', '#f2f2f2', '#ffffff'];
    for (const colour of colours) assert.ok(allowed.includes(colour), `unexpected colour ${colour}`);
  }
});

test('the overlap chart draws a bar per history, a dot per list in it, and says which is largest', () => {
  const html = render(h(OverlapChart, { outcome: outcome(), ...nl }));
  assert.equal((html.match(/<circle/g) ?? []).length, 4 * 3, 'a dot for every list in every column');
  assert.equal((html.match(/<circle[^>]*fill="#1a1a1a"/g) ?? []).length, 1 + 1 + 2 + 3, 'filled dots');
  assert.match(html, /4 combinaties van 3 lijsten komen voor; de grootste is A met 40 mensen/);
});

test('with many histories the chart shows the largest and says the table has them all', () => {
  const histories = Array.from({ length: 60 }, (_, i) => ({ lists: ['A'], count: 60 - i }));
  const html = render(
    h(OverlapChart, { outcome: outcome({ overlaps: { ...outcome().overlaps, histories } }), ...nl }),
  );
  assert.equal((html.match(/<circle/g) ?? []).length, MAX_COLUMNS * 3);
  assert.match(html, /de 40 grootste van 60 combinaties/);
});

test('an unbounded upper end is drawn as an arrow and named, never as NaN', () => {
  const html = render(
    h(EstimateChart, {
      outcome: outcome({ interval: { level: 0.9, lower: 120, upper: null, method: 'profile' } }),
      ...nl,
    }),
  );
  assert.doesNotMatch(html, /NaN|Infinity/);
  assert.match(html, /90%-interval van 120 tot onbegrensd/);
  assert.match(html, /<path d="M/);
});

test('confidence levels read as percentages in each language', () => {
  assert.equal(formatLevel('nl', 0.95), '95');
  assert.equal(formatLevel('nl', 0.975), '97,5');
  assert.equal(formatLevel('en', 0.975), '97.5');
});
