import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock, type Clock } from '../../core/index.ts';
import { openTelemetry, type TelemetryService } from '../index.ts';
import type { EventsQuery, SeriesQuery, SeriesRow } from '../store.ts';
import { seriesSql, whereClause } from '../clickhouse/sql.ts';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { storeContract, type OpenStore } from './store-contract.ts';
import { telemetryEvent } from '../event.ts';
import { startClickHouse, type RunningClickHouse } from '../../../test/clickhouse.ts';
import { tempDir } from '../../../test/tmp.ts';
import { writeJsonl } from '../../../bench/telemetry-data.ts';

// The same contract against the embedded DuckDB store and a real ClickHouse server (Debian's 18.16),
// then both stores fed the same data and asked the same questions.

const duckDirs: { remove(): void }[] = [];
const openDuck: OpenStore = (telemetry, clock) => {
  const tmp = tempDir('opsdesk-contract-duck-');
  duckDirs.push(tmp);
  return openTelemetry(Config.parse({ dataDir: tmp.dir, telemetry: { ...telemetry, store: 'duckdb' } }), clock);
};

let server: Promise<RunningClickHouse> | undefined;
const clickhouse = () => (server ??= startClickHouse());
let dbs = 0;
const openClickHouse: OpenStore = async (telemetry, clock) => {
  const ch = await clickhouse();
  const database = `contract_${process.pid}_${++dbs}`;
  return openTelemetry(Config.parse({ dataDir: '/nonexistent-opsdesk-data-dir', telemetry: { ...telemetry, store: 'clickhouse', clickhouse: { url: ch.url, user: ch.user, password: ch.password, database, flushIntervalMs: 20, rollup: 'always', ...(telemetry.clickhouse as object | undefined) } } }), clock);
};

// Each suite stops what it started: the ClickHouse server is shared by the whole file, so the last suite stops it.
const stopAll = async () => {
  for (const d of duckDirs) d.remove();
  if (server) await (await server).stop();
  server = undefined;
};

storeContract({ name: 'duckdb', setup: async () => openDuck, teardown: async () => {} });
storeContract({ name: 'clickhouse', setup: async () => (await clickhouse(), openClickHouse), teardown: async () => {} });

/** Percentiles may differ (ClickHouse samples past 8192 latencies per group); everything else must be equal. */
function withoutPercentiles(rows: SeriesRow[]): unknown[] {
  return rows.map(({ p50Ms: _a, p95Ms: _b, p99Ms: _c, ...rest }) => rest);
}

function assertPercentilesClose(a: SeriesRow[], b: SeriesRow[], relTol: number): void {
  assert.equal(a.length, b.length);
  a.forEach((r, i) => {
    for (const k of ['p50Ms', 'p95Ms', 'p99Ms'] as const) {
      const x = r[k];
      const y = b[i]![k];
      if (x === null || y === null) assert.equal(x, y, `${k} of row ${i}`);
      else assert.ok(Math.abs(x - y) <= relTol * Math.max(1, Math.abs(x)), `${k} of row ${i}: duckdb ${x} vs clickhouse ${y}`);
    }
  });
}

describe('DuckDB and ClickHouse answer the same', () => {
  const clock: Clock = manualClock('2026-11-28T00:00:00Z');
  const tmp = tempDir('opsdesk-agree-');
  let duck: TelemetryService;
  let ch: TelemetryService;
  const startMs = Date.parse('2026-11-27T00:00:00Z');
  before(async () => {
    const file = join(tmp.dir, 'events.jsonl');
    await writeJsonl(file, 30_000, { startMs, users: 500, seed: 7 });
    [duck, ch] = await Promise.all([openDuck({}, clock), openClickHouse({}, clock)]);
    const [a, b] = await Promise.all([duck.ingestFiles([file]), ch.ingestFiles([file])]);
    assert.deepEqual({ ...b, seconds: 0 }, { ...a, seconds: 0 });
    assert.equal(a.ingested, 30_000);
  });
  after(async () => {
    await Promise.all([duck?.close(), ch?.close()]);
    tmp.remove();
  });

  const day = { from: new Date('2026-11-27T00:00:00Z'), to: new Date('2026-11-28T00:00:00Z') };
  const odd = { from: new Date('2026-11-27T03:17:12.345Z'), to: new Date('2026-11-27T19:02:00.5Z') };

  test('series: rollup-shaped and raw-shaped queries', async () => {
    const queries = [
      { ...day, bucketSec: 3600, groupBy: ['route'] },
      { ...day, bucketSec: 900, groupBy: ['chain', 'route'], where: { service: 'wallet-api' } },
      { ...day, bucketSec: 86400, groupBy: ['appVersion'], errorsOnly: true },
      { ...odd, bucketSec: 600, groupBy: ['statusCode'] },
      { ...odd, bucketSec: 7, groupBy: [], where: { route: '/v1/swap', chain: 'bsc' }, limit: 50 },
      { ...day, bucketSec: 3600, groupBy: ['attr.http.request.method'], userId: 'u7' },
    ];
    for (const q of queries) {
      const [a, b] = await Promise.all([duck.series(q), ch.series(q)]);
      assert.ok(a.length > 0, JSON.stringify(q));
      assert.deepEqual(withoutPercentiles(b), withoutPercentiles(a), JSON.stringify(q));
      assertPercentilesClose(a, b, 0.1);
    }
  });

  test('top-N, events, correlation and compare', async () => {
    for (const q of [{ ...day, by: 'appVersion', rankBy: 'errors' as const, where: { route: '/v1/swap' } }, { ...odd, by: 'rpcProvider', n: 3 }, { ...day, by: 'chain', n: 20 }, { ...day, by: 'country', where: { statusCode: '500' } }]) {
      const [a, b] = await Promise.all([duck.top(q), ch.top(q)]);
      assert.ok(a.length > 0);
      assert.deepEqual(b, a, JSON.stringify(q));
    }
    for (const q of [{ ...day, userId: 'u42', limit: 500, order: 'asc' as const }, { ...odd, deviceId: 'd9', limit: 500, order: 'desc' as const }, { ...day, errorsOnly: true, where: { chain: 'tron' }, limit: 1000, order: 'asc' as const }]) {
      const [a, b] = await Promise.all([duck.events(q), ch.events(q)]);
      assert.ok(a.length > 0);
      assert.deepEqual(b, a, JSON.stringify(q));
    }
    const c = { userId: 'u13', deviceId: 'd14', around: new Date('2026-11-27T12:00:00Z'), windowMin: 240, limit: 2000 };
    const [ca, cb] = await Promise.all([duck.correlate(c), ch.correlate(c)]);
    assert.ok(ca.events.length > 0);
    assert.deepEqual(cb, ca);
    const [pa, pb] = await Promise.all([duck.compare({ from: new Date(startMs + 86_400_000), to: new Date(startMs + 2 * 86_400_000), bucketSec: 3600, groupBy: [] }, 'yesterday'), ch.compare({ from: new Date(startMs + 86_400_000), to: new Date(startMs + 2 * 86_400_000), bucketSec: 3600, groupBy: [] }, 'yesterday')]);
    assert.deepEqual(pb.totals, pa.totals);
  });
});

describe('ClickHouse: the id lookup tables (events_by_key, event_ids) answer the same as the events table', () => {
  const clock: Clock = manualClock('2026-11-28T00:00:00Z');
  const database = `lookup_${process.pid}`;
  const base = Date.parse('2026-11-27T00:00:00Z');
  let t: TelemetryService;
  let client: ClickHouseClient;
  // Few distinct values per identity, so events share ids across kinds (an event can match several anyOf ids).
  const events = Array.from({ length: 6000 }, (_, i) =>
    telemetryEvent({
      tsMs: base + ((i * 7919) % 86_400) * 1000 + (i % 1000),
      kind: i % 4 === 0 ? 'span' : 'log',
      route: `/v1/r${i % 7}`,
      service: i % 5 === 0 ? null : `svc${i % 3}`,
      isError: i % 11 === 0,
      statusCode: i % 11 === 0 ? 500 : 200,
      durationMs: i % 97,
      userId: i % 3 === 0 ? null : `u${i % 40}`,
      deviceId: i % 2 === 0 ? `d${i % 25}` : null,
      address: i % 5 < 2 ? `0x${(i % 30).toString(16).padStart(40, '0')}` : null,
      txHash: i % 7 === 0 ? `0x${(i % 50).toString(16).padStart(64, '0')}` : null,
      traceId: i % 4 === 0 ? (i % 60).toString(16).padStart(32, '0') : null,
      body: `event ${i}`,
    }),
  );
  before(async () => {
    const server = await clickhouse();
    t = await openClickHouse({ clickhouse: { database } }, clock);
    client = createClient({ url: server.url, username: server.user, password: server.password, database });
    await t.store.append(events);
  });
  after(async () => {
    await t?.close();
    await client?.close();
  });

  /** The same question asked of `events` alone (the pre-lookup SQL), as sorted JSON rows for comparison. */
  async function fromEvents(q: EventsQuery): Promise<string[]> {
    const res = await client.query({ query: `SELECT ts_ms, body FROM events WHERE ${whereClause(q)} ORDER BY ts_ms, body LIMIT ${q.limit}`, format: 'JSONEachRow' });
    return (await res.json<{ ts_ms: string; body: string }>()).map((r) => `${new Date(Number(r.ts_ms)).toISOString()} ${r.body}`);
  }
  const viaStore = async (q: EventsQuery) => (await t.store.queryEvents(q)).map((e) => `${e.ts} ${e.body}`).sort();

  test('every id kind, a narrow window, anyOf across kinds (each event once), series and top', async () => {
    const day = { from: new Date(base), to: new Date(base + 86_400_000), limit: 10_000, order: 'asc' as const };
    const narrow = { from: new Date(base + 3_600_000 + 500), to: new Date(base + 9 * 3_600_000 + 250), limit: 10_000, order: 'desc' as const };
    const sample = events[56]!;
    const ids = { userId: sample.userId!, deviceId: sample.deviceId!, address: sample.address!, txHash: sample.txHash!, traceId: sample.traceId! };
    for (const [kind, value] of Object.entries(ids)) {
      assert.ok(value, `event 56 has a ${kind}`);
      for (const range of [day, narrow]) {
        const q = { ...range, [kind]: value } as EventsQuery;
        const expected = await fromEvents(q);
        assert.ok(expected.length > 0, `${kind}: events exist`);
        assert.deepEqual(await viaStore(q), expected, `${kind} ${JSON.stringify(range)}`);
        const errorsOnSpans = { ...q, kind: 'span', errorsOnly: true } as EventsQuery;
        assert.deepEqual(await viaStore(errorsOnSpans), await fromEvents(errorsOnSpans), `${kind}, spans with errors`);
      }
    }
    const anyOf = { ...day, anyOf: { userId: [ids.userId, 'u1'], deviceId: [ids.deviceId], address: [ids.address], txHash: [ids.txHash, 'nope'], traceId: [ids.traceId] } } as EventsQuery;
    const expected = await fromEvents(anyOf);
    assert.deepEqual(await viaStore(anyOf), expected);
    const matches = (e: (typeof events)[number]) => (Object.keys(ids) as (keyof typeof ids)[]).filter((k) => (anyOf.anyOf![k] ?? []).includes(e[k] as string)).length;
    assert.equal(expected.length, events.filter((e) => matches(e) > 0).length);
    assert.ok(events.filter((e) => matches(e) > 1).length > 10, 'some events match several of the ids');
    assert.deepEqual(await viaStore({ ...anyOf, anyOf: {} } as EventsQuery), []);
    const series = { from: day.from, to: day.to, bucketSec: 3600, groupBy: ['route'], percentiles: ['p50'], limit: 10_000, anyOf: anyOf.anyOf } as SeriesQuery;
    const onEvents = await client.query({ query: seriesSql(series).replace(/FROM events_by_key WHERE .*$/m, `FROM events WHERE ${whereClause(series)}`), format: 'JSONEachRow' });
    const rows = await t.store.aggregateSeries(series);
    assert.deepEqual(rows.map((r) => [r.bucket, r.group.route, r.count, r.errors]), (await onEvents.json<Record<string, string>>()).map((r) => [new Date(Number(r.b) * 1000).toISOString().replace('.000', ''), r.g0, Number(r.n), Number(r.errors)]));
    const top = await t.top({ from: day.from, to: day.to, by: 'route', userId: ids.userId, n: 3 });
    const topEvents = await client.query({ query: `SELECT route AS v, count() AS n FROM events WHERE ${whereClause({ ...day, userId: ids.userId })} GROUP BY v ORDER BY n DESC, v LIMIT 3`, format: 'JSONEachRow' });
    assert.deepEqual(top.map((r) => [r.value, r.count]), (await topEvents.json<Record<string, string>>()).map((r) => [r.v, Number(r.n)]));
  });

  test('retention deletes the lookup rows with their events', async () => {
    await t.store.applyRetention({ maxAgeDays: 1, maxBytes: 1e12 }, new Date(base + 86_400_000 + 12 * 3_600_000));
    const res = await client.query({ query: `SELECT (SELECT count() FROM events) AS e, (SELECT count() FROM events_by_key) AS l, (SELECT count() FROM events_by_key WHERE ts_ms < ${base + 12 * 3_600_000}) + (SELECT count() FROM event_ids WHERE ts_ms < ${base + 12 * 3_600_000}) AS old`, format: 'JSONEachRow' });
    const [r] = await res.json<{ e: string; l: string; old: string }>();
    assert.ok(Number(r!.e) > 0 && Number(r!.e) < events.length, `${r!.e} events left`);
    assert.ok(Number(r!.l) > 0, 'lookup rows of the kept half remain');
    assert.equal(r!.old, '0');
  });
});

describe('ClickHouse store errors', () => {
  after(stopAll);
  test('error: a wrong password or a server that is down is a ClickHouseUnavailableError without the password', async () => {
    const ch = await clickhouse();
    const clock = manualClock('2026-11-27T12:00:00Z');
    const secret = 'wrong-pass-Zq81';
    const open = (url: string) => openTelemetry(Config.parse({ dataDir: '/nonexistent-opsdesk-data-dir', telemetry: { store: 'clickhouse', clickhouse: { url, user: ch.user, password: secret, requestTimeoutMs: 5000 } } }), clock);
    for (const url of [ch.url, 'http://127.0.0.1:9']) {
      const err = await open(url).then(
        () => assert.fail('opened'),
        (e: unknown) => e as Error & { code?: string },
      );
      assert.equal(err.name, 'ClickHouseUnavailableError');
      assert.equal(err.code, 'UNAVAILABLE');
      assert.match(err.message, /ClickHouse telemetry store http:\/\/127\.0\.0\.1:\d+\/? \(database opsdesk_telemetry\) cannot be used/);
      assert.ok(!JSON.stringify({ ...err, message: err.message }).includes(secret), 'the password is not in the error');
    }
  });
});
