// The server's chainer: links pending audit events into the hash chain every `intervalMs` (decision 0005). One pass
// at a time; a pass that finds another process's chainer holding the lock simply ends. Stopping waits for the pass
// under way and then runs a last one, so a clean shutdown leaves nothing pending that it could see.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { linkPendingAuditEvents } from './service.js';

export interface AuditChainer {
  /** Ends the loop: waits for a running pass, runs a final one, and resolves; call before closing the database. */
  stop(): Promise<void>;
}

export interface ChainerOptions {
  intervalMs?: number;
  /** Called with every failed pass (the loop goes on); the server logs it. */
  onError?: (error: unknown) => void;
  /** Called after every pass with the number of events it linked (tests, metrics). */
  onPass?: (linked: number) => void;
}

export function startAuditChainer(db: Kysely<DB>, options: ChainerOptions = {}): AuditChainer {
  const intervalMs = options.intervalMs ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async (): Promise<void> => {
    try {
      // Not `onPass?.(await …)`: without a callback that would skip the linking itself.
      const linked = await linkPendingAuditEvents(db);
      options.onPass?.(linked);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = pass().then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    // The loop alone does not keep a process alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await running;
      await pass();
    },
  };
}
