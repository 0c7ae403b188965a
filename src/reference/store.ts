// SQL for the reference data: regions and municipalities by year.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export const REGION_KINDS = ['politie-eenheid', 'riec', 'veiligheidsregio', 'zorgcoordinatie'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export interface RegionRef {
  code: string;
  name: string;
}

export interface Municipality {
  year: number;
  code: string;
  name: string;
  safetyRegion: RegionRef;
  policeUnit: RegionRef;
  riec: RegionRef;
  careRegion: RegionRef & { toBeConfirmed: boolean };
}

export interface Region {
  kind: RegionKind;
  code: string;
  name: string;
  toBeConfirmed: boolean;
  source: string;
  municipalities: number;
}

export async function years(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select('year')
    .distinct()
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

export async function listMunicipalities(
  db: Kysely<DB>,
  year: number,
  filter: { regionKind?: RegionKind; regionCode?: string; code?: string } = {},
): Promise<Municipality[]> {
  let query = db
    .selectFrom('municipalities as m')
    .innerJoin('regions as vr', (j) =>
      j.onRef('vr.code', '=', 'm.safety_region_code').on('vr.kind', '=', 'veiligheidsregio'),
    )
    .innerJoin('regions as pe', (j) =>
      j.onRef('pe.code', '=', 'm.police_unit_code').on('pe.kind', '=', 'politie-eenheid'),
    )
    .innerJoin('regions as ri', (j) => j.onRef('ri.code', '=', 'm.riec_code').on('ri.kind', '=', 'riec'))
    .innerJoin('regions as zc', (j) =>
      j.onRef('zc.code', '=', 'm.care_region_code').on('zc.kind', '=', 'zorgcoordinatie'),
    )
    .select([
      'm.year',
      'm.code',
      'm.name',
      'vr.code as vr_code',
      'vr.name as vr_name',
      'pe.code as pe_code',
      'pe.name as pe_name',
      'ri.code as ri_code',
      'ri.name as ri_name',
      'zc.code as zc_code',
      'zc.name as zc_name',
      'zc.to_be_confirmed as zc_tbc',
    ])
    .where('m.year', '=', year);
  if (filter.code) query = query.where('m.code', '=', filter.code);
  if (filter.regionKind && filter.regionCode) {
    const column = (
      {
        veiligheidsregio: 'm.safety_region_code',
        'politie-eenheid': 'm.police_unit_code',
        riec: 'm.riec_code',
        zorgcoordinatie: 'm.care_region_code',
      } as const
    )[filter.regionKind];
    query = query.where(column, '=', filter.regionCode);
  }
  const rows = await query.orderBy('m.name').execute();
  return rows.map((r) => ({
    year: r.year,
    code: r.code,
    name: r.name,
    safetyRegion: { code: r.vr_code, name: r.vr_name },
    policeUnit: { code: r.pe_code, name: r.pe_name },
    riec: { code: r.ri_code, name: r.ri_name },
    careRegion: { code: r.zc_code, name: r.zc_name, toBeConfirmed: r.zc_tbc },
  }));
}

export async function listRegions(db: Kysely<DB>, year: number, kind?: RegionKind): Promise<Region[]> {
  let query = db
    .selectFrom('regions as r')
    .select(['r.kind', 'r.code', 'r.name', 'r.to_be_confirmed', 'r.source'])
    .select(
      sql<number>`(select count(*)::int from municipalities m where m.year = ${year} and r.code = case r.kind
        when 'veiligheidsregio' then m.safety_region_code when 'politie-eenheid' then m.police_unit_code
        when 'riec' then m.riec_code else m.care_region_code end)`.as('municipalities'),
    );
  if (kind) query = query.where('r.kind', '=', kind);
  const rows = await query.orderBy('r.kind').orderBy('r.name').execute();
  return rows.map((r) => ({
    kind: r.kind as RegionKind,
    code: r.code,
    name: r.name,
    toBeConfirmed: r.to_be_confirmed,
    source: r.source,
    municipalities: Number(r.municipalities),
  }));
}

export async function findRegion(db: Kysely<DB>, kind: string, code: string) {
  return db
    .selectFrom('regions')
    .selectAll()
    .where('kind', '=', kind)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function setCareRegion(
  db: Kysely<DB>,
  year: number,
  code: string,
  careRegionCode: string,
): Promise<string | undefined> {
  const before = await db
    .selectFrom('municipalities')
    .select('care_region_code')
    .where('year', '=', year)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!before) return undefined;
  await db
    .updateTable('municipalities')
    .set({ care_region_code: careRegionCode })
    .where('year', '=', year)
    .where('code', '=', code)
    .execute();
  return before.care_region_code;
}

export async function insertCareRegion(
  db: Kysely<DB>,
  code: string,
  name: string,
  source: string,
): Promise<void> {
  await db
    .insertInto('regions')
    .values({ kind: 'zorgcoordinatie', code, name, to_be_confirmed: false, source })
    .execute();
}

export async function updateCareRegion(
  db: Kysely<DB>,
  code: string,
  changes: { name?: string; to_be_confirmed?: boolean; source?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('regions')
    .set(changes)
    .where('kind', '=', 'zorgcoordinatie')
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
