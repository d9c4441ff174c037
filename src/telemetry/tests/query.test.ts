import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { openTelemetry, queryFromParams, type TelemetryService } from '../index.ts';
import { tempDir } from '../../../test/tmp.ts';

const clock = manualClock('2026-11-27T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('telemetry queries', () => {
  const tmp = tempDir('opsdesk-telq-');
  let t: TelemetryService;
  before(async () => {
    t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), clock);
    const rows: unknown[] = [];
    // Today 10:00-10:10: /v1/swap on bsc, 100 requests with latencies 1..100 ms, 10 of them 500s from app 9.2.1.
    for (let i = 0; i < 100; i++) rows.push({ timestamp: `2026-11-27T10:0${Math.floor(i / 10)}:00Z`, route: '/v1/swap', chain: 'bsc', status: i % 10 === 0 ? 500 : 200, durationMs: i + 1, appVersion: i % 10 === 0 ? '9.2.1' : '9.1.0', userId: `u${i % 5}`, rpcProvider: 'ankr', http: { method: 'POST' } });
    // /v1/quote on ethereum, 50 requests, no errors.
    for (let i = 0; i < 50; i++) rows.push({ timestamp: '2026-11-27T10:05:00Z', route: '/v1/quote', chain: 'ethereum', status: 200, durationMs: 10, appVersion: '9.1.0', userId: 'u9', http: { method: 'GET' } });
    // Yesterday same window: 40 swap requests, 2 errors.
    for (let i = 0; i < 40; i++) rows.push({ timestamp: '2026-11-26T10:03:00Z', route: '/v1/swap', chain: 'bsc', status: i < 2 ? 500 : 200, durationMs: 5 });
    // A user's story around 10:30: a span error with a trace, a log, and an event of another user.
    rows.push({ timestamp: '2026-11-27T10:29:00Z', kind: 'span', name: 'POST /v1/tx/send', route: '/v1/tx/send', status: 503, userId: 'alice', traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', spanId: 'bbbbbbbbbbbbbbbb', durationMs: 900 });
    rows.push({ timestamp: '2026-11-27T10:31:00Z', level: 'info', message: 'opened swap screen', deviceId: 'dev-alice' });
    rows.push({ timestamp: '2026-11-27T10:32:00Z', level: 'info', message: 'tx watched', txHash: '0x' + 'ab'.repeat(32) });
    rows.push({ timestamp: '2026-11-27T10:33:00Z', level: 'error', message: 'other user', userId: 'bob' });
    rows.push({ timestamp: '2026-11-27T14:30:00Z', level: 'error', message: 'too late', userId: 'alice' });
    const file = join(tmp.dir, 'q.jsonl');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const rep = await t.ingestFiles([file]);
    assert.equal(rep.rejected, 0);
  });
  after(async () => {
    await t.close();
    tmp.remove();
  });

  test('error rate, throughput and p50/p95/p99 per bucket, grouped by route and chain', async () => {
    const rows = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: ['route', 'chain'], limit: 100 });
    assert.equal(rows.length, 2);
    const swap = rows.find((r) => r.group.route === '/v1/swap')!;
    assert.deepEqual(swap.group, { route: '/v1/swap', chain: 'bsc' });
    assert.equal(swap.bucket, '2026-11-27T10:00:00Z');
    assert.equal(swap.count, 100);
    assert.equal(swap.errors, 10);
    assert.equal(swap.errorRate, 0.1);
    assert.equal(swap.p50Ms, 50.5);
    assert.equal(Math.round(swap.p95Ms! * 100) / 100, 95.05);
    assert.equal(Math.round(swap.p99Ms! * 100) / 100, 99.01);
    const byMethod = await t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: ['attr.http.method'], limit: 100 });
    assert.deepEqual(byMethod.map((r) => [r.group['attr.http.method'], r.count]).sort(), [['GET', 50], ['POST', 100]]);
  });

  test('top-N: which app versions produce the 500s', async () => {
    const top = await t.top({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), by: 'appVersion', n: 5, rankBy: 'errors', where: { statusCode: '500' } });
    assert.deepEqual(top, [{ value: '9.2.1', count: 10, errors: 10, errorRate: 1, share: 1 }]);
  });

  test('compare with the same window yesterday', async () => {
    const cmp = await t.compare({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T10:10:00Z'), bucketSec: 600, groupBy: [], limit: 100, where: { route: '/v1/swap' } }, 'yesterday');
    assert.equal(cmp.totals.current.count, 100);
    assert.equal(cmp.totals.previous.count, 40);
    assert.equal(cmp.totals.previous.errorRate, 0.05);
    assert.equal(cmp.totals.countChange, 1.5);
    assert.equal(cmp.previous[0]!.bucket, '2026-11-27T10:00:00Z', 'earlier buckets are shifted onto the current window');
  });

  test('correlate: a user’s events around a time, errors first, with trace links', async () => {
    const c = await t.correlate({ userId: 'alice', deviceId: 'dev-alice', txHashes: ['0x' + 'AB'.repeat(32)], around: at('2026-11-27T10:30:00Z'), windowMin: 30 });
    assert.deepEqual(c.events.map((e) => e.body ?? e.name), ['POST /v1/tx/send', 'tx watched', 'opened swap screen']);
    assert.equal(c.errors, 1);
    assert.equal(c.traces.length, 1);
    assert.equal(c.traces[0]!.traceId, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    assert.match(c.traces[0]!.href, /^\/api\/telemetry\/events\?traceId=a{32}&from=/);
    const none = await t.correlate({ around: at('2026-11-27T10:30:00Z'), windowMin: 30 });
    assert.deepEqual(none.events, []);
  });

  test('behavior: user input is bound, never spliced into SQL', async () => {
    const evil = "x' OR '1'='1";
    const rows = await t.events({ from: at('2026-11-27T00:00:00Z'), to: at('2026-11-28T00:00:00Z'), userId: evil, where: { route: evil, [`attr.http.method`]: evil }, limit: 10, order: 'desc' });
    assert.deepEqual(rows, []);
    assert.throws(() => queryFromParams('series', { groupBy: 'route; DROP TABLE events' }, clock.now()), /Invalid telemetry query/);
    assert.throws(() => queryFromParams('series', { groupBy: 'attr.a") OR 1=1 --' }, clock.now()), /Invalid telemetry query/);
    assert.equal((await t.store.stats()).rows, 195);
  });

  test('behavior: query parameters parse relative times, filters and group keys', () => {
    const p = queryFromParams('top', { from: 'now-2h', by: 'rpcProvider', 'where.chain': 'bsc', errorsOnly: 'true', limit: '3' }, clock.now());
    assert.equal(p.kind, 'top');
    if (p.kind !== 'top') return;
    assert.equal(p.query.from.toISOString(), '2026-11-27T10:00:00.000Z');
    assert.deepEqual(p.query.where, { chain: 'bsc' });
    assert.equal(p.query.errorsOnly, true);
    assert.equal(p.query.n, 3);
  });

  test('error: a time range longer than the limit, or reversed, is refused', async () => {
    await assert.rejects(t.events({ from: at('2026-01-01T00:00:00Z'), to: at('2026-11-27T00:00:00Z'), limit: 10, order: 'desc' }), /at most 31 days/);
    await assert.rejects(t.series({ from: at('2026-11-27T10:00:00Z'), to: at('2026-11-27T09:00:00Z'), bucketSec: 60, groupBy: [], limit: 10 }), /end after it starts/);
    assert.throws(() => queryFromParams('events', { limit: '100000' }, clock.now()), /Invalid telemetry query/);
  });
});
