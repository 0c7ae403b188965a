#!/usr/bin/env node
// The `schakel` command line. Each command loads only what it needs, so that quick commands start quickly.
import { parseArgs } from 'node:util';

const USAGE = `Usage: schakel <command> [options]

Commands:
  serve                         serve Schakel (same as npm start)
  migrate                       apply pending database migrations
  seed --demo                   add the demo organisations and users to an empty database
  users add --email E --name N --organisation ORG --role R [--role R2]
                                add a user; prints a one-time activation code
  audit verify                  link pending audit events, then check the hash chain; names the first broken link
  reference list [--kind K] [--year Y]
                                list municipalities (or regions of kind K)
  backup --out FILE [--pg-bin DIR]
                                back up the database (pg_dump, or the embedded folder while stopped); the
                                master key is never in a backup
  restore --from FILE [--force] [--pg-bin DIR]
                                restore into an empty database (or a new data folder), then check the master
                                key and the audit chain
  keys rotate                   add a data key for new encryptions (older keys stay for decryption)
  keys rewrap                   wrap every data key under a new master key (SCHAKEL_NEW_MASTER_KEY)
  demo totp EMAIL               the current second-factor code of a demo user
  estimate FILE.csv [options]   multiple systems estimation (see docs/estimation.md)
  report progress --plan CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format docx|html] [--out FILE]
                                the progress report to Parliament (plan codes: 2024, 2018; see
                                schakel report progress --help and docs/actionplan.md)

Settings come from the environment (DATABASE_URL, SCHAKEL_DATA_DIR, ...; see docs/operations.md).`;

async function runtime() {
  const { loadConfig } = await import('./config.js');
  const { openRuntime } = await import('./bootstrap.js');
  return openRuntime(loadConfig());
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { loadConfig } = await import('./config.js');
      const { serve } = await import('./server.js');
      await serve(loadConfig());
      return -1;
    }
    case 'migrate': {
      const rt = await runtime();
      console.log(rt.migrated.length ? `Applied: ${rt.migrated.join(', ')}` : 'The database is up to date.');
      await rt.database.close();
      return 0;
    }
    case 'seed': {
      if (sub !== '--demo') return usage('seed needs --demo');
      const rt = await runtime();
      const { systemCtx } = await import('./bootstrap.js');
      const { seedDemo, formatDemoLogins } = await import('./demo/seed.js');
      const logins = await seedDemo(systemCtx(rt, 'cli seed'));
      console.log(
        logins.length ? formatDemoLogins(logins) : 'The database has organisations already; nothing seeded.',
      );
      await rt.database.close();
      return 0;
    }
    case 'users': {
      if (sub !== 'add') return usage('users takes: add');
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          organisation: { type: 'string' },
          role: { type: 'string', multiple: true },
        },
      });
      if (!values.email || !values.name || !values.organisation || !values.role?.length)
        return usage('users add needs --email, --name, --organisation and at least one --role');
      const { addUserFromCli } = await import('./organisations/cli.js');
      const rt = await runtime();
      try {
        const result = await addUserFromCli(rt, {
          email: values.email,
          displayName: values.name,
          organisation: values.organisation,
          roles: values.role,
        });
        console.log(result);
        return 0;
      } finally {
        await rt.database.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify') return usage('audit takes: verify');
      const rt = await runtime();
      const { verifyAuditChain } = await import('./audit/index.js');
      const verdict = await verifyAuditChain(rt.database.db);
      await rt.database.close();
      if (verdict.ok) {
        console.log(`Audit chain intact: ${verdict.checked} events checked.`);
        return 0;
      }
      console.error(
        `Audit chain BROKEN at event ${verdict.brokenAt.seq} (${verdict.brokenAt.id}): ${verdict.brokenAt.reason}. ${verdict.checked} events before it are intact.`,
      );
      return 1;
    }
    case 'reference': {
      if (sub !== 'list') return usage('reference takes: list');
      const { values } = parseArgs({
        args: rest,
        options: { kind: { type: 'string' }, year: { type: 'string' } },
      });
      const { formatReferenceList } = await import('./reference/cli.js');
      const rt = await runtime();
      try {
        console.log(
          await formatReferenceList(rt.database.db, {
            kind: values.kind,
            year: values.year ? Number(values.year) : undefined,
          }),
        );
        return 0;
      } finally {
        await rt.database.close();
      }
    }
    case 'keys': {
      const { loadConfig } = await import('./config.js');
      const { keysCommand } = await import('./crypto/cli.js');
      const result = await keysCommand(sub, loadConfig());
      (result.code === 0 ? console.log : console.error)(result.message);
      return result.code;
    }
    case 'backup':
    case 'restore': {
      const { loadConfig } = await import('./config.js');
      const { backupCommand, restoreCommand } = await import('./backup/index.js');
      const run = command === 'backup' ? backupCommand : restoreCommand;
      return run(
        [sub, ...rest].filter((a): a is string => a !== undefined),
        loadConfig(),
        { out: (text) => console.log(text), err: (text) => console.error(text) },
      );
    }
    case 'demo': {
      if (sub !== 'totp' || !rest[0]) return usage('demo totp needs the e-mail address of a demo user');
      const { demoTotpSecret, DEMO_DOMAIN } = await import('./auth/demo.js');
      const { totpCode } = await import('./auth/totp.js');
      if (!rest[0].endsWith(`@${DEMO_DOMAIN}`)) {
        console.error(`Only demo users (…@${DEMO_DOMAIN}) have a code this command can show.`);
        return 1;
      }
      const now = new Date();
      console.log(totpCode(demoTotpSecret(rest[0]), now));
      console.error(`(valid for ${30 - (Math.floor(now.getTime() / 1000) % 30)} more seconds)`);
      return 0;
    }
    case 'estimate': {
      const { estimateCommand } = await import('./estimation/cli.js');
      const { readFile } = await import('node:fs/promises');
      return estimateCommand(
        [sub, ...rest].filter((a): a is string => a !== undefined),
        {
          readFile: (path) => readFile(path, 'utf8'),
          out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
          err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
        },
      );
    }
    case 'report': {
      const { reportCommand, REPORT_USAGE } = await import('./actionplan/report-cli.js');
      if (sub !== 'progress') {
        if (sub === '--help' || sub === '-h') {
          console.log(REPORT_USAGE);
          return 0;
        }
        return usage('report takes: progress');
      }
      const { writeFile } = await import('node:fs/promises');
      return reportCommand(rest, {
        open: async () => {
          const rt = await runtime();
          const { systemCtx } = await import('./bootstrap.js');
          return { ctx: systemCtx(rt, 'cli report progress'), close: () => rt.database.close() };
        },
        writeFile: (path, data) => writeFile(path, data),
        out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
        err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
      });
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      return usage(`Unknown command: ${command}`);
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  const { ConfigError } = await import('./config.js');
  const { DomainError } = await import('./errors.js');
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof DomainError)
    console.error(
      `${error.message}${error.issues.length ? `: ${error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}` : ''}`,
    );
  else console.error(error);
  process.exitCode = 1;
}
