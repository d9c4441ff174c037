import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { Config, manualClock } from '../../core/index.ts';
import { openTelemetry, type TelemetryService } from '../index.ts';
import { telemetryEvent } from '../event.ts';
import { startClickHouse, type RunningClickHouse } from '../../../test/clickhouse.ts';

// deploy/clickhouse/cluster.sql on a one-node "cluster" (one shard, this server over TCP): the DDL runs
// on 18.16, and the store reads and writes through the Distributed tables. Replication itself needs
// ZooKeeper, so ReplicatedMergeTree becomes MergeTree here and ON CLUSTER is dropped (both are
// mechanical; the rest of each statement is as shipped).

/** The shipped DDL as statements for a single node without ZooKeeper. */
function singleNodeStatements(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) => line.replace(/\s*--.*$/, ''))
    .join('\n')
    .replace(/ ON CLUSTER opsdesk/g, '')
    .replace(/Replicated(AggregatingMergeTree|MergeTree)\('[^']*', '\{replica\}'\)/g, '$1')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('ClickHouse cluster DDL (deploy/clickhouse/cluster.sql) on a one-shard cluster', () => {
  let ch: RunningClickHouse;
  let admin: ClickHouseClient;
  let t: TelemetryService;
  const clock = manualClock('2026-11-27T12:00:00Z');
  before(async () => {
    ch = await startClickHouse({
      extraConfig: ({ tcpPort, user, password }) =>
        `<remote_servers><opsdesk><shard><replica><host>127.0.0.1</host><port>${tcpPort}</port><user>${user}</user><password>${password}</password></replica></shard></opsdesk></remote_servers><macros><shard>01</shard><replica>r1</replica></macros>`,
    });
    admin = createClient({ url: ch.url, username: ch.user, password: ch.password });
    const statements = singleNodeStatements(readFileSync(new URL('../../../deploy/clickhouse/cluster.sql', import.meta.url), 'utf8'));
    assert.ok(statements.length >= 8, `${statements.length} statements`);
    for (const query of statements) await admin.command({ query });
    await admin.command({ query: `INSERT INTO opsdesk_telemetry.opsdesk_telemetry_migrations_local VALUES (1, 'events', now()), (2, 'events-1m-rollup', now()), (3, 'events-by-id', now()), (4, 'events-by-key', now())` });
    t = await openTelemetry(Config.parse({ dataDir: '/nonexistent-opsdesk-data-dir', telemetry: { store: 'clickhouse', clickhouse: { url: ch.url, user: ch.user, password: ch.password, database: 'opsdesk_telemetry', flushIntervalMs: 20, rollup: 'always' } } }), clock);
  });
  after(async () => {
    await t?.close();
    await admin?.close();
    await ch?.stop();
  });

  test('the store writes through the Distributed table, the view fills the rollup, queries merge the shards', async () => {
    const base = Date.parse('2026-11-27T10:00:00Z');
    await t.store.append([
      telemetryEvent({ tsMs: base, route: '/v1/swap', chain: 'bsc', statusCode: 200, durationMs: 10, userId: 'u1', traceId: 'a'.repeat(32) }),
      telemetryEvent({ tsMs: base + 1000, route: '/v1/swap', chain: 'bsc', statusCode: 500, isError: true, durationMs: 30, userId: 'u1' }),
      telemetryEvent({ tsMs: base + 61_000, route: '/v1/quote', chain: null, statusCode: 200, durationMs: 20, userId: 'u2' }),
    ]);
    const range = { from: new Date(base), to: new Date(base + 3_600_000) };
    const local = await admin.query({ query: 'SELECT count() AS n FROM opsdesk_telemetry.events_local', format: 'JSONEachRow' });
    assert.deepEqual(await local.json(), [{ n: '3' }], 'append resolved after the shard had the rows (insert_distributed_sync)');
    const series = await t.series({ ...range, bucketSec: 3600, groupBy: ['route'] });
    assert.deepEqual(series.map((r) => [r.group.route, r.count, r.errors, r.p50Ms]), [['/v1/quote', 1, 0, 20], ['/v1/swap', 2, 1, 20]]);
    const top = await t.top({ ...range, by: 'chain' });
    assert.deepEqual(top.map((r) => [r.value, r.count]), [['bsc', 2], [null, 1]]);
    assert.deepEqual((await t.events({ ...range, userId: 'u1', limit: 10, order: 'asc' })).map((e) => e.statusCode), [200, 500]);
    const byKey = await admin.query({ query: 'SELECT key_id AS k, count() AS n FROM opsdesk_telemetry.events_by_key_local GROUP BY k ORDER BY k', format: 'JSONEachRow' });
    assert.deepEqual(await byKey.json(), [{ k: 'u1', n: '2' }, { k: 'u2', n: '1' }], 'the view routed each event once, under its key id, through the Distributed events_by_key');
    const ids = await admin.query({ query: `SELECT toString(id_kind) AS k, id_hash = cityHash64('${'a'.repeat(32)}') AS h, key_id FROM opsdesk_telemetry.event_ids_local`, format: 'JSONEachRow' });
    assert.deepEqual(await ids.json(), [{ k: 'traceId', h: 1, key_id: 'u1' }], 'and a pointer for the trace id through the Distributed event_ids');
    assert.deepEqual((await t.events({ ...range, traceId: 'a'.repeat(32), limit: 10 })).map((e) => e.userId), ['u1']);
    assert.deepEqual(await t.applyRetention(), { deletedRows: 0 }, 'retention leaves Distributed tables to TTL / per-node jobs');
    assert.equal((await t.store.stats()).rows, 3);
  });
});
