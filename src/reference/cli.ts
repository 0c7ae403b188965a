// `schakel reference list`: municipalities with their regions, or the regions of one kind, as a table.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { listMunicipalities, listRegions } from './service.js';
import { REGION_KINDS, type RegionKind } from './store.js';

export async function formatReferenceList(
  db: Kysely<DB>,
  options: { kind?: string | undefined; year?: number | undefined },
): Promise<string> {
  const ctx = { db };
  if (options.kind) {
    if (!(REGION_KINDS as readonly string[]).includes(options.kind))
      return `Unknown kind "${options.kind}"; use one of ${REGION_KINDS.join(', ')}`;
    const regions = await listRegions(ctx, options.kind as RegionKind, options.year);
    return regions
      .map(
        (r) =>
          `${r.code.padEnd(28)} ${r.name.padEnd(44)} ${String(r.municipalities).padStart(3)}${r.toBeConfirmed ? '  (to be confirmed)' : ''}`,
      )
      .join('\n');
  }
  const rows = await listMunicipalities(ctx, { year: options.year });
  return [
    `${'code'.padEnd(7)} ${'name'.padEnd(32)} ${'police unit'.padEnd(22)} ${'RIEC'.padEnd(28)} care-coordination region`,
    ...rows.map(
      (m) =>
        `${m.code.padEnd(7)} ${m.name.padEnd(32)} ${m.policeUnit.name.padEnd(22)} ${m.riec.name.padEnd(28)} ${m.careRegion.name}`,
    ),
    `${rows.length} municipalities (${rows[0]?.year ?? '-'})`,
  ].join('\n');
}
