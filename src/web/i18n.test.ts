import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../app.js';
import { dictionaries, translate } from './i18n.js';

test('Dutch and English have the same keys, and every text is filled in', () => {
  const { nl, en } = dictionaries();
  assert.ok(Object.keys(nl).length > 100);
  assert.deepEqual(
    Object.keys(en).filter((k) => !(k in nl)),
    [],
    'keys only in English',
  );
  assert.deepEqual(
    Object.keys(nl).filter((k) => !(k in en)),
    [],
    'keys only in Dutch',
  );
  assert.deepEqual(
    Object.entries({ ...nl, ...en }).filter(([, v]) => !v.trim()),
    [],
  );
});

test('placeholders are filled and a missing key falls back to the key itself', () => {
  assert.equal(translate('en', 'layout.loggedInAs', { name: 'Anna' }), 'Logged in as Anna');
  assert.equal(translate('nl', 'no.such.key'), 'no.such.key');
});
