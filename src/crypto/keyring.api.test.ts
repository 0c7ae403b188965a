import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { Keyring, rewrapDataKeys, rotateDataKey } from './keyring.js';

async function fresh() {
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database);
  return database;
}

test('values decrypt only in their own context, and a changed ciphertext is refused', async () => {
  const database = await fresh();
  try {
    const keyring = await Keyring.load(database.db, randomBytes(32));
    const sealed = keyring.encrypt('JBSWY3DPEHPK3PXP', 'users.totp_secret:a');
    assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
    assert.equal(keyring.decrypt(sealed, 'users.totp_secret:a'), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => keyring.decrypt(sealed, 'users.totp_secret:b'), 'moved to another row');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    assert.throws(() => keyring.decrypt(tampered, 'users.totp_secret:a'));
  } finally {
    await database.close();
  }
});

test('a wrong master key is refused at load, naming the setting', async () => {
  const database = await fresh();
  try {
    await Keyring.load(database.db, randomBytes(32));
    await assert.rejects(Keyring.load(database.db, randomBytes(32)), /SCHAKEL_MASTER_KEY/);
  } finally {
    await database.close();
  }
});

test('rotating adds a data key for new encryptions; what was encrypted before still decrypts', async () => {
  const database = await fresh();
  try {
    const master = randomBytes(32);
    const before = await Keyring.load(database.db, master);
    const old = before.encrypt('old secret', 'ctx');
    const id = await rotateDataKey(database.db, master, new Date(Date.now() + 1000));
    const after = await Keyring.load(database.db, master);
    assert.equal(after.currentKeyId, id);
    assert.notEqual(before.currentKeyId, id);
    assert.equal(after.decrypt(old, 'ctx'), 'old secret');
    assert.match(after.encrypt('new secret', 'ctx'), new RegExp(`^v1:${id}:`));
    await assert.rejects(
      rotateDataKey(database.db, randomBytes(32)),
      /cannot be unwrapped/,
      'not with a wrong master key',
    );
  } finally {
    await database.close();
  }
});

test('rewrapping moves every data key to a new master key, all or nothing', async () => {
  const database = await fresh();
  try {
    const oldMaster = randomBytes(32);
    const newMaster = randomBytes(32);
    const sealed = (await Keyring.load(database.db, oldMaster)).encrypt('kept', 'ctx');
    await rotateDataKey(database.db, oldMaster, new Date(Date.now() + 1000));
    await assert.rejects(rewrapDataKeys(database.db, randomBytes(32), newMaster), /nothing was changed/);
    assert.equal(
      (await Keyring.load(database.db, oldMaster)).decrypt(sealed, 'ctx'),
      'kept',
      'a failed rewrap changed nothing',
    );
    assert.equal(await rewrapDataKeys(database.db, oldMaster, newMaster), 2);
    await assert.rejects(Keyring.load(database.db, oldMaster));
    assert.equal((await Keyring.load(database.db, newMaster)).decrypt(sealed, 'ctx'), 'kept');
  } finally {
    await database.close();
  }
});
