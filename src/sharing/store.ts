// SQL for the sharing rule table and its confirmations.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Category, ConsentCondition, Confidence, Purpose, SharingRule } from './rules.js';
import type { OrganisationType } from '../policy/index.js';

export async function loadRules(db: Kysely<DB>): Promise<SharingRule[]> {
  const rows = await db.selectFrom('sharing_rules').selectAll().orderBy('id').orderBy('version').execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    matrixRow: r.matrix_row,
    sourceTypes: r.source_types as OrganisationType[],
    recipientTypes: r.recipient_types as OrganisationType[],
    purposes: r.purposes as Purpose[],
    categories: r.categories as Category[],
    legalBasisCode: r.legal_basis_code,
    legalBasis: r.legal_basis,
    consent: r.consent as ConsentCondition,
    safetyException: r.safety_exception,
    confidence: r.confidence as Confidence,
    source: r.source,
    explanation: { nl: r.explanation_nl, en: r.explanation_en },
  }));
}

export interface Confirmation {
  ruleId: string;
  ruleVersion: number;
  confirmedBy: string;
  organisationId: string;
  confirmedAt: Date;
  note: string;
}

export async function loadConfirmations(db: Kysely<DB>): Promise<Confirmation[]> {
  const rows = await db.selectFrom('sharing_rule_confirmations').selectAll().execute();
  return rows.map((r) => ({
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    confirmedBy: r.confirmed_by,
    organisationId: r.organisation_id,
    confirmedAt: r.confirmed_at,
    note: r.note,
  }));
}

export async function insertConfirmation(db: Kysely<DB>, c: Confirmation): Promise<boolean> {
  const result = await db
    .insertInto('sharing_rule_confirmations')
    .values({
      rule_id: c.ruleId,
      rule_version: c.ruleVersion,
      confirmed_by: c.confirmedBy,
      organisation_id: c.organisationId,
      confirmed_at: c.confirmedAt,
      note: c.note,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('rule_id')
    .executeTakeFirst();
  return result !== undefined;
}
