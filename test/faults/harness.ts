// Shared by the fault test (test/faults/*.test.ts) and the intake benchmark (bench/intake.ts): Schakel as a real
// child process on a real PostgreSQL server, the demo melder's login through the API, generated signals that vary
// like real ones, concurrent clients that record every acknowledgement, and the check of the database against them.
// Traffic goes to 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { demoTotpSecret, totpCode } from '../../src/auth/index.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo set's melder and aandachtsfunctionaris, both of Gemeente Utrecht (src/demo/seed.ts). */
export const DEMO_MELDER = 'melder.utrecht@demo.schakel.example';
export const DEMO_AANDACHTSFUNCTIONARIS = 'aandacht.utrecht@demo.schakel.example';
export const DEMO_MUNICIPALITY = 'GM0344';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True for the short form: `SCHAKEL_FAULTS_SHORT=1`, or under CI (the normal `npm test`). */
export function shortForm(): boolean {
  return ['1', 'true'].includes(process.env.SCHAKEL_FAULTS_SHORT ?? '') || process.env.CI === 'true';
}

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Schakel as a child process

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

/**
 * How to run Schakel's `main` (the server) or `cli`: the built `dist/src/*.js` when it is newer than every file in
 * `src/` (it starts faster), otherwise the sources through tsx, so a stale build is never measured or tested.
 */
export function schakelCommand(entry: 'main' | 'cli' = 'main'): { args: string[]; built: boolean } {
  const built = join(ROOT, 'dist', 'src', `${entry}.js`);
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'))) {
    return { args: [built], built: true };
  }
  return { args: ['--import', 'tsx', join(ROOT, 'src', `${entry}.ts`)], built: false };
}

// Children still running. A test that fails half-way must not leave a Schakel process behind.
const running = new Set<ChildProcess>();
let exitHandlersInstalled = false;

function installExitHandlers(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  const killAll = () => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

export interface SchakelOptions {
  databaseUrl: string;
  /** A folder of the caller's: the process's data folder (unused on PostgreSQL but kept out of ./data) and log. */
  workDir: string;
  /** Extra environment, e.g. `{ SCHAKEL_FAULT_ACK_BEFORE_COMMIT: 'true' }`. */
  env?: Record<string, string>;
  logLevel?: string;
  /** Extra options for node, e.g. `['--cpu-prof', '--cpu-prof-dir=/tmp/profiles']` to see where the time goes. */
  nodeArgs?: string[];
}

/** One Schakel server that can be killed and started again on the same port, so clients keep their address. */
export class SchakelProcess {
  /** How many times it was started. */
  starts = 0;
  readonly logFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly port: number,
    private readonly options: SchakelOptions,
  ) {
    this.logFile = join(options.workDir, 'schakel.log');
    // Drop PG* variables and the developer's own settings for the database: the harness decides where it goes.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('PG') && key !== 'DATABASE_URL'),
    );
    this.env = {
      ...inherited,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      SCHAKEL_DATA_DIR: join(options.workDir, 'data'),
      // Fixed for the process's life: the TOTP secrets the first start stores must decrypt after every restart.
      SCHAKEL_MASTER_KEY: randomBytes(32).toString('base64'),
      SCHAKEL_DEMO: 'true',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    };
  }

  static async create(options: SchakelOptions): Promise<SchakelProcess> {
    installExitHandlers();
    return new SchakelProcess(await freePort(), options);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get isRunning(): boolean {
    return this.child !== undefined;
  }

  /** Starts the process and resolves once it serves (it has migrated and seeded by then). */
  async start(): Promise<void> {
    if (this.child) throw new Error('Schakel is running already');
    const offset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const log = openSync(this.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), ...schakelCommand().args], {
        cwd: ROOT,
        env: this.env,
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    let exit: string | undefined;
    this.child = child;
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exit = signal ?? `code ${code}`;
        running.delete(child);
        if (this.child === child) this.child = undefined;
        resolve();
      });
      child.once('error', (error) => {
        exit = error.message;
        running.delete(child);
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    this.starts++;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const output = (await readFile(this.logFile)).subarray(offset).toString();
      if (/Schakel serves http:\/\//.test(output)) return;
      if (exit !== undefined) {
        throw new Error(`Schakel exited (${exit}) before serving:\n${output.slice(-4000)}`);
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`Schakel did not serve within 90 s:\n${output.slice(-4000)}`);
      }
      await sleep(15);
    }
  }

  /** SIGKILL: no shutdown, no finishing of open requests; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (graceful), then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Runs the `schakel` command line with this server's settings (database, master key). */
  cli(args: string[]): { status: number; output: string } {
    const result = spawnSync(process.execPath, [...schakelCommand('cli').args, ...args], {
      cwd: ROOT,
      env: this.env,
      encoding: 'utf8',
    });
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  }

  async logTail(chars = 4000): Promise<string> {
    try {
      return (await readFile(this.logFile, 'utf8')).slice(-chars);
    } catch {
      return '(no log)';
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A keep-alive HTTP/1.1 client with at most `connections` sockets, on node:http. */
export class HttpClient {
  readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    connections: number,
  ) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`only 127.0.0.1, not ${baseUrl}`);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
      const req = request(`${this.baseUrl}${path}`, { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(options.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function sessionCookie(headers: IncomingHttpHeaders): string | undefined {
  for (const line of headers['set-cookie'] ?? []) {
    const match = /^schakel_sessie=([^;]*)/.exec(line);
    if (match?.[1]) return `schakel_sessie=${match[1]}`;
  }
  return undefined;
}

/**
 * Logs a demo user in through the API: password, the TOTP code of its derived secret, and the organisation when it
 * has several. Returns the session cookie. A TOTP step is accepted once per user, so a second login of the same
 * user within 30 s must pass `at` a step later.
 */
export async function login(
  baseUrl: string,
  email: string,
  options: { at?: Date; organisationName?: string } = {},
): Promise<string> {
  const http = new HttpClient(baseUrl, 1);
  const json = { 'content-type': 'application/json' };
  try {
    const first = await http.request('POST', '/api/v1/sessies', {
      headers: json,
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (first.status !== 201) throw new Error(`login of ${email}: ${first.status} ${first.body}`);
    let cookie = sessionCookie(first.headers)!;
    let next = (JSON.parse(first.body) as { next: string }).next;
    if (next === 'second-factor') {
      const code = totpCode(demoTotpSecret(email), options.at ?? new Date());
      const second = await http.request('POST', '/api/v1/sessies/huidige/tweede-factor', {
        headers: { ...json, cookie },
        body: JSON.stringify({ code }),
      });
      if (second.status !== 200)
        throw new Error(`second factor of ${email}: ${second.status} ${second.body}`);
      cookie = sessionCookie(second.headers) ?? cookie;
      next = (JSON.parse(second.body) as { next: string }).next;
    }
    if (next === 'choose-organisation') {
      const current = await http.request('GET', '/api/v1/sessies/huidige', { headers: { cookie } });
      const { organisations } = JSON.parse(current.body) as { organisations: { id: string; name: string }[] };
      const chosen = organisations.find((o) => o.name === options.organisationName) ?? organisations[0];
      if (!chosen || (organisations.length > 1 && !options.organisationName)) {
        throw new Error(`${email} has several organisations: say which one`);
      }
      const answer = await http.request('POST', '/api/v1/sessies/huidige/organisatie', {
        headers: { ...json, cookie },
        body: JSON.stringify({ organisationId: chosen.id }),
      });
      if (answer.status !== 204) throw new Error(`choosing ${chosen.name}: ${answer.status} ${answer.body}`);
    } else if (next !== 'done') {
      throw new Error(`login of ${email} stopped at ${next}`);
    }
    return cookie;
  } finally {
    http.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Signals

export interface SignalBody {
  municipalityCode: string;
  observedOn: string;
  forms: string[];
  indicators: string[];
  narrative: string;
  acuteDanger: boolean;
  minorsInvolved: boolean;
  seriousDisadvantage?: boolean;
  sector?: string;
  persons: {
    role: string;
    description?: string;
    approximateAge?: number;
    gender?: string;
    nationality?: string;
  }[];
  identifiers: { type: string; value: string }[];
}

export interface SignalRequest {
  /** The Idempotency-Key, unique per submission (a retry sends the same key and body). */
  key: string;
  body: SignalBody;
  json: string;
}

// The forms and the number of indicators each has in the catalogue (src/signals/data/indicators-v1.csv).
const FORMS: [string, string, number][] = [
  ['seksuele-uitbuiting', 'SU', 14],
  ['arbeidsuitbuiting', 'AU', 15],
  ['criminele-uitbuiting', 'CU', 14],
  ['overige-uitbuiting', 'OU', 8],
  ['orgaanverwijdering', 'OV', 5],
];
const FORM_WEIGHTS = [0.4, 0.35, 0.2, 0.04, 0.01];
const SECTORS = ['land-en-tuinbouw', 'bouw', 'horeca', 'schoonmaak', 'transport-en-logistiek', 'seksbranche'];

const SENTENCES = [
  'Bij een controle in de nachtelijke uren trof de melder een groep arbeiders aan die in een loods sliepen.',
  'De werkgever hield de paspoorten in bewaring en betaalde het loon contant uit, ver onder het minimumloon.',
  'Een buurtbewoner zag dat steeds andere jonge vrouwen het pand binnengingen, vaak laat op de avond.',
  'De betrokkene vertelde dat zij een schuld moest afbetalen voor de reis en de huisvesting.',
  'Er werd gezegd dat de familie in het land van herkomst iets zou overkomen als hij zou vertrekken.',
  'De advertenties werden geplaatst vanaf steeds hetzelfde telefoonnummer, met wisselende namen.',
  'Meerdere personen stonden ingeschreven op één adres, zonder dat zij daar daadwerkelijk woonden.',
  'De betrokkene sprak nauwelijks Nederlands en kon niet zeggen in welke plaats zij zich bevond.',
  'Het bedrijf wisselt vaak van naam en inschrijving bij de Kamer van Koophandel.',
  'De melder maakt zich zorgen over de veiligheid van de betrokkene en vraagt om een snelle beoordeling.',
  'Een collega van het wijkteam herkende het kenteken van een bus die de arbeiders dagelijks ophaalt.',
  'De betrokkene had verwondingen en gaf geen duidelijke uitleg over hoe die waren ontstaan.',
];
const DESCRIPTIONS = [
  'Lang donker haar, tatoeage op de linkerpols.',
  'Draagt werkkleding van een uitzendbureau, spreekt Pools.',
  'Rijdt in een witte bestelbus, treedt op als tussenpersoon.',
  'Jongen van ongeveer zestien, komt na school naar het adres.',
];
const NATIONALITIES = ['NL', 'PL', 'RO', 'BG', 'UA', 'NG', 'VN', 'SY', 'ER', 'HU', 'LT', 'BR'];
const GENDERS = ['vrouw', 'man', 'anders', 'onbekend'];
const ROLES = ['mogelijk-slachtoffer', 'mogelijk-slachtoffer', 'mogelijke-dader', 'overig'];
const LETTERS = 'BDFGHJKLNPRSTVXZ';

/** A valid Dutch IBAN for a made-up account (ISO 13616 check digits). */
function dutchIban(bank: string, account: string): string {
  const numeric = `${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return `NL${String(98 - rest).padStart(2, '0')}${bank}${account}`;
}

/**
 * A generator of valid, varied submissions: one or two forms with some of their indicators, a narrative of about
 * 300 to 1,500 characters, one to three persons, one to four identifiers of every type, different dates and flags.
 * `tag` makes every key (and narrative) unique across runs.
 */
export function signalFactory(seed: number, tag: string): () => SignalRequest {
  const rng = randomGenerator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  const letters = (n: number) => Array.from({ length: n }, () => pick([...LETTERS])).join('');
  const weighted = () => {
    let r = rng();
    for (let i = 0; i < FORMS.length; i++) if ((r -= FORM_WEIGHTS[i]!) < 0) return FORMS[i]!;
    return FORMS[0]!;
  };
  const identifier = (): { type: string; value: string } => {
    const r = rng();
    if (r < 0.35) return { type: 'phone', value: `06${1 + Math.floor(rng() * 5)}${digits(7)}` };
    if (r < 0.5) return { type: 'email', value: `${letters(6).toLowerCase()}${digits(3)}@voorbeeld.nl` };
    if (r < 0.62) {
      const postcode = `${1 + Math.floor(rng() * 9)}${digits(3)} ${letters(2).replace(/S/g, 'T')}`;
      return { type: 'address', value: `${postcode} ${1 + Math.floor(rng() * 200)}` };
    }
    if (r < 0.72) return { type: 'licence-plate', value: `${letters(2)}-${digits(2)}-${digits(2)}` };
    if (r < 0.82)
      return { type: 'iban', value: dutchIban(pick(['ABNA', 'INGB', 'RABO', 'SNSB']), digits(10)) };
    if (r < 0.92) return { type: 'kvk', value: `${1 + Math.floor(rng() * 9)}${digits(7)}` };
    return { type: 'url', value: `https://advertenties.voorbeeld.nl/profiel/${digits(8)}` };
  };
  const today = Date.now();
  let seq = 0;
  return () => {
    seq++;
    const key = `${tag}-${seq}`;
    const chosen = [weighted()];
    if (rng() < 0.2) chosen.push(weighted());
    const forms = [...new Set(chosen.map(([form]) => form))];
    const indicators = [
      ...new Set(
        chosen.flatMap(([, prefix, count]) =>
          Array.from(
            { length: Math.floor(rng() * 4) },
            () => `${prefix}-${String(1 + Math.floor(rng() * count)).padStart(2, '0')}`,
          ),
        ),
      ),
    ];
    const sentences = Array.from({ length: 3 + Math.floor(rng() * 12) }, () => pick(SENTENCES));
    const persons = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
      role: pick(ROLES),
      ...(rng() < 0.3 ? { description: pick(DESCRIPTIONS) } : {}),
      ...(rng() < 0.8 ? { approximateAge: 14 + Math.floor(rng() * 45) } : {}),
      gender: pick(GENDERS),
      ...(rng() < 0.7 ? { nationality: pick(NATIONALITIES) } : {}),
    }));
    // Distinct by construction: intake drops a repeated identifier, which the durability check would count as missing.
    const identifiers = new Map<string, { type: string; value: string }>();
    const wanted = 1 + Math.floor(rng() * 4);
    while (identifiers.size < wanted) {
      const item = identifier();
      identifiers.set(`${item.type}:${item.value}`, item);
    }
    const body: SignalBody = {
      municipalityCode: DEMO_MUNICIPALITY,
      observedOn: new Date(today - (1 + Math.floor(rng() * 60)) * 86_400_000).toISOString().slice(0, 10),
      forms,
      indicators,
      narrative: `${sentences.join(' ')} (${key})`,
      acuteDanger: rng() < 0.1,
      minorsInvolved: rng() < 0.1,
      ...(forms.includes('arbeidsuitbuiting')
        ? { seriousDisadvantage: rng() < 0.3, sector: pick(SECTORS) }
        : {}),
      persons,
      identifiers: [...identifiers.values()],
    };
    return { key, body, json: JSON.stringify(body) };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Submitting with acknowledgements recorded

export interface Acknowledgement {
  id: string;
  reference: string;
  answer: unknown;
}

/** Everything the clients sent and what was acknowledged (201 with an id). */
export class IntakeLedger {
  /** Every submission, by Idempotency-Key. */
  readonly requests = new Map<string, SignalRequest>();
  /** The first 201 for each key. */
  readonly acknowledged = new Map<string, Acknowledgement>();
  attempts = 0;
  /** Attempts without an answer (connection refused or reset, timeout): unacknowledged. */
  connectionErrors = 0;
  /** Attempts answered 5xx: unacknowledged. */
  serverErrors = 0;
  /** Repeats (same key, same body) answered 201 with the first answer again. */
  repeatsAnswered = 0;
  /** Submissions acknowledged on a retry, after an attempt that went unanswered. */
  acknowledgedOnRetry = 0;
  private readonly failed = new Set<string>();
  /** Answers that break the contract: unexpected statuses, a repeat answered with another signal or body. */
  readonly problems: string[] = [];
  private waiters: (() => void)[] = [];

  /** Resolves at the next acknowledgement. */
  nextAcknowledgement(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  record(request: SignalRequest, answer: HttpAnswer | Error): 'acknowledged' | 'failed' | 'refused' {
    this.attempts++;
    this.requests.set(request.key, request);
    if (answer instanceof Error) {
      this.connectionErrors++;
      this.failed.add(request.key);
      return 'failed';
    }
    if (answer.status === 201) {
      let parsed: { id?: unknown; reference?: unknown };
      try {
        parsed = JSON.parse(answer.body) as typeof parsed;
      } catch {
        this.problems.push(`${request.key}: 201 without JSON: ${answer.body.slice(0, 200)}`);
        return 'refused';
      }
      if (typeof parsed.id !== 'string' || typeof parsed.reference !== 'string') {
        this.problems.push(`${request.key}: 201 without id and reference: ${answer.body.slice(0, 200)}`);
        return 'refused';
      }
      const first = this.acknowledged.get(request.key);
      if (first) {
        if (first.id !== parsed.id) {
          this.problems.push(`${request.key}: repeat answered with signal ${parsed.id}, first ${first.id}`);
        } else if (!isDeepStrictEqual(first.answer, parsed)) {
          this.problems.push(`${request.key}: repeat answered with another body`);
        } else {
          this.repeatsAnswered++;
        }
      } else {
        this.acknowledged.set(request.key, { id: parsed.id, reference: parsed.reference, answer: parsed });
        if (this.failed.has(request.key)) this.acknowledgedOnRetry++;
      }
      for (const resolve of this.waiters.splice(0)) resolve();
      return 'acknowledged';
    }
    if (answer.status >= 500) {
      this.serverErrors++;
      this.failed.add(request.key);
      return 'failed';
    }
    if (this.problems.length < 50) {
      this.problems.push(`${request.key}: ${answer.status} ${answer.body.slice(0, 300)}`);
    }
    return 'refused';
  }
}

export function submit(http: HttpClient, cookie: string, request: SignalRequest): Promise<HttpAnswer> {
  return http.request('POST', '/api/v1/signalen', {
    headers: { 'content-type': 'application/json', 'idempotency-key': request.key, cookie },
    body: request.json,
    timeoutMs: 15_000,
  });
}

export interface ClientsOptions {
  http: HttpClient;
  cookie: string;
  clients: number;
  ledger: IntakeLedger;
  next: () => SignalRequest;
  rng: () => number;
  /** Share of unacknowledged submissions sent again with the same key (a client retrying). */
  retryShare?: number;
  /** Share of acknowledged submissions sent again with the same key (a double click): must give the same answer. */
  repeatShare?: number;
}

/**
 * Starts `clients` loops that submit signals back to back. `stop()` ends them after their current request, then
 * sends every pending retry and repeat once more (the server must be up by then), and resolves.
 */
export function startClients(options: ClientsOptions): { stop(): Promise<void> } {
  const { http, cookie, ledger, next, rng } = options;
  const retryShare = options.retryShare ?? 0.5;
  const repeatShare = options.repeatShare ?? 0.02;
  const pending: SignalRequest[] = [];
  let stopping = false;

  const attempt = async (request: SignalRequest) => {
    let answer: HttpAnswer | Error;
    try {
      answer = await submit(http, cookie, request);
    } catch (error) {
      answer = error instanceof Error ? error : new Error(String(error));
    }
    return ledger.record(request, answer);
  };

  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      const request = pending.shift() ?? next();
      const wasAcknowledged = ledger.acknowledged.has(request.key);
      const outcome = await attempt(request);
      if (outcome === 'failed') {
        if (rng() < retryShare) pending.push(request);
        // The server or its database is down: back off as a real client would (20 ms doubling up to 640 ms).
        await sleep((10 << Math.min(++failures, 6)) * (0.5 + rng()));
      } else {
        failures = 0;
        if (outcome === 'acknowledged' && !wasAcknowledged && rng() < repeatShare) pending.push(request);
      }
    }
  };

  const loops = Array.from({ length: options.clients }, loop);
  return {
    async stop() {
      stopping = true;
      await Promise.all(loops);
      for (const request of pending.splice(0)) {
        if ((await attempt(request)) === 'failed') {
          ledger.problems.push(`${request.key}: the final retry failed too`);
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the database holds

export interface DurabilityReport {
  submissions: number;
  acknowledged: number;
  stored: number;
  /** Acknowledged, but not in the database under the acknowledged id. */
  lost: string[];
  /** A submission stored as more than one signal. */
  duplicated: string[];
  /** Stored signals whose person or identifier rows differ from the submission: half written. */
  incomplete: string[];
  /** Stored signals that belong to no submission (no idempotency key, or an unknown one). */
  strays: string[];
  /** Committed although no 201 reached the client (allowed: the answer was lost, not the signal). */
  storedUnacknowledged: number;
}

export async function checkStored(databaseUrl: string, ledger: IntakeLedger): Promise<DurabilityReport> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: { id: string; key: string | null; persons: number; identifiers: number }[];
  try {
    rows = (
      await client.query<{ id: string; key: string | null; persons: number; identifiers: number }>(
        `select s.id, k.key,
           (select count(*) from signal_persons p where p.signal_id = s.id)::int as persons,
           (select count(*) from signal_identifiers i where i.signal_id = s.id)::int as identifiers
         from signals s left join signal_idempotency_keys k on k.signal_id = s.id`,
      )
    ).rows;
  } finally {
    await client.end();
  }
  const byKey = new Map<string, typeof rows>();
  const report: DurabilityReport = {
    submissions: ledger.requests.size,
    acknowledged: ledger.acknowledged.size,
    stored: rows.length,
    lost: [],
    duplicated: [],
    incomplete: [],
    strays: [],
    storedUnacknowledged: 0,
  };
  for (const row of rows) {
    const request = row.key === null ? undefined : ledger.requests.get(row.key);
    if (!request || row.key === null) {
      report.strays.push(`${row.id} (key ${row.key ?? 'none'})`);
      continue;
    }
    byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const want = { persons: request.body.persons.length, identifiers: request.body.identifiers.length };
    if (row.persons !== want.persons || row.identifiers !== want.identifiers) {
      report.incomplete.push(
        `${row.key} (${row.id}): ${row.persons}/${want.persons} persons, ${row.identifiers}/${want.identifiers} identifiers`,
      );
    }
    if (!ledger.acknowledged.has(row.key)) report.storedUnacknowledged++;
  }
  for (const [key, stored] of byKey) {
    if (stored.length > 1) report.duplicated.push(`${key}: ${stored.map((s) => s.id).join(', ')}`);
  }
  for (const [key, ack] of ledger.acknowledged) {
    const stored = byKey.get(key) ?? [];
    if (!stored.some((s) => s.id === ack.id)) {
      report.lost.push(
        `${key} → ${ack.id} (${ack.reference})${stored.length ? `, stored as ${stored[0]!.id}` : ''}`,
      );
    }
  }
  return report;
}

export function describeReport(report: DurabilityReport): string {
  const list = (items: string[]) => (items.length ? ` (${items.slice(0, 5).join('; ')}…)` : '');
  return [
    `${report.submissions} submissions, ${report.acknowledged} acknowledged, ${report.stored} stored`,
    `(${report.storedUnacknowledged} stored without an acknowledgement); lost ${report.lost.length}${list(report.lost)},`,
    `duplicated ${report.duplicated.length}${list(report.duplicated)}, half written ${report.incomplete.length}${list(report.incomplete)},`,
    `strays ${report.strays.length}${list(report.strays)}`,
  ].join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// The kill run

/** Waits for `count` more acknowledgements; fails after 30 s without one, naming what the clients saw. */
export async function acknowledgements(
  ledger: IntakeLedger,
  count: number,
  schakel?: SchakelProcess,
): Promise<void> {
  const target = ledger.acknowledged.size + count;
  let seen = ledger.acknowledged.size;
  let deadline = Date.now() + 30_000;
  while (ledger.acknowledged.size < target) {
    if (ledger.acknowledged.size > seen) {
      seen = ledger.acknowledged.size;
      deadline = Date.now() + 30_000;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no acknowledgement for 30 s (${ledger.connectionErrors} connection errors, ${ledger.serverErrors} server errors; ` +
          `problems: ${ledger.problems.slice(0, 3).join('; ') || 'none'})\n${schakel ? await schakel.logTail() : ''}`,
      );
    }
    await Promise.race([ledger.nextAcknowledgement(), sleep(1000)]);
  }
}

export interface KillRunOptions {
  databaseUrl: string;
  workDir: string;
  kills: number;
  clients: number;
  seed: number;
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface KillRunResult {
  /** Stopped by then; its `cli()` still runs commands with its settings. */
  schakel: SchakelProcess;
  report: DurabilityReport;
  ledger: IntakeLedger;
  kills: number;
  seconds: number;
}

/**
 * Schakel under concurrent intake, SIGKILLed `kills` times and started again each time; the clients go on
 * throughout. Each kill comes after a random number (3 to 40) of acknowledgements, half of them at once (right
 * after an answer left the server) and half a random 0 to 50 ms later (in the middle of other requests).
 */
export async function killRun(options: KillRunOptions): Promise<KillRunResult> {
  const started = performance.now();
  const rng = randomGenerator(options.seed);
  const schakel = await SchakelProcess.create({
    databaseUrl: options.databaseUrl,
    workDir: options.workDir,
    ...(options.env ? { env: options.env } : {}),
  });
  const http = new HttpClient(schakel.url, options.clients);
  const ledger = new IntakeLedger();
  try {
    await schakel.start();
    const cookie = await login(schakel.url, DEMO_MELDER);
    const clients = startClients({
      http,
      cookie,
      clients: options.clients,
      ledger,
      next: signalFactory(options.seed, `kill-${options.seed}`),
      rng,
    });
    try {
      for (let kill = 1; kill <= options.kills; kill++) {
        await acknowledgements(ledger, 3 + Math.floor(rng() * 38), schakel);
        if (kill % 2 === 0) await sleep(rng() * 50);
        await schakel.kill();
        options.log?.(
          `kill ${kill}/${options.kills}: ${ledger.acknowledged.size} acknowledged, ${ledger.attempts} attempts`,
        );
        await schakel.start();
      }
      // Some acknowledgements after the last restart, then the clients stop.
      await acknowledgements(ledger, 10);
    } finally {
      await clients.stop();
    }
    // Double submissions on purpose: the first few acknowledged ones again, each must get its first answer.
    for (const key of [...ledger.acknowledged.keys()].slice(0, 5)) {
      const request = ledger.requests.get(key)!;
      ledger.record(request, await submit(http, cookie, request).catch((error: Error) => error));
    }
    await schakel.stop();
    const report = await checkStored(options.databaseUrl, ledger);
    return { schakel, report, ledger, kills: options.kills, seconds: (performance.now() - started) / 1000 };
  } finally {
    http.close();
    await schakel.kill();
  }
}

/** Runs a PostgreSQL client binary (pgbench, psql) from the server's bin folder, with the PG* variables dropped. */
export function runPgTool(binDir: string, tool: string, args: string[]): { status: number; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  const result = spawnSync(join(binDir, tool), args, {
    env: { ...env, LC_ALL: 'C.UTF-8' },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
