// Being written: registered here so the module's entry point is complete.
import type { FastifyInstance } from 'fastify';

export function publicReportRoutes(app: FastifyInstance): void {
  void app;
}
