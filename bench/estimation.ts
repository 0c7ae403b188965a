// `npm run bench -- estimation`: multiple systems estimation on the six-list UK data (UKdat), against R.
// 1. The exhaustive search over all 2^15 = 32,768 two-way models, in process, and the same search done with R's glm
//    in a loop (bench/estimation/mse.R), with the ratio and whether both pick the same minimum-AIC model.
// 2. The stepwise estimate (SparseMSE's rule) in both.
// 3. Both as whole commands, the way a user runs them: `node dist/src/cli.js estimate … --method exhaustive`
//    against `Rscript bench/estimation/mse.R … exhaustive`.
// Prints figures and never fails on a number. R is optional: without Rscript the comparison is skipped.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimate, parseCaptureHistories } from '../src/estimation/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataFile = join(root, 'src/estimation/testdata/UKdat.csv');
const rScript = join(root, 'bench/estimation/mse.R');
const { data } = parseCaptureHistories(readFileSync(dataFile, 'utf8'));

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeInProcess(
  run: () => Promise<unknown>,
  repeats: number,
): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { first: times[0]!, median: median(times.slice(1)) };
}

function timeCommand(command: string, args: string[]): { ms: number; stdout: string; ok: boolean } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - started;
  if (result.status !== 0)
    console.log(`  ${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return { ms, stdout: result.stdout ?? '', ok: result.status === 0 };
}

const lastJson = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
const sameSet = (a: unknown, b: unknown): boolean =>
  JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort());

/** A command that runs the built `schakel estimate`, building it if needed; undefined if that is impossible. */
function cliCommand(): { command: string; args: string[]; note: string; cleanup?: () => void } | undefined {
  const built = join(root, 'dist/src/cli.js');
  const builtModule = join(root, 'dist/src/estimation/cli.js');
  const stale = (): boolean =>
    !existsSync(builtModule) ||
    readdirSync(join(root, 'src/estimation'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .some((f) => {
        const output = join(root, 'dist/src/estimation', f.replace(/\.ts$/, '.js'));
        return (
          !existsSync(output) || statSync(output).mtimeMs < statSync(join(root, 'src/estimation', f)).mtimeMs
        );
      });
  if (!existsSync(built) || stale()) {
    console.log('  dist/ is missing or older than src/estimation: running npx tsc -p tsconfig.build.json');
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) console.log(`  the project build failed:\n${build.stdout}${build.stderr}`);
  }
  if (existsSync(built) && !stale())
    return { command: process.execPath, args: [built, 'estimate'], note: 'dist/src/cli.js' };
  // The app does not build (or has no CLI yet): compile only the estimation library, outside the repository, and
  // run it through a two-line wrapper equivalent to `schakel estimate`.
  const out = mkdtempSync(join(tmpdir(), 'schakel-estimate-'));
  const sources = readdirSync(join(root, 'src/estimation'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(root, 'src/estimation', f));
  const compile = spawnSync(
    'npx',
    [
      'tsc',
      '--outDir',
      out,
      '--rootDir',
      join(root, 'src/estimation'),
      '--module',
      'nodenext',
      '--target',
      'es2023',
      '--moduleResolution',
      'nodenext',
      '--strict',
      '--skipLibCheck',
      '--types',
      'node',
      ...sources,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (compile.status !== 0) {
    console.log(`  compiling src/estimation alone failed too:\n${compile.stdout}${compile.stderr}`);
    rmSync(out, { recursive: true, force: true });
    return undefined;
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  writeFileSync(
    join(out, 'main.js'),
    "import { readFile } from 'node:fs/promises';\nimport { estimateCommand } from './cli.js';\n" +
      "process.exitCode = await estimateCommand(process.argv.slice(2), { readFile: (p) => readFile(p, 'utf8'), " +
      'out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });\n',
  );
  return {
    command: process.execPath,
    args: [join(out, 'main.js')],
    note: 'src/estimation compiled alone with a temporary wrapper (the project build is not available)',
    cleanup: () => rmSync(out, { recursive: true, force: true }),
  };
}

console.log(`Multiple systems estimation, UKdat: ${data.lists.length} lists, ${data.observed} people`);
console.log(`Node ${process.version}`);

// 1. Exhaustive search in process.
let exhaustiveModel: string[] = [];
let exhaustiveAic = NaN;
const exhaustive = await timeInProcess(async () => {
  const result = await estimate(data, { method: 'exhaustive' });
  exhaustiveModel = result.model.interactions;
  exhaustiveAic = result.model.aic;
}, 6);
console.log('\nExhaustive search, 32,768 models (existence checks included)');
console.log(
  `  TypeScript in process: ${seconds(exhaustive.median)} (median of 5 after a first run of ${seconds(exhaustive.first)}, which loads GLPK)`,
);
console.log(`  min AIC ${exhaustiveAic.toFixed(4)}: ${exhaustiveModel.join(', ')}`);

// 2. Stepwise in process.
const stepwiseTime = await timeInProcess(() => estimate(data), 21);
console.log(
  `\nStepwise (SparseMSE rule, p < 0.02)\n  TypeScript in process: ${(stepwiseTime.median * 1000).toFixed(0)} µs (median of 20)`,
);

const rVersion = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
const haveR = rVersion.status === 0;
let rSeconds: number | null = null;
let ratio: number | null = null;
let sameModel: boolean | null = null;
if (!haveR) {
  console.log(
    '\nRscript not found: skipping the comparison with R. To include it: apt-get install -y r-base-core r-cran-lpsolve',
  );
} else {
  console.log(`\nR: ${(rVersion.stderr || rVersion.stdout).trim()}`);
  const rExhaustive = timeCommand('Rscript', [rScript, dataFile, 'exhaustive']);
  if (rExhaustive.ok) {
    const r = lastJson(rExhaustive.stdout);
    rSeconds = Number(r.seconds);
    ratio = rSeconds / (exhaustive.median / 1000);
    sameModel = sameSet(r.interactions, exhaustiveModel) && Math.abs(Number(r.aic) - exhaustiveAic) < 1e-4;
    console.log(
      `  R glm loop, exhaustive: ${rSeconds.toFixed(3)} s in R (${seconds(rExhaustive.ms)} as a command)`,
    );
    console.log(`  min AIC ${Number(r.aic).toFixed(4)}: ${(r.interactions as string[]).join(', ')}`);
    console.log(`  ratio ${ratio.toFixed(0)}x, same model: ${sameModel}`);
  }
  const rStepwise = timeCommand('Rscript', [rScript, dataFile, 'stepwise']);
  if (rStepwise.ok) {
    const r = lastJson(rStepwise.stdout);
    console.log(
      `  R glm, stepwise: ${(Number(r.seconds) * 1000).toFixed(0)} ms in R (${seconds(rStepwise.ms)} as a command; ` +
        `LP check ${r.lp ? 'by lpSolve' : 'skipped: lpSolve missing'}), total ${Number(r.total).toFixed(1)}`,
    );
  }
}

// 3. Whole commands.
console.log('\nWhole commands (start-up, reading the file, GLPK and printing included)');
const cli = cliCommand();
if (!cli) {
  console.log('  schakel estimate: pending (neither the project nor src/estimation could be compiled)');
} else {
  for (const method of ['exhaustive', 'stepwise']) {
    const runs = [0, 1, 2].map(() =>
      timeCommand(cli.command, [...cli.args, dataFile, '--method', method, '--json']),
    );
    const ok = runs.every((r) => r.ok);
    const total = ok ? Number(lastJson(runs[0]!.stdout).total).toFixed(1) : 'failed';
    console.log(
      `  schakel estimate --method ${method}: ${seconds(median(runs.map((r) => r.ms)))} (median of 3), total ${total}`,
    );
  }
  if (haveR) {
    const r = timeCommand('Rscript', [rScript, dataFile, 'exhaustive']);
    const node = timeCommand(cli.command, [...cli.args, dataFile, '--method', 'exhaustive', '--json']);
    if (r.ok && node.ok)
      console.log(
        `  Rscript exhaustive ${seconds(r.ms)} vs schakel ${seconds(node.ms)}: ${(r.ms / node.ms).toFixed(0)}x`,
      );
  }
  console.log(`  (${cli.note})`);
  cli.cleanup?.();
}

console.log(
  JSON.stringify({
    bench: 'estimation',
    exhaustiveSeconds: Number((exhaustive.median / 1000).toFixed(4)),
    rSeconds,
    ratio: ratio === null ? null : Number(ratio.toFixed(1)),
    sameModel,
  }),
);
