// Builds the Ctx services receive: the database or current transaction, the actor, the clock and the audit writer.
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/index.js';
import type { Actor, Ctx, CtxBase } from '../context.js';
import type { DB } from '../db/schema.js';

export function makeCtx(base: CtxBase): Ctx {
  const ctx: Ctx = {
    ...base,
    async audit(event) {
      if (base.db.isTransaction) {
        await appendAuditEvent(base.db, base.actor, base.now(), event);
      } else {
        await base.db.transaction().execute((trx) => appendAuditEvent(trx, base.actor, base.now(), event));
      }
    },
    async transaction(fn) {
      if (base.db.isTransaction) return fn(ctx);
      return base.db.transaction().execute((trx) => fn(makeCtx({ ...base, db: trx as Kysely<DB> })));
    },
    as(actor: Actor) {
      return makeCtx({ ...base, actor });
    },
  };
  return ctx;
}
