// Prometheus metrics on a registry of this app's own, so that several apps in one test process do not collide.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';

export interface Metrics {
  registry: Registry;
  observe(method: string, route: string, status: number, elapsedMs: number): void;
}

export function createMetrics(database: Database): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'schakel', database: database.kind });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'schakel_http_requests_total',
    help: 'HTTP requests by route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'schakel_http_request_duration_seconds',
    help: 'HTTP request duration by route template',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    observe(method, route, status, elapsedMs) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, elapsedMs / 1000);
    },
  };
}
