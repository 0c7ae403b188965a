// The municipal monitor: a municipality's self-assessment on the elements of the municipal approach (append-only),
// its current answers and history, and the national overview per element, per police unit and per municipality.
// Reading: any logged-in user (policy information, no personal data). Writing: a beleidsmedewerker or beheerder of a
// gemeente, for its own municipality only; a refusal is audited.
import type { Ctx } from '../../context.js';
import { forbidden, invalid, notFound, type FieldIssue } from '../../errors.js';
import { listMunicipalities } from '../../reference/index.js';
import { ANSWER_STATUSES, ELEMENT_CODES, ELEMENTS, type AnswerStatus, type Element } from './elements.js';
import * as store from './store.js';

export const WRITER_ROLES = ['beleidsmedewerker', 'beheerder'] as const;
export const EVIDENCE_MAX = 1000;

export interface AnswerInput {
  element: string;
  status: string;
  evidence?: string | undefined;
  evidenceOn?: string | undefined;
}

export interface Answer {
  element: string;
  status: AnswerStatus;
  evidence: string;
  evidenceOn: string | null;
}

export interface CurrentAnswer extends Answer {
  submittedAt: string;
}

export interface Assessment {
  id: string;
  submittedAt: string;
  organisation: string;
  submittedBy: string;
  answers: Answer[];
}

export interface MunicipalityView {
  code: string;
  name: string;
  policeUnit: string;
  score: number;
  answered: boolean;
  current: CurrentAnswer[];
  history: Assessment[];
  canSubmit: boolean;
}

export interface Tile {
  code: string;
  name: string;
  regionCode: string;
  score: number | null;
}

export interface RegionCoverage {
  code: string;
  name: string;
  municipalities: number;
  answered: number;
  averageScore: number | null;
  notAnswered: { code: string; name: string }[];
}

export interface ElementCoverage extends Element {
  yes: number;
  partly: number;
  no: number;
  unknown: number;
  /** Share of all municipalities answering "ja". */
  share: number;
}

export interface Overview {
  municipalities: number;
  answered: number;
  elements: ElementCoverage[];
  regions: RegionCoverage[];
  tiles: Tile[];
}

const iso = (d: Date) => d.toISOString();

export async function getOverview(ctx: Ctx): Promise<Overview> {
  const [municipalities, statuses] = await Promise.all([
    listMunicipalities(ctx),
    store.listCurrentStatuses(ctx.db),
  ]);
  const known = new Set(municipalities.map((m) => m.code));
  const current = statuses.filter((s) => known.has(s.municipalityCode));
  const scores = new Map<string, number>();
  for (const s of current)
    scores.set(s.municipalityCode, (scores.get(s.municipalityCode) ?? 0) + (s.status === 'ja' ? 1 : 0));
  const total = municipalities.length;
  const elements = ELEMENTS.map((e) => {
    const count = (status: AnswerStatus) =>
      current.filter((s) => s.elementCode === e.code && s.status === status).length;
    const yes = count('ja');
    return {
      ...e,
      yes,
      partly: count('deels'),
      no: count('nee'),
      unknown: count('onbekend'),
      share: total ? yes / total : 0,
    };
  });
  const sorted = [...municipalities].sort(
    (a, b) => a.policeUnit.code.localeCompare(b.policeUnit.code) || a.name.localeCompare(b.name, 'nl'),
  );
  const tiles = sorted.map((m) => ({
    code: m.code,
    name: m.name,
    regionCode: m.policeUnit.code,
    score: scores.get(m.code) ?? null,
  }));
  const regions: RegionCoverage[] = [];
  for (const m of sorted) {
    let region = regions.find((r) => r.code === m.policeUnit.code);
    if (!region) {
      region = { ...m.policeUnit, municipalities: 0, answered: 0, averageScore: null, notAnswered: [] };
      regions.push(region);
    }
    region.municipalities += 1;
    const score = scores.get(m.code);
    if (score === undefined) region.notAnswered.push({ code: m.code, name: m.name });
    else {
      region.averageScore = ((region.averageScore ?? 0) * region.answered + score) / (region.answered + 1);
      region.answered += 1;
    }
  }
  return { municipalities: total, answered: scores.size, elements, regions, tiles };
}

async function writableMunicipality(ctx: Ctx): Promise<string | null> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.organisationId || actor.organisationType !== 'gemeente') return null;
  if (!actor.roles.some((r) => (WRITER_ROLES as readonly string[]).includes(r))) return null;
  const org = await store.organisationMunicipality(ctx.db, actor.organisationId);
  return org?.type === 'gemeente' ? org.municipality_code : null;
}

export async function getMunicipalityView(ctx: Ctx, code: string): Promise<MunicipalityView> {
  const municipality = (await listMunicipalities(ctx)).find((m) => m.code === code);
  if (!municipality) throw notFound(`Municipality ${code}`);
  const rows = await store.listAnswers(ctx.db, code);
  const history: Assessment[] = [];
  for (const r of rows) {
    let assessment = history.find((a) => a.id === r.assessmentId);
    if (!assessment) {
      assessment = {
        id: r.assessmentId,
        submittedAt: iso(r.submittedAt),
        organisation: r.organisation,
        submittedBy: r.submittedBy,
        answers: [],
      };
      history.push(assessment);
    }
    assessment.answers.push({
      element: r.elementCode,
      status: r.status,
      evidence: r.evidence,
      evidenceOn: r.evidenceOn,
    });
  }
  const order = (a: Answer) => ELEMENT_CODES.indexOf(a.element);
  for (const a of history) a.answers.sort((x, y) => order(x) - order(y));
  const current: CurrentAnswer[] = [];
  for (const e of ELEMENTS) {
    const latest = rows.find((r) => r.elementCode === e.code);
    if (latest)
      current.push({
        element: e.code,
        status: latest.status,
        evidence: latest.evidence,
        evidenceOn: latest.evidenceOn,
        submittedAt: iso(latest.submittedAt),
      });
  }
  return {
    code,
    name: municipality.name,
    policeUnit: municipality.policeUnit.name,
    score: current.filter((a) => a.status === 'ja').length,
    answered: current.length > 0,
    current,
    history,
    canSubmit: (await writableMunicipality(ctx)) === code,
  };
}

function isDay(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value <= today;
}

/** Checks the answers; issues name the field as `answers/{i}/{property}`. */
export function validateAnswers(
  input: AnswerInput[],
  today: string,
): { answers: Answer[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const issue = (i: number, property: string, rule: string, message: string) =>
    issues.push({ field: `answers/${i}/${property}`, rule, message });
  if (input.length === 0)
    issues.push({ field: 'answers', rule: 'minItems', message: 'Give at least one answer' });
  const seen = new Set<string>();
  input.forEach((a, i) => {
    if (!ELEMENT_CODES.includes(a.element)) issue(i, 'element', 'enum', `Unknown element ${a.element}`);
    else if (seen.has(a.element)) issue(i, 'element', 'uniqueItems', `Element ${a.element} answered twice`);
    seen.add(a.element);
    if (!(ANSWER_STATUSES as readonly string[]).includes(a.status))
      issue(i, 'status', 'enum', `Status must be one of ${ANSWER_STATUSES.join(', ')}`);
    if ((a.evidence ?? '').length > EVIDENCE_MAX)
      issue(i, 'evidence', 'maxLength', `Evidence is at most ${EVIDENCE_MAX} characters`);
    if (a.evidenceOn && !isDay(a.evidenceOn, today))
      issue(i, 'evidenceOn', 'format', 'Not a valid date (YYYY-MM-DD), or in the future');
  });
  const answers = input.map((a) => ({
    element: a.element,
    status: a.status as AnswerStatus,
    evidence: (a.evidence ?? '').trim(),
    evidenceOn: a.evidenceOn ? a.evidenceOn : null,
  }));
  return { answers, issues };
}

export async function submitAssessment(
  ctx: Ctx,
  code: string,
  input: AnswerInput[],
): Promise<MunicipalityView> {
  const own = await writableMunicipality(ctx);
  if (own !== code || ctx.actor.kind !== 'user') {
    await ctx.audit({
      action: 'municipal-monitor.submit',
      outcome: 'denied',
      recordType: 'municipality',
      recordId: code,
      purpose: own === null ? 'not-a-municipal-policy-officer' : 'other-municipality',
    });
    throw forbidden(
      'Only a beleidsmedewerker or beheerder of the municipality itself fills in its assessment',
    );
  }
  const { answers, issues } = validateAnswers(input, ctx.now().toISOString().slice(0, 10));
  if (issues.length) throw invalid(issues);
  const actor = ctx.actor;
  await ctx.transaction(async (tx) => {
    const id = await store.insertAssessment(tx.db, {
      municipalityCode: code,
      organisationId: actor.organisationId!,
      userId: actor.userId,
      at: tx.now(),
      answers: answers.map((a) => ({ ...a, elementCode: a.element })),
    });
    await tx.audit({
      action: 'municipal-monitor.submit',
      recordType: 'municipal-assessment',
      recordId: id,
      recordOrganisationId: actor.organisationId,
      details: { municipality: code, elements: answers.map((a) => a.element) },
    });
  });
  return getMunicipalityView(ctx, code);
}
