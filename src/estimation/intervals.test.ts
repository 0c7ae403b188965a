import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Fitter } from './fit.js';
import { logNormalInterval, profileInterval } from './intervals.js';
import { parseTerm, type CaptureData } from './design.js';
import { parseCaptureHistories } from './csv.js';
import { normalQuantile } from './stats.js';

const load = (name: string): CaptureData =>
  parseCaptureHistories(readFileSync(new URL(`./testdata/${name}.csv`, import.meta.url), 'utf8')).data;

for (const name of ['UKdat', 'Western', 'Artificial_3']) {
  test(`profile likelihood bounds on ${name} sit where the likelihood-ratio statistic equals the χ² cut-off`, () => {
    const data = load(name);
    const fitter = new Fitter(data);
    const model = name === 'Western' ? [parseTerm('A:E', data.lists)] : [];
    const fit = fitter.fit(model);
    const interval = profileInterval(fitter, fit, 0.95);
    const cutoff = normalQuantile(0.975) ** 2;
    for (const bound of [interval.lower, interval.upper]) {
      assert.ok(bound !== null);
      const constrained = new Fitter(data).fit(model, { fixedIntercept: Math.log(bound - data.observed) });
      const statistic = constrained.deviance - fit.deviance;
      assert.ok(Math.abs(statistic - cutoff) < 1e-6, `${statistic} vs ${cutoff}`);
    }
    const total = data.observed + fit.unobserved;
    assert.ok(interval.lower! < total && total < interval.upper!);
    // The fitter is left at the MLE for later use.
    assert.ok(Math.abs(fitter.fit(model, { warmStart: true }).deviance - fit.deviance) < 1e-9);
  });
}

test('with thousands of people the profile interval is close to the log-normal one', () => {
  const data = load('UKdat');
  const fitter = new Fitter(data);
  const fit = fitter.fit([]);
  const profile = profileInterval(fitter, fit, 0.95);
  const lognormal = logNormalInterval(fit, data.observed, 0.95);
  assert.ok(Math.abs(profile.lower! / lognormal.lower! - 1) < 0.02);
  assert.ok(Math.abs(profile.upper! / lognormal.upper! - 1) < 0.02);
});

test('a lower confidence level gives a narrower log-normal interval around the same estimate', () => {
  const data = load('Western');
  const fit = new Fitter(data).fit([parseTerm('A:E', data.lists)]);
  const wide = logNormalInterval(fit, data.observed, 0.95);
  const narrow = logNormalInterval(fit, data.observed, 0.8);
  assert.ok(wide.lower! < narrow.lower! && narrow.upper! < wide.upper!);
  // The log-normal interval is symmetric around the estimate on the log scale of the unobserved count.
  const centre = Math.log(fit.unobserved);
  assert.ok(
    Math.abs(
      Math.log(narrow.upper! - data.observed) - centre - (centre - Math.log(narrow.lower! - data.observed)),
    ) < 1e-9,
  );
});
