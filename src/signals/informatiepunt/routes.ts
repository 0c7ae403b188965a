// Being written: registered here so the module's entry point is complete.
import type { FastifyInstance } from 'fastify';

export function informatiepuntRoutes(app: FastifyInstance): void {
  void app;
}
