// Bad input (issue point 6): every problem is a typed EstimationError with a stable code and a message naming the
// line and column, or a warning; never a crash, NaN or Infinity in the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCaptureData, estimate, EstimationError, fitModel, parseCaptureHistories } from './index.js';

function rejects(text: string, code: string, ...mentions: string[]): void {
  assert.throws(
    () => parseCaptureHistories(text),
    (error: unknown) => {
      assert.ok(error instanceof EstimationError, `expected an EstimationError, got ${String(error)}`);
      assert.equal(error.code, code);
      for (const m of mentions)
        assert.ok(error.message.includes(m), `"${error.message}" should mention ${m}`);
      return true;
    },
  );
}

test('a well-formed file is parsed into counts per capture history', () => {
  const { data, warnings } = parseCaptureHistories('A,B,count\r\n1,0,5\n0,1,7\n\n1,1,2\n');
  assert.deepEqual(data.lists, ['A', 'B']);
  assert.deepEqual(Array.from(data.counts), [0, 5, 7, 2]);
  assert.equal(data.observed, 14);
  assert.deepEqual(warnings, []);
});

test('a flag other than 0 or 1 is rejected, naming the line and the list', () => {
  rejects('A,B,count\n1,0,5\n0,2,7\n', 'estimation-invalid-flag', 'Line 3', '"B"', '"2"');
  rejects('A,B,count\n1,yes,5\n', 'estimation-invalid-flag', 'Line 2', '"B"');
});

test('negative, fractional and non-numeric counts are rejected, naming the line', () => {
  rejects('A,B,count\n1,0,-5\n', 'estimation-invalid-count', 'Line 2', 'negative');
  rejects('A,B,count\n1,0,2.5\n', 'estimation-invalid-count', 'Line 2', 'fraction');
  rejects('A,B,count\n1,0,many\n', 'estimation-invalid-count', 'Line 2', '"count"');
  rejects('A,B,count\n1,0,\n', 'estimation-invalid-count', 'Line 2');
});

test('a row of all zeros is rejected: the unobserved cell is what is estimated', () => {
  rejects('A,B,count\n1,0,5\n0,0,9\n', 'estimation-all-zero-row', 'Line 3');
});

test('duplicate capture histories are summed with a warning naming both lines', () => {
  const { data, warnings } = parseCaptureHistories('A,B,count\n1,0,5\n0,1,7\n1,0,3\n1,1,2\n');
  assert.equal(data.counts[1], 8);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.code, 'estimation-duplicate-history');
  assert.match(warnings[0]!.message, /line 4 repeats line 2/);
});

test('fewer than two or more than ten lists are rejected', () => {
  rejects('A,count\n1,5\n', 'estimation-too-few-lists', 'at least 2');
  const lists = Array.from({ length: 11 }, (_, i) => `L${i}`);
  rejects(
    `${lists.join(',')},count\n${lists.map(() => '1').join(',')},3\n`,
    'estimation-too-many-lists',
    '11',
  );
});

test('a list with nobody on it is rejected, naming the list', () => {
  rejects('A,B,C,count\n1,0,0,5\n0,1,0,7\n1,1,0,2\n', 'estimation-empty-list', '"C"');
});

test('malformed files are rejected with a clear message', () => {
  rejects('', 'estimation-invalid-csv', 'empty');
  rejects('A,B,count\n1,0\n', 'estimation-invalid-csv', 'Line 2', 'expected 3 fields');
  rejects('A,A,count\n1,0,4\n', 'estimation-duplicate-list', '"A"');
  rejects('A,,count\n1,0,4\n', 'estimation-invalid-csv', 'column 2');
  rejects('A,B,count\n1,0,0\n0,1,0\n', 'estimation-no-observations');
});

test('rows built by the application are validated the same way', () => {
  assert.throws(() => buildCaptureData(['A', 'B'], [{ flags: [1, 3], count: 2 }]), {
    code: 'estimation-invalid-flag',
  });
  assert.throws(() => buildCaptureData(['A', 'B'], [{ flags: [1, 0], count: 1.5 }]), {
    code: 'estimation-invalid-count',
  });
  assert.throws(() => buildCaptureData(['A', 'B'], [{ flags: [1], count: 1 }]), {
    code: 'estimation-invalid-csv',
  });
});

test('exhaustive search on more than six lists is refused', async () => {
  const lists = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
  const rows = lists.map((_, i) => ({
    flags: lists.map((__, j) => (i === j || j === (i + 1) % 7 ? 1 : 0)),
    count: 3,
  }));
  const { data } = buildCaptureData(lists, [
    ...rows,
    ...lists.map((_, i) => ({ flags: lists.map((__, j) => (i === j ? 1 : 0)), count: 10 })),
  ]);
  await assert.rejects(estimate(data, { method: 'exhaustive' }), { code: 'estimation-exhaustive-too-large' });
});

test('data for which no model has an estimate are refused with estimation-no-estimate', async () => {
  // Two lists that never overlap: the independence estimate is infinite and the interaction is not identifiable.
  const { data } = parseCaptureHistories('A,B,count\n1,0,5\n0,1,7\n');
  for (const method of ['stepwise', 'main', 'exhaustive'] as const) {
    await assert.rejects(estimate(data, { method }), { code: 'estimation-no-estimate' });
  }
  // One list that holds everybody: nobody can be missed by it, so there is nothing to estimate from.
  const { data: all } = parseCaptureHistories('A,B,count\n1,0,5\n1,1,7\n');
  await assert.rejects(estimate(all), { code: 'estimation-no-estimate' });
});

test('invalid options are refused with estimation-invalid-option', async () => {
  const { data } = parseCaptureHistories('A,B,count\n1,0,5\n0,1,7\n1,1,3\n');
  for (const options of [
    { level: 1.5 },
    { pThreshold: -1 },
    { replicates: 3 },
    { seed: 1.5 },
    { method: 'magic' },
  ]) {
    await assert.rejects(estimate(data, options as never), { code: 'estimation-invalid-option' });
  }
});

// Random small tables, including sparse ones: estimate() either refuses them with an EstimationError or returns
// finite numbers for every method and interval.
test('estimates on random sparse data are finite or refused with a typed error, never NaN', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 4 }).chain((k) =>
        fc.record({
          k: fc.constant(k),
          counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })), {
            minLength: (1 << k) - 1,
            maxLength: (1 << k) - 1,
          }),
          method: fc.constantFrom('stepwise', 'main', 'exhaustive'),
          interval: fc.constantFrom('lognormal', 'profile', 'bootstrap'),
        }),
      ),
      async ({ k, counts, method, interval }) => {
        const lists = ['A', 'B', 'C', 'D'].slice(0, k);
        const rows = counts.map((count, i) => ({ flags: lists.map((_, j) => ((i + 1) >> j) & 1), count }));
        try {
          const { data } = buildCaptureData(lists, rows);
          const result = await estimate(data, { method, interval, replicates: 20 });
          for (const value of [result.total, result.unobserved, result.model.aic, result.model.deviance]) {
            assert.ok(Number.isFinite(value), `${value} in ${JSON.stringify(result)}`);
          }
          for (const bound of [result.interval.lower, result.interval.upper]) {
            assert.ok(bound === null || Number.isFinite(bound), `bound ${bound}`);
          }
          assert.ok(!JSON.stringify(result).includes('NaN'));
        } catch (error) {
          if (!(error instanceof EstimationError)) throw error;
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('fitting a named model checks the names and refuses a model that is not identifiable', () => {
  const { data } = parseCaptureHistories('A,B,C,count\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,6\n');
  assert.throws(() => fitModel(data, ['A:Z']), { code: 'estimation-unknown-interaction' });
  assert.throws(() => fitModel(data, ['A:A']), { code: 'estimation-unknown-interaction' });
  assert.throws(() => fitModel(data, ['A:B', 'A:C', 'B:C']), { code: 'estimation-not-identifiable' });
  assert.ok(Number.isFinite(fitModel(data, ['A:C']).unobserved));
});
