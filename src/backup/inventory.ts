// What a database holds, in a form a backup's manifest records and a restore compares: rows per table, the data
// keys, the applied migrations, the audit events. Plain SQL through a query function, so that it runs inside the
// snapshot transaction pg_dump shares, on a bare PGlite, and on Schakel's own connection alike.
import { escapeIdentifier } from 'pg';

export type Query = <R>(text: string) => Promise<R[]>;

export interface Inventory {
  server: { version: string; major: number };
  tables: Record<string, number>;
  dataKeyIds: string[];
  migrations: string[];
  audit: { events: number; linked: number; pending: number };
}

export async function takeInventory(query: Query): Promise<Inventory> {
  const [server] = await query<{ version: string; num: string }>(
    `select current_setting('server_version') as version, current_setting('server_version_num') as num`,
  );
  const names = await query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const tables: Record<string, number> = {};
  for (const { name } of names) {
    const [row] = await query<{ n: number }>(`select count(*)::int as n from ${escapeIdentifier(name)}`);
    tables[name] = row!.n;
  }
  const dataKeyIds =
    'encryption_keys' in tables
      ? (await query<{ id: string }>(`select id from encryption_keys order by created_at, id`)).map(
          (r) => r.id,
        )
      : [];
  const migrations =
    'schema_migrations' in tables
      ? (await query<{ name: string }>(`select name from schema_migrations order by name`)).map((r) => r.name)
      : [];
  let audit = { events: 0, linked: 0, pending: 0 };
  if ('audit_events' in tables) {
    const [row] = await query<{ events: number; linked: number }>(
      `select count(*)::int as events, count(hash)::int as linked from audit_events`,
    );
    audit = { events: row!.events, linked: row!.linked, pending: row!.events - row!.linked };
  }
  return {
    server: { version: server!.version.split(' ')[0]!, major: Math.floor(Number(server!.num) / 10000) },
    tables,
    dataKeyIds,
    migrations,
    audit,
  };
}

export function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((sum, n) => sum + n, 0);
}

/** The tables as aligned lines, `  name   count`. */
export function formatTables(tables: Record<string, number>): string {
  const width = Math.max(0, ...Object.keys(tables).map((name) => name.length));
  return Object.entries(tables)
    .map(([name, n]) => `  ${name.padEnd(width)}  ${String(n).padStart(8)}`)
    .join('\n');
}
