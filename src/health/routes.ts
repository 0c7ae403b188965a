// Liveness (the process answers), readiness (database reachable, migrations current) and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { listMigrations, migrationStatus } from '../db/migrate.js';
import type { Metrics } from './metrics.js';

const READY_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: FastifyInstance, database: Database, metrics: Metrics): void {
  const migrations = listMigrations();
  const hidden = { hide: true } as never;

  app.get('/health/live', { config: { access: 'public' }, schema: hidden }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { config: { access: 'public' }, schema: hidden }, async (_req, reply) => {
    try {
      await withTimeout(database.ping(), READY_TIMEOUT_MS);
      const { pending } = await withTimeout(migrationStatus(database, migrations), READY_TIMEOUT_MS);
      if (pending.length)
        return reply.code(503).send({ status: 'not-ready', reason: 'migrations-pending', pending });
      return { status: 'ready', database: database.kind };
    } catch (error) {
      return reply
        .code(503)
        .send({ status: 'not-ready', reason: 'database-unreachable', detail: (error as Error).message });
    }
  });

  app.get('/metrics', { config: { access: 'public' }, schema: hidden }, async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
