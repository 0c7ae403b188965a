// Reference data: read by anyone, the care-coordination regions maintained by a national beheerder (there is no
// official list of them; reference/data/README.md).
import type { Ctx } from '../context.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { decide } from '../policy/index.js';
import * as store from './store.js';

export { REGION_KINDS, type Municipality, type Region, type RegionKind } from './store.js';

export async function currentYear(ctx: Pick<Ctx, 'db'>): Promise<number> {
  const [latest] = await store.years(ctx.db);
  if (latest === undefined) throw new Error('No reference data loaded: run the migrations');
  return latest;
}

async function resolveYear(ctx: Pick<Ctx, 'db'>, year: number | undefined): Promise<number> {
  if (year === undefined) return currentYear(ctx);
  const available = await store.years(ctx.db);
  if (!available.includes(year)) {
    throw invalid([
      {
        field: 'jaar',
        rule: 'enum',
        message: `No reference data for ${year}; available: ${available.join(', ')}`,
      },
    ]);
  }
  return year;
}

export async function listMunicipalities(
  ctx: Pick<Ctx, 'db'>,
  query: { year?: number; regionKind?: store.RegionKind; regionCode?: string } = {},
) {
  const year = await resolveYear(ctx, query.year);
  return store.listMunicipalities(ctx.db, year, query);
}

export async function getMunicipality(ctx: Pick<Ctx, 'db'>, code: string, year?: number) {
  const [found] = await store.listMunicipalities(ctx.db, await resolveYear(ctx, year), { code });
  if (!found) throw notFound(`Municipality ${code}`);
  return found;
}

export async function listRegions(ctx: Pick<Ctx, 'db'>, kind?: store.RegionKind, year?: number) {
  return store.listRegions(ctx.db, await resolveYear(ctx, year), kind);
}

export async function municipalityExists(ctx: Pick<Ctx, 'db'>, code: string): Promise<boolean> {
  return (await store.listMunicipalities(ctx.db, await currentYear(ctx), { code })).length > 0;
}

export async function regionExists(ctx: Pick<Ctx, 'db'>, kind: string, code: string): Promise<boolean> {
  return (await store.findRegion(ctx.db, kind, code)) !== undefined;
}

function requireManage(ctx: Ctx) {
  const decision = decide(ctx.actor, 'reference.manage');
  if (!decision.allowed)
    throw forbidden(`Only a national beheerder maintains reference data (${decision.reason})`);
}

export async function moveToCareRegion(
  ctx: Ctx,
  municipalityCode: string,
  careRegionCode: string,
  year?: number,
) {
  requireManage(ctx);
  const y = await resolveYear(ctx, year);
  return ctx.transaction(async (tx) => {
    if (!(await store.findRegion(tx.db, 'zorgcoordinatie', careRegionCode))) {
      throw invalid([
        { field: 'careRegionCode', rule: 'exists', message: `No care-coordination region ${careRegionCode}` },
      ]);
    }
    const before = await store.setCareRegion(tx.db, y, municipalityCode, careRegionCode);
    if (before === undefined) throw notFound(`Municipality ${municipalityCode}`);
    await tx.audit({
      action: 'reference.care-region-change',
      recordType: 'municipality',
      recordId: `${y}:${municipalityCode}`,
      details: { from: before, to: careRegionCode },
    });
    return getMunicipality(tx, municipalityCode, y);
  });
}

export async function saveCareRegion(
  ctx: Ctx,
  input: { code: string; name: string; confirmed?: boolean },
  create: boolean,
) {
  requireManage(ctx);
  if (!/^zc-[a-z0-9-]{2,40}$/.test(input.code)) {
    throw invalid([
      {
        field: 'code',
        rule: 'pattern',
        message: 'A care-region code is zc- followed by lower-case letters, digits or dashes',
      },
    ]);
  }
  const name = input.name.trim();
  if (name.length < 3 || name.length > 120)
    throw invalid([{ field: 'name', rule: 'length', message: 'The name has 3 to 120 characters' }]);
  return ctx.transaction(async (tx) => {
    if (create) {
      if (await store.findRegion(tx.db, 'zorgcoordinatie', input.code))
        throw conflict(`Region ${input.code} exists already`);
      await store.insertCareRegion(tx.db, input.code, name, 'maintained in Schakel by a national beheerder');
    } else {
      const changes = {
        name,
        ...(input.confirmed !== undefined ? { to_be_confirmed: !input.confirmed } : {}),
        source: 'maintained in Schakel by a national beheerder',
      };
      if (!(await store.updateCareRegion(tx.db, input.code, changes)))
        throw notFound(`Care-coordination region ${input.code}`);
    }
    await tx.audit({
      action: create ? 'reference.care-region-create' : 'reference.care-region-update',
      recordType: 'region',
      recordId: `zorgcoordinatie:${input.code}`,
      details: { name, confirmed: input.confirmed ?? null },
    });
    const regions = await store.listRegions(tx.db, await currentYear(tx), 'zorgcoordinatie');
    return regions.find((r) => r.code === input.code)!;
  });
}
