// The hash chain: each row's hash covers its own content and the previous row's hash, so changing, inserting or
// removing a row in the middle breaks every link after it. Pure functions, shared by the writer and the verifier.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  outcome: string;
  recordType: string | null;
  recordId: string | null;
  recordOrganisationId: string | null;
  fields: string[];
  purpose: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so that jsonb's own key order cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  const body = canonicalJson([
    content.occurredAt.toISOString(),
    content.actorUserId,
    content.actorOrganisationId,
    content.action,
    content.outcome,
    content.recordType,
    content.recordId,
    content.recordOrganisationId,
    content.fields,
    content.purpose,
    content.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
