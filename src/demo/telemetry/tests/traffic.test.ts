import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig, manualClock } from '../../../core/index.ts';
import { openTelemetry, queryFromParams, type SeriesRow, type TelemetryService } from '../../../telemetry/index.ts';
import { tempDir } from '../../../../test/tmp.ts';
import { generateSecond } from '../generate.ts';
import { OtlpBatch } from '../otlp.ts';
import { demoUser, demoUsers, startDemoTelemetry, type DemoTelemetry } from '../index.ts';

const start = Date.parse('2026-11-27T10:00:00.000Z');
const min = 60_000;

describe('demo telemetry traffic', () => {
  const tmp = tempDir('opsdesk-demo-traffic-');
  const clock = manualClock(start);
  let telemetry: TelemetryService;
  let demo: DemoTelemetry;

  before(async () => {
    const config = loadConfig({ cwd: tmp.dir, env: { OPSDESK_DATA_DIR: tmp.dir } });
    telemetry = await openTelemetry({ dataDir: tmp.dir, telemetry: { ...config.telemetry, threads: 1, memoryLimit: '256MB', userIndex: false } }, clock);
    // 10 minutes of backfill, then 20 live minutes with the incident from minute 5 to minute 10.
    demo = await startDemoTelemetry({ telemetry: async () => telemetry, clock }, { tickMs: 0, backfillMs: 10 * min, incidentAfterMs: 5 * min, incidentDurationMs: 5 * min });
    for (let m = 0; m < 20; m++) {
      clock.advance(min);
      await demo.catchUp();
    }
  });
  after(async () => {
    await demo.stop();
    await telemetry.close();
    tmp.remove();
  });

  /** The series API as the console calls it (flat parameters), one bucket over [from, to). */
  async function series(fromMs: number, toMs: number, params: Record<string, string>): Promise<SeriesRow[]> {
    const parsed = queryFromParams('series', { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), bucket: String((toMs - fromMs) / 1000), 'where.service': 'api-gateway', ...params }, clock.now());
    return ((await telemetry.run(parsed)) as { items: SeriesRow[] }).items;
  }

  test('backfill and live seconds are ingested through the OTLP path and cover every route and chain', async () => {
    assert.equal(demo.backfill.toMs, start);
    assert.equal(demo.backfill.fromMs, start - 10 * min);
    assert.ok(demo.backfill.events > 10 * 60 * 25 * 0.7, `backfill ${demo.backfill.events}`);
    assert.ok(demo.liveEvents > 20 * 60 * 25 * 1.5, `live ${demo.liveEvents}`);
    const rows = await series(start, start + 5 * min, { groupBy: 'route,chain' });
    assert.equal(rows.length, 20, JSON.stringify(rows.map((r) => r.group)));
    const total = rows.reduce((a, r) => a + r.count, 0);
    // About 25 requests a second (the day curve moves it by up to ±35 %).
    assert.ok(total > 5 * 60 * 25 * 0.6 && total < 5 * 60 * 25 * 1.4, `total ${total}`);
    const [span] = await telemetry.events({ from: new Date(start), to: new Date(start + min), where: { service: 'api-gateway' }, kind: 'span', limit: 1 });
    // Set by the OTLP parser: the rows came through the receiver's path, not straight into the store.
    assert.equal(span!.attrs['otel.scope.name'], 'opsdesk-demo');
    assert.match(span!.traceId ?? '', /^[0-9a-f]{32}$/);
  });

  test('normal traffic has realistic latency and a small error rate per route', async () => {
    const rows = await series(start - 10 * min, start + 5 * min, { groupBy: 'route', percentiles: 'p50,p95' });
    const by = new Map(rows.map((r) => [r.group.route, r]));
    const balance = by.get('/v1/balance')!;
    const swap = by.get('/v1/swap')!;
    assert.ok(balance.p50Ms! > 60 && balance.p50Ms! < 140, `balance p50 ${balance.p50Ms}`);
    assert.ok(swap.p50Ms! > 300 && swap.p50Ms! < 650, `swap p50 ${swap.p50Ms}`);
    assert.ok(swap.p95Ms! > 1.6 * swap.p50Ms! && swap.p95Ms! < 3 * swap.p50Ms!, `swap p95 ${swap.p95Ms} vs p50 ${swap.p50Ms}`);
    for (const r of rows) assert.ok(r.errorRate > 0 && r.errorRate < 0.03, `${r.group.route} error rate ${r.errorRate}`);
  });

  test('the incident slows and fails polygon swaps of android 9.2.0 only, then recovers', async () => {
    const segment = { 'where.route': '/v1/swap', 'where.chain': 'polygon', 'where.platform': 'android', 'where.appVersion': '9.2.0' };
    const [before] = await series(start - 10 * min, start + 5 * min, segment);
    const [during] = await series(start + 5.5 * min, start + 10 * min, segment);
    const [afterwards] = await series(start + 11 * min, start + 20 * min, segment);
    const ratio = during!.p95Ms! / before!.p95Ms!;
    assert.ok(ratio > 4.5 && ratio < 7, `p95 ${before!.p95Ms} -> ${during!.p95Ms} (×${ratio.toFixed(2)})`);
    assert.ok(during!.errorRate > 0.2 && before!.errorRate < 0.03, `error rate ${before!.errorRate} -> ${during!.errorRate}`);
    assert.ok(afterwards!.p95Ms! < 1.5 * before!.p95Ms! && afterwards!.errorRate < 0.05, `after: p95 ${afterwards!.p95Ms}, errors ${afterwards!.errorRate}`);
    // The same route and chain on iOS 9.2.0 is untouched.
    const ios = { ...segment, 'where.platform': 'ios' };
    const [iosBefore] = await series(start - 10 * min, start + 5 * min, ios);
    const [iosDuring] = await series(start + 5.5 * min, start + 10 * min, ios);
    assert.ok(iosDuring!.p95Ms! < 1.5 * iosBefore!.p95Ms!, `ios p95 ${iosBefore!.p95Ms} -> ${iosDuring!.p95Ms}`);
    // Which segment fails? The top app versions among polygon swap errors during the incident.
    const top = (await telemetry.run(queryFromParams('top', { from: new Date(start + 5.5 * min).toISOString(), to: new Date(start + 10 * min).toISOString(), by: 'appVersion', errorsOnly: 'true', 'where.service': 'api-gateway', 'where.route': '/v1/swap', 'where.chain': 'polygon' }, clock.now()))) as { items: Array<{ value: string; count: number }> };
    assert.equal(top.items[0]!.value, '9.2.0');
    // The backend explains it in its logs, on the same trace.
    const logs = await telemetry.events({ from: new Date(start + 5.5 * min), to: new Date(start + 10 * min), where: { service: 'swap-service', severity: 'error', chain: 'polygon' }, kind: 'log', limit: 50 });
    assert.ok(logs.some((e) => /swap router v2 on polygon: route build timed out/.test(e.body ?? '')), JSON.stringify(logs.slice(0, 2)));
  });

  test('the demo users have their own events: requests, backend spans and app events', async () => {
    const maria = demoUser('maria')!;
    assert.equal(demoUsers.filter((u) => u.affectedByIncident).every((u) => u.platform === 'android' && u.appVersion === '9.2.0' && u.chain === 'polygon' && u.route === '/v1/swap'), true);
    const events = await telemetry.events({ from: new Date(start - 10 * min), to: new Date(start + 20 * min), userId: maria.userId, limit: 5000 });
    const services = new Set(events.map((e) => e.service));
    for (const s of ['api-gateway', 'swap-service', 'wallet-app']) assert.ok(services.has(s), `${s} in ${[...services].join(', ')}`);
    assert.ok(events.every((e) => e.deviceId === maria.deviceId && e.platform === 'android' && e.appVersion === '9.2.0'));
    assert.ok(events.some((e) => e.address === maria.address));
    const swaps = events.filter((e) => e.service === 'api-gateway' && e.route === '/v1/swap');
    assert.ok(swaps.length >= 20, `maria swapped ${swaps.length} times`);
  });

  test('the same seed and second give the same traffic; another seed does not', () => {
    const gen = (seed: number) => {
      const b = new OtlpBatch();
      generateSecond(start, { seed, requestsPerSec: 25 }, b);
      return JSON.stringify([b.tracesRequest(), b.logsRequest()]);
    };
    assert.equal(gen(7), gen(7));
    assert.notEqual(gen(7), gen(8));
  });
});
