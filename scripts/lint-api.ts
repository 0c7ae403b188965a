// Lints the generated OpenAPI document against the NL API Design Rules (Spectral, docs/api-design-rules/linter.yaml).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.js';
import { openRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';

const runtime = await openRuntime(
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://schakel.example.org' }),
  { dataDir: 'memory' },
);
const app = await buildApp(runtime);
const response = await app.inject({ url: '/api/v1/openapi.json' });
await app.close();
await runtime.database.close();
if (response.statusCode !== 200) {
  console.error(`openapi.json answered ${response.statusCode}`);
  process.exit(1);
}
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/openapi.json', JSON.stringify(response.json(), null, 2));
const paths = Object.keys(response.json<{ paths: object }>().paths).length;
console.log(`OpenAPI document: ${paths} paths; linting with the NL API Design Rules`);
const result = spawnSync(
  'npx',
  [
    'spectral',
    'lint',
    '-r',
    'docs/api-design-rules/linter.yaml',
    '.tmp/openapi.json',
    '--fail-severity=error',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
