// Kysely types of the tables the sharing module owns; joined into db/schema.ts.
import type { Generated } from 'kysely';

export interface SharingTables {
  sharing_rules: {
    id: string;
    version: number;
    matrix_row: string;
    source_types: string[];
    recipient_types: string[];
    purposes: string[];
    categories: string[];
    legal_basis_code: string;
    legal_basis: string;
    consent: string;
    safety_exception: boolean;
    confidence: string;
    source: string;
    explanation_nl: string;
    explanation_en: string;
    loaded_at: Generated<Date>;
  };
  sharing_rule_confirmations: {
    rule_id: string;
    rule_version: number;
    confirmed_by: string;
    organisation_id: string;
    confirmed_at: Date;
    note: string;
  };
}
