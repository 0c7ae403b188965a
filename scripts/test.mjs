// Runs every check and every suite: type-check, lint (code, formatting, API design rules), the security coverage
// of docs/security.md, then the tests.
// `npm test -- unit api` runs only the named suites and skips the static checks; `npm test -- --no-static` all suites
// without them. Suites: unit and api (src/**/*.test.ts[x]), integration (test/integration, real PostgreSQL),
// e2e (test/e2e, Debian's Chromium), faults (test/faults, the short form of the fault test; `npm run test:faults` is
// the full one). All test files run in one `node --test` so the runner prints one summary.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
process.env.SCHAKEL_FAULTS_SHORT ??= '1'; // the fault test's short form; `npm run test:faults` runs the full one
const named = args.filter((a) => !a.startsWith('--'));
const runStatic = named.length === 0 && !args.includes('--no-static');

const suites = {
  unit: { dir: 'src', match: (f) => /\.test\.tsx?$/.test(f) && !/\.api\.test\.tsx?$/.test(f) },
  api: { dir: 'src', match: (f) => /\.api\.test\.tsx?$/.test(f) },
  integration: { dir: 'test/integration', match: (f) => /\.test\.tsx?$/.test(f) },
  e2e: { dir: 'test/e2e', match: (f) => /\.test\.tsx?$/.test(f) },
  faults: { dir: 'test/faults', match: (f) => /\.test\.tsx?$/.test(f) },
};

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(walk(path));
    else out.push(path);
  }
  return out;
}

function run(label, cmd, cmdArgs) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${cmdArgs.join(' ')}`);
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  console.log(
    `=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result.status === 0;
}

let ok = true;
if (runStatic) {
  ok = run('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) && ok;
  ok = run('lint', 'npm', ['run', '--silent', 'lint']) && ok;
  // The ASVS table of docs/security.md: prints what is covered and fails when a test it names is missing.
  ok = run('security coverage', process.execPath, ['scripts/security-coverage.mjs']) && ok;
}

const chosen = named.length ? named : Object.keys(suites);
const files = [];
for (const name of chosen) {
  const suite = suites[name];
  if (!suite) {
    console.error(`Unknown suite "${name}". Known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  files.push(...walk(suite.dir).filter(suite.match).sort());
}
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
ok =
  run('tests', process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=300000',
    ...files,
  ]) && ok;

console.log(ok ? '\nAll checks passed.' : '\nSome checks FAILED.');
process.exit(ok ? 0 : 1);
