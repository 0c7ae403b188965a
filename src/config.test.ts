import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults run the embedded database in ./data on port 3000', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.seedDemo, true);
});

test('settings are validated once, with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'abc' }),
    (e: Error) => e instanceof ConfigError && /PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ SCHAKEL_MASTER_KEY: 'c2hvcnQ=' }), /32 bytes/);
  assert.throws(() => loadConfig({ COOKIE_SECURE: 'maybe' }), /COOKIE_SECURE/);
});

test('production demands a PostgreSQL server and a master key, and never seeds demo data', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' }),
    /SCHAKEL_MASTER_KEY/,
  );
  const key = Buffer.alloc(32, 7).toString('base64');
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SCHAKEL_MASTER_KEY: key }), /DATABASE_URL/);
  const config = loadConfig({
    NODE_ENV: 'production',
    SCHAKEL_MASTER_KEY: key,
    DATABASE_URL: 'postgres://x/y',
    SCHAKEL_DEMO: 'true',
    OIDC_ALLOW_INSECURE: 'true',
  });
  assert.equal(config.seedDemo, false);
  assert.equal(config.oidcAllowInsecure, false);
});
