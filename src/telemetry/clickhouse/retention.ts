import type { ClickHouseClient } from '@clickhouse/client';
import type { RetentionPolicy } from '../store.ts';
import { lit } from './literal.ts';

/** Raw events, the per-minute rollup and the id lookup tables: all partitioned by UTC day. */
const tables = ['events', 'events_1m', 'events_by_key', 'event_ids'] as const;
const tableList = "('events', 'events_1m', 'events_by_key', 'event_ids')";
/** The tables with an epoch-ms `ts_ms` column, deleted by it at the boundary day. */
const msTables = ['events', 'events_by_key', 'event_ids'] as const;

async function one<T>(client: ClickHouseClient, query: string): Promise<T | undefined> {
  const res = await client.query({ query, format: 'JSONEachRow' });
  return (await res.json<T>())[0];
}

/** Bytes on disk of the store's active parts (raw events, rollup and id lookup tables). */
export async function storeBytes(client: ClickHouseClient): Promise<number> {
  const r = await one<{ b: string | number }>(client, `SELECT sum(bytes_on_disk) AS b FROM system.parts WHERE active AND database = currentDatabase() AND table IN ${tableList}`);
  return Number(r?.b ?? 0);
}

async function waitForMutations(client: ClickHouseClient, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await one<{ n: string | number }>(client, `SELECT count() AS n FROM system.mutations WHERE database = currentDatabase() AND table IN ${tableList} AND is_done = 0`);
    if (Number(r?.n ?? 0) === 0) return;
    if (Date.now() > until) throw new Error('ClickHouse did not finish the retention DELETE in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Deletes every event (its id lookup rows, and rollup minutes) before `cutMs`, rounded down to the minute so the raw rows
 * and the per-minute rollup always cover the same span: whole days go by DROP PARTITION (cheap),
 * the rest of the boundary day by an ALTER … DELETE mutation, awaited. Returns the raw rows deleted.
 */
export async function deleteBefore(client: ClickHouseClient, cutMs: number): Promise<number> {
  const cut = Math.floor(cutMs / 60_000) * 60_000;
  const before = await one<{ n: string | number }>(client, `SELECT count() AS n FROM events WHERE ts_ms < ${lit.int(cut)}`);
  const rows = Number(before?.n ?? 0);
  const day = new Date(cut).toISOString().slice(0, 10);
  const res = await client.query({ query: `SELECT DISTINCT table, partition FROM system.parts WHERE active AND database = currentDatabase() AND table IN ${tableList} AND partition < ${lit.str(day)}`, format: 'JSONEachRow' });
  for (const p of await res.json<{ table: string; partition: string }>()) {
    const table = tables.find((t) => t === p.table);
    if (!table || !/^\d{4}-\d{2}-\d{2}$/.test(p.partition)) continue;
    await client.command({ query: `ALTER TABLE ${table} DROP PARTITION ${lit.str(p.partition)}` });
  }
  for (const table of msTables) {
    const left = await one<{ n: string | number }>(client, `SELECT count() AS n FROM ${table} WHERE ts_ms < ${lit.int(cut)}`);
    if (Number(left?.n ?? 0) > 0) await client.command({ query: `ALTER TABLE ${table} DELETE WHERE ts_ms < ${lit.int(cut)}` });
  }
  const leftRollup = await one<{ n: string | number }>(client, `SELECT count() AS n FROM events_1m WHERE minute < toDateTime(${lit.int(cut / 1000)}, 'UTC')`);
  if (Number(leftRollup?.n ?? 0) > 0) await client.command({ query: `ALTER TABLE events_1m DELETE WHERE minute < toDateTime(${lit.int(cut / 1000)}, 'UTC')` });
  await waitForMutations(client);
  return rows;
}

/** Age, then size: like the DuckDB store, the oldest events go first until the store fits 90% of maxBytes. */
export async function applyRetention(client: ClickHouseClient, policy: RetentionPolicy, now: Date): Promise<{ deletedRows: number }> {
  // On a cluster `events` is a Distributed table (deploy/clickhouse/cluster.sql): the shards' TTL or a
  // per-node job on the *_local tables does retention there; partitions cannot be dropped through it.
  const t = await one<{ engine: string }>(client, `SELECT engine FROM system.tables WHERE database = currentDatabase() AND name = 'events'`);
  if (t?.engine === 'Distributed') return { deletedRows: 0 };
  let deleted = await deleteBefore(client, now.getTime() - policy.maxAgeDays * 86_400_000);
  const bytes = await storeBytes(client);
  if (bytes > policy.maxBytes) {
    const keepFraction = Math.max(0, Math.min(1, (policy.maxBytes * 0.9) / bytes));
    const r = await one<{ cut: string | number | null }>(client, `SELECT if(count() = 0, NULL, toInt64(quantile(${lit.num(1 - keepFraction)})(ts_ms))) AS cut FROM events`);
    if (r?.cut !== null && r?.cut !== undefined) deleted += await deleteBefore(client, Number(r.cut));
  }
  return { deletedRows: deleted };
}
