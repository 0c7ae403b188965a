import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { newActivationCode, normaliseActivationCode } from './tokens.js';
import { checkTotp, newTotpSecret, totpCode } from './totp.js';

test('passwords are stored as argon2id and verified', async () => {
  const stored = await hashPassword('een lange wachtzin om te testen');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(stored, 'een lange wachtzin om te testen'), true);
  assert.equal(await verifyPassword(stored, 'een andere wachtzin'), false);
  assert.equal(await verifyPassword(null, 'anything'), false);
});

test('weak passwords are named by their problem', () => {
  assert.equal(passwordProblem('kort', 'a@b.nl'), 'too-short');
  assert.equal(passwordProblem('x'.repeat(201), 'a@b.nl'), 'too-long');
  assert.equal(passwordProblem('jan.jansen is mijn wachtwoord', 'jan.jansen@gemeente.nl'), 'contains-email');
  assert.equal(passwordProblem('paard batterij nietje correct', 'jan.jansen@gemeente.nl'), null);
});

test('a TOTP code is accepted within one step of drift, never twice, and not after two steps', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-03-02T09:00:10Z');
  const code = totpCode(secret, at);
  const step = checkTotp(secret, code, at, null);
  assert.equal(step, Math.floor(at.getTime() / 30_000));
  assert.equal(checkTotp(secret, code, new Date(at.getTime() + 30_000), null), step, 'one step late is fine');
  assert.equal(checkTotp(secret, code, at, step), null, 'replay refused');
  assert.equal(checkTotp(secret, code, new Date(at.getTime() + 90_000), null), null, 'too old');
  assert.equal(checkTotp(secret, 'abcdef', at, null), null);
});

test('activation codes carry 80 bits in a readable form and tolerate case and confusable letters', () => {
  const code = newActivationCode();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.equal(normaliseActivationCode(code.toLowerCase().replace(/-/g, ' ')), code);
  assert.equal(normaliseActivationCode('oooo-iiii-llll-0000'), '0000-1111-1111-0000');
  assert.notEqual(newActivationCode(), newActivationCode());
});
