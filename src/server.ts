// Serving Schakel: migrate, seed the demo set on a new embedded database, serve, and shut down gracefully.
import { buildApp } from './app.js';
import { startAuditChainer } from './audit/index.js';
import { deleteStaleSessions } from './auth/index.js';
import { openRuntime, systemCtx } from './bootstrap.js';
import type { Config } from './config.js';
import { formatDemoLogins, seedDemo } from './demo/seed.js';

export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  const ctx = systemCtx(runtime, 'start');
  if (runtime.migrated.length) ctx.log.info({ migrations: runtime.migrated }, 'database migrated');
  if (config.seedDemo) {
    const logins = await seedDemo(ctx);
    if (logins.length) console.log(`\n${formatDemoLogins(logins)}\n`);
    else
      console.log(
        'Demo users exist already; their logins are listed in the README (npx schakel demo totp EMAIL for the code).',
      );
  }
  const app = await buildApp(runtime);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
  const where = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
  console.log(`Schakel serves http://${host}:${port} on ${where}`);

  const cleanup = setInterval(() => {
    deleteStaleSessions(runtime.database.db, new Date(Date.now() - 86_400_000)).catch((error) =>
      app.log.warn({ err: error }, 'session cleanup failed'),
    );
  }, 3_600_000);
  cleanup.unref();
  // Audited transactions leave their events pending; this links them into the hash chain (decision 0005).
  let chainWarnedAt = 0;
  const chainer = startAuditChainer(runtime.database.db, {
    intervalMs: 200,
    onError: (error) => {
      // At most one warning in ten seconds: while the database is away every pass fails.
      if (Date.now() - chainWarnedAt < 10_000) return;
      chainWarnedAt = Date.now();
      app.log.warn(
        { err: error },
        'linking the audit chain failed; events stay pending until it works again',
      );
    },
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing open requests');
    clearInterval(cleanup);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await chainer.stop();
    await runtime.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
