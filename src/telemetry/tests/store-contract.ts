import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { manualClock, type Clock } from '../../core/index.ts';
import { telemetryEvent } from '../event.ts';
import type { TelemetryService } from '../service.ts';
import { tempDir } from '../../../test/tmp.ts';

/**
 * Opens a TelemetryService over a fresh, empty store of one implementation, through the
 * composition root (openTelemetry) with `telemetry` config overrides.
 */
export type OpenStore = (telemetry: Record<string, unknown>, clock: Clock) => Promise<TelemetryService>;

export interface ContractTarget {
  name: string;
  /** Prepares the backend (e.g. starts a ClickHouse server) and returns the opener. */
  setup(): Promise<OpenStore>;
  teardown(): Promise<void>;
}

const at = (iso: string) => new Date(iso);

/** The query-surface scenario: every query kind over one fixed data set. */
function queryRows(): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < 100; i++) rows.push({ timestamp: `2026-11-27T10:0${Math.floor(i / 10)}:00Z`, route: '/v1/swap', chain: 'bsc', status: i % 10 === 0 ? 500 : 200, durationMs: i + 1, appVersion: i % 10 === 0 ? '9.2.1' : '9.1.0', userId: `u${i % 5}`, rpcProvider: 'ankr', http: { method: 'POST' } });
  for (let i = 0; i < 50; i++) rows.push({ timestamp: '2026-11-27T10:05:00Z', route: '/v1/quote', chain: 'ethereum', status: 200, durationMs: 10, appVersion: '9.1.0', userId: 'u9', http: { method: 'GET' } });
  for (let i = 0; i < 40; i++) rows.push({ timestamp: '2026-11-26T10:03:00Z', route: '/v1/swap', chain: 'bsc', status: i < 2 ? 500 : 200, durationMs: 5 });
  rows.push({ timestamp: '2026-11-27T10:29:00Z', kind: 'span', name: 'POST /v1/tx/send', route: '/v1/tx/send', status: 503, userId: 'alice', traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', spanId: 'bbbbbbbbbbbbbbbb', durationMs: 900 });
  rows.push({ timestamp: '2026-11-27T10:31:00Z', level: 'info', message: 'opened swap screen', deviceId: 'dev-alice' });
  rows.push({ timestamp: '2026-11-27T10:32:00Z', level: 'info', message: 'tx watched', txHash: '0x' + 'ab'.repeat(32), address: '0x' + 'cd'.repeat(20) });
  rows.push({ timestamp: '2026-11-27T10:33:00Z', level: 'error', message: 'other user', userId: 'bob' });
  rows.push({ timestamp: '2026-11-27T14:30:00Z', level: 'error', message: 'too late', userId: 'alice' });
  return rows;
}

/** The shared contract every TelemetryStore implementation passes: ingest, every query kind, retention, correlation. */
export function storeContract(target: ContractTarget): void {
  describe(`telemetry store contract: ${target.name}`, () => {
    let open: OpenStore;
    const tmp = tempDir('opsdesk-contract-');
    before(async () => {
      open = await target.setup();
    });
    after(async () => {
      await target.teardown();
      tmp.remove();
    });

    describe('queries', () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      let t: TelemetryService;
      before(async () => {
        t = await open({}, clock);
        const file = join(tmp.dir, 'q.jsonl');
        writeFileSync(file, queryRows().map((r) => JSON.stringify(r)).join('\n'));
        const rep = await t.ingestFiles([file]);
        assert.equal(rep.rejected, 0);
        assert.equal(rep.ingested, 195);
      });
      after(() => t.close());

      test('series: count, errors, error rate, p50/p95/p99 per bucket grouped by route and chain', async () => {
        const rows = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: ['route', 'chain'], limit: 100 });
        assert.equal(rows.length, 2);
        const swap = rows.find((r) => r.group.route === '/v1/swap')!;
        assert.deepEqual(swap.group, { route: '/v1/swap', chain: 'bsc' });
        assert.equal(swap.bucket, '2026-11-27T10:00:00Z');
        assert.deepEqual([swap.count, swap.errors, swap.errorRate], [100, 10, 0.1]);
        assert.equal(swap.p50Ms, 50.5);
        assert.equal(Math.round(swap.p95Ms! * 100) / 100, 95.05);
        assert.equal(Math.round(swap.p99Ms! * 100) / 100, 99.01);
        // The same range cut off the minute grid (raw events, not a rollup) gives the same answer.
        const raw = await t.series({ from: at('2026-11-27T09:59:59.999Z'), to: at('2026-11-27T10:10:00.001Z'), bucketSec: 600, groupBy: ['route', 'chain'], limit: 100 });
        assert.deepEqual(raw, rows);
        const byMethod = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: ['attr.http.method'], limit: 100 });
        assert.deepEqual(byMethod.map((r) => [r.group['attr.http.method'], r.count]).sort(), [['GET', 50], ['POST', 100]]);
      });

      test('series: minute buckets, only p95, errors only, grouped by status code', async () => {
        const rows = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 60, groupBy: ['statusCode'], percentiles: ['p95'], errorsOnly: true, limit: 100 });
        assert.equal(rows.length, 10);
        assert.deepEqual(rows[0], { bucket: '2026-11-27T10:00:00Z', group: { statusCode: '500' }, count: 1, errors: 1, errorRate: 1, p50Ms: null, p95Ms: 1, p99Ms: null });
        const byKind = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T11:00:00Z'), bucketSec: 3600, groupBy: ['kind'], where: { route: '/v1/tx/send' }, limit: 10 });
        assert.deepEqual(byKind.map((r) => [r.group.kind, r.count, r.errors, r.p50Ms]), [['span', 1, 1, 900]]);
      });

      test('top-N by errors and by count, with shares', async () => {
        const top = await t.top({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), by: 'appVersion', n: 5, rankBy: 'errors', where: { statusCode: '500' } });
        assert.deepEqual(top, [{ value: '9.2.1', count: 10, errors: 10, errorRate: 1, share: 1 }]);
        const routes = await t.top({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T11:00:00Z'), by: 'route', n: 2 });
        assert.deepEqual(routes, [
          { value: '/v1/swap', count: 100, errors: 10, errorRate: 0.1, share: 100 / 154 },
          { value: '/v1/quote', count: 50, errors: 0, errorRate: 0, share: 50 / 154 },
        ]);
        const nulls = await t.top({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T11:00:00Z'), by: 'chain', n: 5 });
        assert.deepEqual(nulls.map((r) => [r.value, r.count]), [['bsc', 100], ['ethereum', 50], [null, 4]], 'NULL is its own value, ranked last on ties');
      });

      test('compare with the same window yesterday', async () => {
        const cmp = await t.compare({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: [], limit: 100, where: { route: '/v1/swap' } }, 'yesterday');
        assert.equal(cmp.totals.current.count, 100);
        assert.equal(cmp.totals.previous.count, 40);
        assert.equal(cmp.totals.previous.errorRate, 0.05);
        assert.equal(cmp.totals.countChange, 1.5);
        assert.equal(cmp.previous[0]!.bucket, '2026-11-27T10:00:00Z');
      });

      test('events by user, device, address, tx hash and trace', async () => {
        const range = { from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), limit: 100, order: 'asc' as const };
        assert.deepEqual((await t.events({ ...range, userId: 'alice' })).map((e) => [e.ts, e.name ?? e.body]), [['2026-11-27T10:29:00.000Z', 'POST /v1/tx/send'], ['2026-11-27T12:00:00.000Z', 'too late']]);
        assert.deepEqual((await t.events({ ...range, deviceId: 'dev-alice' })).map((e) => e.body), ['opened swap screen']);
        assert.deepEqual((await t.events({ ...range, address: '0x' + 'cd'.repeat(20) })).map((e) => e.body), ['tx watched']);
        assert.deepEqual((await t.events({ ...range, txHash: '0x' + 'ab'.repeat(32) })).map((e) => e.body), ['tx watched']);
        const trace = await t.events({ ...range, traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
        assert.deepEqual([trace.length, trace[0]!.kind, trace[0]!.spanId, trace[0]!.statusCode, trace[0]!.durationMs, trace[0]!.isError], [1, 'span', 'bbbbbbbbbbbbbbbb', 503, 900, true]);
        const newest = await t.events({ ...range, order: 'desc', limit: 2, where: { chain: 'bsc' } });
        assert.deepEqual(newest.map((e) => e.ts), ['2026-11-27T10:09:00.000Z', '2026-11-27T10:09:00.000Z']);
        const errorsFirst = await t.events({ ...range, order: 'errors_first', limit: 3, anyOf: { userId: ['alice', 'bob'] } });
        assert.deepEqual(errorsFirst.map((e) => e.body ?? e.name), ['too late', 'other user', 'POST /v1/tx/send']);
        const swap = (await t.events({ ...range, userId: 'u1', limit: 1 }))[0]!;
        assert.deepEqual(swap.attrs, { 'http.method': 'POST' });
      });

      test('correlate: a user’s events around a time, errors first, with trace links', async () => {
        const c = await t.correlate({ userId: 'alice', deviceId: 'dev-alice', txHashes: ['0x' + 'AB'.repeat(32)], around: at('2026-11-27T10:30:00Z'), windowMin: 30 });
        assert.deepEqual(c.events.map((e) => e.body ?? e.name), ['POST /v1/tx/send', 'tx watched', 'opened swap screen']);
        assert.equal(c.errors, 1);
        assert.deepEqual(c.traces.map((x) => [x.traceId, x.events, x.errors]), [['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, 1]]);
        assert.match(c.traces[0]!.href, /^\/api\/telemetry\/events\?traceId=a{32}&from=/);
        assert.deepEqual((await t.correlate({ around: at('2026-11-27T10:30:00Z'), windowMin: 30 })).events, []);
      });

      test('behavior: user input is bound, never spliced into SQL', async () => {
        for (const evil of ["x' OR '1'='1", "x\\' OR 1=1 --", "\\", "'; DROP TABLE events; --"]) {
          const rows = await t.events({ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), userId: evil, where: { route: evil, 'attr.http.method': evil }, limit: 10, order: 'desc' });
          assert.deepEqual(rows, []);
          assert.deepEqual(await t.top({ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), by: `attr.x`, where: { service: evil } }), []);
        }
        assert.equal((await t.store.stats()).rows, 195);
      });

      test('error: a time range longer than the limit, or reversed, is refused', async () => {
        await assert.rejects(t.events({ from: at('2026-01-01T00:00:00Z'), to: at('2026-11-27T00:00:00Z'), limit: 10, order: 'desc' }), /at most 31 days/);
        await assert.rejects(t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T09:00:00Z'), bucketSec: 60, groupBy: [], limit: 10 }), /end after it starts/);
      });

      test('stats: rows, bytes, oldest and newest', async () => {
        const s = await t.store.stats();
        assert.deepEqual([s.rows, s.oldest, s.newest], [195, '2026-11-26T10:03:00.000Z', '2026-11-27T12:00:00.000Z']);
        assert.ok(s.bytes > 0);
      });
    });

    describe('ingest', () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      let t: TelemetryService;
      before(async () => {
        t = await open({}, clock);
      });
      after(() => t.close());

      test('appended events come back field for field, odd characters included', async () => {
        const odd = "tab\there, new\nline, CR\r, back\\slash, quote ' \" , NUL-free unicode ☃ 𝄞, \\N";
        const e = telemetryEvent({ tsMs: Date.parse('2026-11-27T09:00:00.123Z'), kind: 'span', service: 'wallet-api', severity: 'error', isError: true, name: odd, route: '/v1/x', statusCode: 502, durationMs: 12.25, chain: 'bsc', appVersion: '9.2.1', platform: 'ios', country: 'BR', rpcProvider: 'ankr', userId: 'u-odd', deviceId: 'd1', address: '0xabc', txHash: '0xdef', traceId: 't'.repeat(32), spanId: 's'.repeat(16), body: odd, attrs: JSON.stringify({ note: odd, n: 3, nested: { a: [1, 2] } }) });
        const empty = telemetryEvent({ tsMs: Date.parse('2026-11-27T09:00:01Z'), userId: 'u-odd', service: '', body: '' });
        await t.store.append([e, empty]);
        const rows = await t.events({ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), userId: 'u-odd', limit: 10, order: 'asc' });
        const { tsMs: _ts, attrs, ...rest } = e;
        assert.deepEqual(rows[0], { ...rest, ts: '2026-11-27T09:00:00.123Z', attrs: JSON.parse(attrs) });
        assert.deepEqual([rows[1]!.service, rows[1]!.body, rows[1]!.route, rows[1]!.statusCode], ['', '', null, null], 'empty strings and NULLs stay apart');
        assert.deepEqual((await t.top({ from: at('2026-11-27T09:00:00Z'), to: at('2026-11-27T09:01:00Z'), by: 'service' })).map((r) => r.value), ['', 'wallet-api']);
      });

      test('OTLP/JSON logs and file lines land in the store', async () => {
        const otlp = { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'wallet-app' } }] }, scopeLogs: [{ logRecords: [{ timeUnixNano: String(Date.parse('2026-11-27T09:30:00Z') * 1e6), severityText: 'ERROR', body: { stringValue: 'send failed' }, attributes: [{ key: 'user.id', value: { stringValue: 'u-otlp' } }, { key: 'retries', value: { intValue: '3' } }] }] }] }] };
        const r = await t.ingestOtlp('logs', new TextEncoder().encode(JSON.stringify(otlp)), 'application/json', undefined);
        assert.ok(r);
        const rows = await t.events({ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), userId: 'u-otlp', limit: 10, order: 'asc' });
        assert.deepEqual([rows.length, rows[0]!.service, rows[0]!.severity, rows[0]!.body, rows[0]!.attrs.retries], [1, 'wallet-app', 'error', 'send failed', 3]);
      });

      test('metrics: avg/max/rate per bucket grouped by an attribute', async () => {
        const base = Date.parse('2026-11-27T08:00:00Z');
        const m = (min: number, node: string, v: number) => telemetryEvent({ tsMs: base + min * 60_000, kind: 'metric', metricName: 'wallet.rpc.block_height', metricValue: v, attrs: JSON.stringify({ region: node }) });
        await t.store.append([m(0, 'eu-1', 100), m(30, 'eu-1', 160), m(10, 'us-1', 50), m(70, 'eu-1', 400)]);
        const day = { from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z') };
        assert.deepEqual(await t.metric({ ...day, metric: 'wallet.rpc.block_height', bucketSec: 3600, agg: 'max', groupBy: ['region'], limit: 10 }, 'store'), [
          { bucket: '2026-11-27T08:00:00Z', group: { region: 'eu-1' }, value: 160 },
          { bucket: '2026-11-27T08:00:00Z', group: { region: 'us-1' }, value: 50 },
          { bucket: '2026-11-27T09:00:00Z', group: { region: 'eu-1' }, value: 400 },
        ]);
        assert.deepEqual(await t.metric({ ...day, metric: 'wallet.rpc.block_height', bucketSec: 3600, agg: 'rate', where: { region: 'eu-1' }, limit: 10 }, 'store'), [
          { bucket: '2026-11-27T08:00:00Z', group: {}, value: 60 / 3600 },
          { bucket: '2026-11-27T09:00:00Z', group: {}, value: 0 },
        ]);
        assert.deepEqual((await t.metric({ ...day, metric: 'wallet.rpc.block_height', bucketSec: 86400, agg: 'avg', limit: 10 }, 'store')).map((p) => p.value), [177.5]);
      });
    });

    describe('retention', () => {
      test('deletes events older than retentionDays', async () => {
        const clock = manualClock('2026-11-27T12:00:00Z');
        const t = await open({ retentionDays: 7 }, clock);
        try {
          const file = join(tmp.dir, 'r.jsonl');
          const rows = [];
          for (let d = 0; d < 10; d++) rows.push(JSON.stringify({ timestamp: new Date(Date.UTC(2026, 10, 27 - d, 6)).toISOString(), userId: 'u', route: '/r', day: d }));
          writeFileSync(file, rows.join('\n'));
          assert.equal((await t.ingestFiles([file])).ingested, 10);
          assert.equal((await t.applyRetention()).deletedRows, 3);
          const left = await t.events({ from: at('2026-11-01T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), limit: 100, order: 'asc' });
          assert.deepEqual(left.map((e) => e.attrs.day), [6, 5, 4, 3, 2, 1, 0]);
          const series = await t.series({ from: at('2026-11-01T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), bucketSec: 86400, groupBy: ['route'], limit: 100 });
          assert.equal(series.reduce((s, r) => s + r.count, 0), 7, 'aggregates forget the deleted days too');
          assert.equal((await t.applyRetention()).deletedRows, 0);
        } finally {
          await t.close();
        }
      });

      test('deletes the oldest events when the store is over maxBytes', async () => {
        const clock = manualClock('2026-11-27T12:00:00Z');
        const t = await open({}, clock);
        try {
          const file = join(tmp.dir, 's.jsonl');
          const rows = [];
          for (let i = 0; i < 20_000; i++) rows.push(JSON.stringify({ timestamp: new Date(Date.UTC(2026, 10, 27, 0, 0, i)).toISOString(), userId: `u${i}`, message: `event ${i} ${'x'.repeat(i % 50)}` }));
          writeFileSync(file, rows.join('\n'));
          await t.ingestFiles([file]);
          const before = await t.store.stats();
          const res = await t.store.applyRetention({ maxAgeDays: 365, maxBytes: Math.floor(before.bytes / 2) }, clock.now());
          assert.ok(res.deletedRows > 0 && res.deletedRows < 20_000, `deleted ${res.deletedRows}`);
          const after = await t.store.stats();
          assert.equal(after.rows, 20_000 - res.deletedRows);
          assert.ok(after.oldest! > before.oldest!, 'the oldest events went first');
          assert.equal(after.newest, before.newest);
        } finally {
          await t.close();
        }
      });
    });
  });
}
