import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, chainHash, GENESIS_HASH, type ChainedContent } from './chain.js';

const content: ChainedContent = {
  occurredAt: new Date('2026-01-05T10:00:00.123Z'),
  actorUserId: 'u1',
  actorOrganisationId: 'o1',
  action: 'user.read',
  outcome: 'success',
  recordType: 'user',
  recordId: 'u2',
  recordOrganisationId: 'o1',
  fields: ['email'],
  purpose: 'gebruikersbeheer',
  details: { b: 1, a: { d: [1, 2], c: null } },
};

test('canonical JSON sorts keys at every depth so that jsonb key order cannot change a hash', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, 2], c: null } }), '{"a":{"c":null,"d":[1,2]},"b":1}');
  assert.equal(canonicalJson({ x: undefined, y: 'z' }), '{"y":"z"}');
});

test('the hash covers every field and the previous hash', () => {
  const base = chainHash(GENESIS_HASH, content);
  assert.match(base, /^[0-9a-f]{64}$/);
  assert.equal(
    chainHash(GENESIS_HASH, { ...content, details: { a: { c: null, d: [1, 2] }, b: 1 } }),
    base,
    'key order is irrelevant',
  );
  const variants: Partial<ChainedContent>[] = [
    { occurredAt: new Date('2026-01-05T10:00:00.124Z') },
    { actorUserId: 'u9' },
    { action: 'user.update' },
    { outcome: 'denied' },
    { recordId: 'u3' },
    { fields: ['email', 'roles'] },
    { purpose: null },
    { details: { b: 2, a: { d: [1, 2], c: null } } },
  ];
  for (const variant of variants)
    assert.notEqual(chainHash(GENESIS_HASH, { ...content, ...variant }), base, JSON.stringify(variant));
  assert.notEqual(chainHash('f'.repeat(64), content), base);
});
