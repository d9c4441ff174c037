import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { telemetryEvent } from '../event.ts';
import { startClickHouse, createDatabase, type RunningClickHouse } from '../../../test/clickhouse.ts';
import { migrate } from './migrate.ts';
import { insertColumns, migrations, migrationsTable } from './schema.ts';
import { toTsv } from './rows.ts';
import { ClickHouseTelemetryStore } from './store.ts';
import { maxPointedKeys, source } from './sql.ts';

// A database created by an older OpsDesk (migrations 1–3: events_by_id, one full row per identity)
// with events in it, opened by this version: migration 4 moves the lookups to events_by_key/event_ids.

describe('ClickHouse migration 4 (events-by-key) upgrades an existing database', () => {
  let ch: RunningClickHouse;
  let client: ClickHouseClient;
  const database = `upgrade_${process.pid}`;
  const base = Date.parse('2026-11-27T00:00:00Z');
  const events = [
    telemetryEvent({ tsMs: base + 1000, userId: 'u1', deviceId: 'd1', traceId: 'a'.repeat(32), body: 'one' }),
    telemetryEvent({ tsMs: base + 2000, userId: 'u1', body: 'two' }),
    telemetryEvent({ tsMs: base + 3000, deviceId: 'd1', address: '0xabc', body: 'three' }),
    telemetryEvent({ tsMs: base + 4000, body: 'no identity' }),
  ];
  before(async () => {
    ch = await startClickHouse();
    await createDatabase(ch, database);
    client = createClient({ url: ch.url, username: ch.user, password: ch.password, database });
  });
  after(async () => {
    await client?.close();
    await ch?.stop();
  });

  const count = async (sql: string) => Number((await (await client.query({ query: sql, format: 'JSONEachRow' })).json<{ n: string }>())[0]?.n);

  test('the old lookup table goes, the new ones hold the old events once, lookups find them', async () => {
    await client.command({ query: `CREATE TABLE ${migrationsTable} (version UInt32, name String, applied_at DateTime) ENGINE = MergeTree ORDER BY version` });
    for (const m of migrations.filter((x) => x.version <= 3)) {
      for (const query of m.statements) await client.command({ query });
      await client.command({ query: `INSERT INTO ${migrationsTable} VALUES (${m.version}, '${m.name}', now())` });
    }
    await client.command({ query: `INSERT INTO events (${insertColumns.join(', ')}) FORMAT TabSeparated\n${toTsv(events, 0, events.length)}` });
    assert.equal(await count('SELECT count() AS n FROM events_by_id'), 6, 'version 3: one row per identity');

    assert.deepEqual(await migrate(client), [4]);
    assert.equal(await count(`SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name LIKE 'events_by_id%'`), 0);
    assert.equal(await count('SELECT count() AS n FROM events_by_key'), 3, 'each event with an identity once');
    assert.equal(await count('SELECT count() AS n FROM event_ids'), 3, 'pointers: d1 and the trace of "one" (key u1), 0xabc of "three" (key d1)');
    assert.deepEqual(await migrate(client), [], 'runs once');

    const store = await ClickHouseTelemetryStore.open({ url: ch.url, database, user: ch.user, password: ch.password, requestTimeoutMs: 30_000, rollup: 'never', batch: { minRows: 1, maxRows: 1000, maxDelayMs: 10 } });
    try {
      await store.append([telemetryEvent({ tsMs: base + 5000, deviceId: 'd1', userId: 'u2', body: 'after' })]);
      const day = { from: new Date(base), to: new Date(base + 86_400_000), limit: 100, order: 'asc' as const };
      const bodies = async (f: object) => (await store.queryEvents({ ...day, ...f })).map((e) => e.body);
      assert.deepEqual(await bodies({ userId: 'u1' }), ['one', 'two']);
      assert.deepEqual(await bodies({ deviceId: 'd1' }), ['one', 'three', 'after']);
      assert.deepEqual(await bodies({ address: '0xabc' }), ['three']);
      assert.deepEqual(await bodies({ traceId: 'a'.repeat(32) }), ['one']);
      assert.deepEqual(await bodies({ anyOf: { userId: ['u1'], deviceId: ['d1'] } }), ['one', 'two', 'three', 'after'], 'an event matching two ids comes back once');
      assert.deepEqual(await bodies({ deviceId: 'd2' }), []);

      // An address used by more users than maxPointedKeys: too many keys for literals, answered from `events`.
      const shared = Array.from({ length: maxPointedKeys + 1 }, (_, i) => telemetryEvent({ tsMs: base + 10_000 + i, userId: `s${i}`, address: '0xshared', body: `s${i}` }));
      await store.append(shared);
      const all = await store.queryEvents({ ...day, address: '0xshared', limit: 10_000 });
      assert.deepEqual(all.map((e) => e.body), shared.map((e) => e.body));
      assert.equal(source({ ...day, address: '0xshared' }, shared.map((e) => e.userId!)).table, 'events');
    } finally {
      await store.close();
    }
  });
});
