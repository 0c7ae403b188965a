// SQL for the municipal monitor: append-only assessments with their answers; the current picture is the latest
// answer per municipality and element.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AnswerStatus } from './elements.js';

export interface AnswerRow {
  assessmentId: string;
  municipalityCode: string;
  elementCode: string;
  status: AnswerStatus;
  evidence: string;
  evidenceOn: string | null;
  submittedAt: Date;
  organisation: string;
  submittedBy: string;
}

function answers(db: Kysely<DB>) {
  return db
    .selectFrom('municipal_assessment_answers as a')
    .innerJoin('municipal_assessments as s', 's.id', 'a.assessment_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .select([
      'a.assessment_id as assessmentId',
      's.municipality_code as municipalityCode',
      'a.element_code as elementCode',
      'a.status',
      'a.evidence',
      sql<string | null>`to_char(a.evidence_on, 'YYYY-MM-DD')`.as('evidenceOn'),
      's.submitted_at as submittedAt',
      'o.name as organisation',
      'u.display_name as submittedBy',
    ]);
}

/** Every answer of one municipality, newest assessment first. */
export async function listAnswers(db: Kysely<DB>, municipalityCode: string): Promise<AnswerRow[]> {
  const rows = await answers(db)
    .where('s.municipality_code', '=', municipalityCode)
    .orderBy('s.submitted_at', 'desc')
    .orderBy('a.element_code')
    .execute();
  return rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt) }));
}

/** The latest answer per municipality and element. */
export async function listCurrentStatuses(
  db: Kysely<DB>,
): Promise<{ municipalityCode: string; elementCode: string; status: AnswerStatus }[]> {
  const rows = await db
    .selectFrom('municipal_assessment_answers as a')
    .innerJoin('municipal_assessments as s', 's.id', 'a.assessment_id')
    .select(['s.municipality_code as municipalityCode', 'a.element_code as elementCode', 'a.status'])
    .orderBy('s.municipality_code')
    .orderBy('a.element_code')
    .orderBy('s.submitted_at', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.municipalityCode}|${r.elementCode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function insertAssessment(
  db: Kysely<DB>,
  input: {
    municipalityCode: string;
    organisationId: string;
    userId: string;
    at: Date;
    answers: { elementCode: string; status: AnswerStatus; evidence: string; evidenceOn: string | null }[];
  },
): Promise<string> {
  const { id } = await db
    .insertInto('municipal_assessments')
    .values({
      municipality_code: input.municipalityCode,
      organisation_id: input.organisationId,
      submitted_by: input.userId,
      submitted_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('municipal_assessment_answers')
    .values(
      input.answers.map((a) => ({
        assessment_id: id,
        element_code: a.elementCode,
        status: a.status,
        evidence: a.evidence,
        evidence_on: a.evidenceOn,
      })),
    )
    .execute();
  return id;
}

export async function organisationMunicipality(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['type', 'municipality_code'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}
