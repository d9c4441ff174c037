import type { ClickHouseClient } from '@clickhouse/client';
import { createMigrationsTable, migrations, migrationsTable } from './schema.ts';

/** Applies the migrations this database has not seen yet, in version order; returns the versions applied. */
export async function migrate(client: ClickHouseClient): Promise<number[]> {
  await client.command({ query: createMigrationsTable });
  const res = await client.query({ query: `SELECT version FROM ${migrationsTable}`, format: 'JSONEachRow' });
  const done = new Set((await res.json<{ version: number | string }>()).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    for (const statement of m.statements) await client.command({ query: statement });
    await client.insert({ table: migrationsTable, values: [{ version: m.version, name: m.name, applied_at: Math.floor(Date.now() / 1000) }], format: 'JSONEachRow' });
    applied.push(m.version);
  }
  return applied;
}
