// DuckDB vs ClickHouse telemetry store, side by side: the same JSON-lines file (bench/telemetry-data.ts)
// ingested into each store through `opsdesk telemetry ingest`'s code, the same events appended straight
// through the store port (the ClickHouse ingest-rate target: >= 100,000 events/s from one process), and
// the same queries (median of 5 after a warm-up).
// Run: node --import tsx bench/telemetry-stores.ts [events=1000000] [--append-only [--repeat=N]]
// (--append-only: only the ClickHouse store-append phase, repeated --repeat=N times on fresh databases.)
// ClickHouse: a server started here (Debian's clickhouse-server, as the tests do), or an existing one via
// OPSDESK_BENCH_CLICKHOUSE_URL / _USER / _PASSWORD.
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Config, systemClock } from '../src/core/index.ts';
import type { TelemetryEvent } from '../src/telemetry/event.ts';
import { openTelemetry, type TelemetryService } from '../src/telemetry/index.ts';
import type { EventsQuery } from '../src/telemetry/store.ts';
import { whereClause } from '../src/telemetry/clickhouse/sql.ts';
import { createClient } from '@clickhouse/client';
import { startClickHouse } from '../test/clickhouse.ts';
import { tempDir } from '../test/tmp.ts';
import { flatEvents, writeJsonl, type FlatEvent } from './telemetry-data.ts';
import { medianMs } from './timing.ts';

const args = process.argv.slice(2);
const n = Number(args.find((a) => !a.startsWith('--')) ?? 1_000_000);
const appendOnly = args.includes('--append-only');
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 1);
const startMs = Date.UTC(2026, 10, 26);
const runs = 5;
const cpuSec = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

/** CPU seconds a process has used so far (Linux /proc), for the ClickHouse server's share. */
function procCpuSec(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The stored form of a generated event (what ingest's column mapping makes of it). */
function toEvent(e: FlatEvent): TelemetryEvent {
  return {
    tsMs: Date.parse(e.timestamp), kind: 'log', service: e.service, severity: e.level === 'error' ? 'error' : 'info', isError: e.status >= 500, name: null, route: e.route, statusCode: e.status, durationMs: e.durationMs,
    chain: e.chain, appVersion: e.appVersion, platform: e.platform, country: e.country, rpcProvider: e.rpcProvider, userId: e.userId, deviceId: e.deviceId, address: null, txHash: null, traceId: e.traceId, spanId: null,
    metricName: null, metricValue: null, body: e.message, attrs: JSON.stringify({ 'http.request.method': e['http.request.method'] }),
  };
}

const time = (fn: () => Promise<unknown>) => medianMs(fn, runs);

const tmp = tempDir('opsdesk-bench-stores-');
const external = process.env.OPSDESK_BENCH_CLICKHOUSE_URL;
const server = external ? undefined : await startClickHouse();
const ch = external ? { url: external, user: process.env.OPSDESK_BENCH_CLICKHOUSE_USER ?? 'default', password: process.env.OPSDESK_BENCH_CLICKHOUSE_PASSWORD ?? '' } : server!;
let db = 0;
const open = (store: 'duckdb' | 'clickhouse', database = `bench_${process.pid}_${++db}`, rollup: 'auto' | 'always' = 'auto'): Promise<TelemetryService> =>
  openTelemetry(Config.parse({ dataDir: join(tmp.dir, database), telemetry: { store, clickhouse: { url: ch.url, user: ch.user, password: ch.password, database, rollup } } }), systemClock);

/** Store-level append: the same events, 50,000 per append as the writer and file ingest send them. */
async function appendPhase(kind: 'duckdb' | 'clickhouse'): Promise<{ wall: number; cpu: number; server: number }> {
  const t = await open(kind);
  let batch: TelemetryEvent[] = [];
  let wall = 0;
  let cpu = 0;
  const s0 = procCpuSec(server?.pid);
  const send = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await t.store.append(batch);
    wall += performance.now() - t0;
    cpu += cpuSec(process.cpuUsage(c0));
    batch = [];
  };
  for (const e of flatEvents(n, { startMs, users: 100_000, seed: 1 })) {
    batch.push(toEvent(e));
    if (batch.length === 50_000) await send();
  }
  await send();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await t.close();
  wall += performance.now() - t0;
  cpu += cpuSec(process.cpuUsage(c0));
  return { wall: wall / 1000, cpu, server: kind === 'clickhouse' ? procCpuSec(server?.pid) - s0 : 0 };
}

const perEvent = (x: { wall: number; cpu: number; server: number }) =>
  `${Math.round(n / x.wall).toLocaleString('en-US')} events/s, OpsDesk ${((x.cpu / n) * 1e6).toFixed(2)} µs CPU/event, server ${((x.server / n) * 1e6).toFixed(2)} µs CPU/event`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

try {
  if (appendOnly) {
    console.log(`ClickHouse store append only: ${n} events in 50k appends, ${repeat} run(s); ClickHouse ${external ? external : `18.16 started here (pid ${server!.pid})`}`);
    for (let i = 0; i < repeat; i++) {
      const r = await appendPhase('clickhouse');
      console.log(`run ${i + 1}: ${r.wall.toFixed(2)} s wall = ${perEvent(r)} (load average ${load()})`);
    }
  } else {
    const file = join(tmp.dir, 'events.jsonl');
    await writeJsonl(file, n, { startMs, users: 100_000 });
    console.log(`input: ${n} events, ${(statSync(file).size / 1e6).toFixed(0)} MB; ClickHouse ${external ? external : `18.16 started here (pid ${server!.pid})`}`);
    console.log('(wall times on the shared, loaded 2-core machine; CPU seconds are load-independent)\n');

    // 1. Store-level append (the ClickHouse ingest-rate target).
    const appendRate: Record<string, { wall: number; cpu: number; server: number }> = {};
    for (const kind of ['duckdb', 'clickhouse'] as const) appendRate[kind] = await appendPhase(kind);

    // 2. File ingest end to end (parse, map, limits, redaction, store), then the queries on those stores.
    const stores: Record<string, TelemetryService> = {};
    const ingest: Record<string, { wall: number; cpu: number; server: number }> = {};
    const chDatabase = `bench_${process.pid}_files`;
    for (const kind of ['duckdb', 'clickhouse'] as const) {
      const t = await open(kind, kind === 'clickhouse' ? chDatabase : undefined);
      const s0 = procCpuSec(server?.pid);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const report = await t.ingestFiles([file]);
      ingest[kind] = { wall: (performance.now() - t0) / 1000, cpu: cpuSec(process.cpuUsage(c0)), server: kind === 'clickhouse' ? procCpuSec(server?.pid) - s0 : 0 };
      if (report.ingested !== n) throw new Error(`${kind}: ingested ${report.ingested} of ${n}`);
      stores[kind] = t;
    }
    // The same ClickHouse data through a store that always answers from the per-minute rollup.
    stores.rollup = await open('clickhouse', chDatabase, 'always');

    const day = { from: new Date(startMs), to: new Date(startMs + 86_400_000) };
    const odd = { from: new Date(startMs + 3_600_000 + 1234), to: new Date(startMs + 20 * 3_600_000 + 5) };
    const queries: [string, (t: TelemetryService) => Promise<unknown>][] = [
      ['error rate + p50/p95/p99 by route x chain, 1 day, 1h buckets (rollup-shaped)', (t) => t.series({ ...day, bucketSec: 3600, groupBy: ['route', 'chain'], limit: 50_000 })],
      ['error rate + p95 by route, 1 day, 5 min buckets (rollup-shaped)', (t) => t.series({ ...day, bucketSec: 300, groupBy: ['route'], percentiles: ['p95'], limit: 50_000 })],
      ['same by route x chain, range off the minute grid (raw on both)', (t) => t.series({ ...odd, bucketSec: 3600, groupBy: ['route', 'chain'], limit: 50_000 })],
      ['series by attr.http.request.method (raw JSON attribute)', (t) => t.series({ ...day, bucketSec: 3600, groupBy: ['attr.http.request.method'], limit: 50_000 })],
      ['top 5 app versions by errors on /v1/swap (raw: appVersion)', (t) => t.top({ ...day, by: 'appVersion', n: 5, rankBy: 'errors', where: { route: '/v1/swap' } })],
      ['top 10 chains by count (rollup-shaped)', (t) => t.top({ ...day, by: 'chain', n: 10 })],
      ['events of one user (1 day)', (t) => t.events({ ...day, userId: 'u4242', limit: 200, order: 'desc' })],
      ['correlate one user +-2h', (t) => t.correlate({ userId: 'u4242', deviceId: 'd4242', around: new Date(startMs + 12 * 3_600_000), windowMin: 120 })],
      ['compare with yesterday (1 day, hourly)', (t) => t.compare({ ...day, bucketSec: 3600, groupBy: [] }, 'yesterday')],
    ];
    const rows: string[] = [];
    // The entity lookup answered from `events` alone (as without the lookup tables), same run:
    // the before/after ratio, independent of the machine's load.
    const raw = createClient({ url: ch.url, username: ch.user, password: ch.password, database: chDatabase });
    const lookups: [string, EventsQuery][] = [
      ['user', { ...day, userId: 'u4242', limit: 200, order: 'desc' }],
      ['device', { ...day, deviceId: 'd4242', limit: 200, order: 'desc' }],
      ['trace', { ...day, traceId: (await stores.duckdb!.events({ ...day, userId: 'u4242', limit: 1, order: 'desc' }))[0]?.traceId ?? 'none', limit: 200, order: 'desc' }],
    ];
    const lookupRows: string[] = [];
    for (const [kind, q] of lookups) {
      const before = await time(async () => (await raw.query({ query: `SELECT * FROM events WHERE ${whereClause(q)} ORDER BY ts_ms DESC LIMIT 200`, format: 'JSONEachRow' })).json());
      const viaLookup = await time(() => stores.clickhouse!.events(q));
      const duck = await time(() => stores.duckdb!.events(q));
      lookupRows.push(`| events of one ${kind} (1 day) | ${duck.toFixed(1)} | ${before.toFixed(1)} | ${viaLookup.toFixed(1)} | ${(before / viaLookup).toFixed(1)}× | ${(duck / viaLookup).toFixed(2)}× |`);
    }
    const sizes = await (await raw.query({ query: `SELECT table, sum(rows) AS r, sum(bytes_on_disk) AS b FROM system.parts WHERE active AND database = currentDatabase() AND table IN ('events', 'events_by_key', 'event_ids') GROUP BY table ORDER BY table`, format: 'JSONEachRow' })).json<{ table: string; r: string; b: string }>();
    await raw.close();
    for (const [name, q] of queries) {
      const duck = await time(() => q(stores.duckdb!));
      const click = await time(() => q(stores.clickhouse!));
      const rollup = name.includes('(rollup') ? (await time(() => q(stores.rollup!))).toFixed(1) : '';
      rows.push(`| ${name} | ${duck.toFixed(1)} | ${click.toFixed(1)} | ${rollup} | ${(duck / click).toFixed(2)}× |`);
    }
    for (const t of Object.values(stores)) await t.close();

    const rate = (x: { wall: number }) => Math.round(n / x.wall).toLocaleString('en-US');
    console.log('| ingest | DuckDB | ClickHouse |');
    console.log('| --- | ---: | ---: |');
    console.log(`| store append (50k/append), wall | ${appendRate.duckdb!.wall.toFixed(1)} s = ${rate(appendRate.duckdb!)}/s | ${appendRate.clickhouse!.wall.toFixed(1)} s = **${rate(appendRate.clickhouse!)}/s** |`);
    console.log(`| store append, OpsDesk CPU s (server CPU s) | ${appendRate.duckdb!.cpu.toFixed(1)} | ${appendRate.clickhouse!.cpu.toFixed(1)} (${appendRate.clickhouse!.server.toFixed(1)}) |`);
    console.log(`| file ingest end to end, wall | ${ingest.duckdb!.wall.toFixed(1)} s = ${rate(ingest.duckdb!)}/s | ${ingest.clickhouse!.wall.toFixed(1)} s = ${rate(ingest.clickhouse!)}/s |`);
    console.log(`| file ingest, OpsDesk CPU s (server CPU s) | ${ingest.duckdb!.cpu.toFixed(1)} | ${ingest.clickhouse!.cpu.toFixed(1)} (${ingest.clickhouse!.server.toFixed(1)}) |`);
    const chRate = n / appendRate.clickhouse!.wall;
    console.log(`\nClickHouse store append: ${perEvent(appendRate.clickhouse!)}; target >= 100,000 events/s ${chRate >= 100_000 ? 'PASS' : 'FAIL'} (load average ${load()})\n`);
    console.log('| query (median of 5, ms) | DuckDB | ClickHouse (rollup auto) | ClickHouse (rollup always) | DuckDB / ClickHouse |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) console.log(r);
    console.log('\n| entity lookup (median of 5, ms) | DuckDB | ClickHouse, from events | ClickHouse, via events_by_key | events / events_by_key | DuckDB / events_by_key |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of lookupRows) console.log(r);
    const ev = sizes.find((x) => x.table === 'events');
    const others = sizes.filter((x) => x !== ev).map((x) => `${x.table}: ${x.r} rows, ${(Number(x.b) / 1e6).toFixed(0)} MB (${(Number(x.b) / Number(ev?.b)).toFixed(2)}× the events table)`);
    console.log(`\nevents: ${ev?.r} rows, ${(Number(ev?.b) / 1e6).toFixed(0)} MB on disk; ${others.join('; ')}`);
  }
} finally {
  await server?.stop();
  tmp.remove();
}
