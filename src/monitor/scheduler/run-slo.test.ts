import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { openStore, type RelationalStore } from '../../storage/index.ts';
import { openTelemetry, type TelemetryService } from '../../telemetry/index.ts';
import { tempDir } from '../../../test/tmp.ts';
import { addMonitor, getAlert, listAlerts, MonitorDefinitionInput, MonitorScheduler, type MonitorDeps } from '../index.ts';

const config = { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 3000, emailFrom: 'a@b.test' };
const t0 = Date.UTC(2026, 10, 27, 6, 0, 0);
const min = 60_000;
/** The OpenTelemetry advice for http.server.request.duration, in seconds. */
const bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Bucket counts with `fast` requests in (0.1, 0.25] s and `slow` in (0.5, 0.75] s. */
const buckets = (fast: number, slow: number) => bounds.map((_, i) => (i === 6 ? fast : i === 8 ? slow : 0)).concat([0]);
/** Slow requests in minute m (of 1,000): 0.5% until minute 90, 30% from 90 to 119, 0.5% again after. */
const slowIn = (m: number) => (m >= 90 && m < 120 ? 300 : 5);
const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });

/** One OTLP/JSON metrics request: minutes [from, to) of /route, one data point a minute (30 s in), cumulative or delta. */
function otlpMinutes(route: string, temporality: 'cumulative' | 'delta', from: number, to: number): Buffer {
  const dataPoints = [];
  for (let m = from; m < to; m++) {
    // Cumulative: running totals since t0 (minute 0 included); delta: this minute only.
    const ms = temporality === 'cumulative' ? Array.from({ length: m + 1 }, (_, k) => k) : [m];
    const slow = ms.reduce((a, k) => a + slowIn(k), 0);
    const counts = buckets(ms.length * 1000 - slow, slow);
    dataPoints.push({
      attributes: [attr('http.route', route), attr('http.request.method', 'POST')],
      startTimeUnixNano: String(BigInt(temporality === 'cumulative' ? t0 : t0 + m * min) * 1_000_000n),
      timeUnixNano: String(BigInt(t0 + m * min + 30_000) * 1_000_000n),
      count: String(counts.reduce((a, b) => a + b, 0)),
      sum: 1,
      bucketCounts: counts.map(String),
      explicitBounds: bounds,
    });
  }
  const body = {
    resourceMetrics: [
      {
        resource: { attributes: [attr('service.name', 'wallet-api')] },
        scopeMetrics: [{ metrics: [{ name: 'http.server.request.duration', unit: 's', histogram: { aggregationTemporality: temporality === 'delta' ? 1 : 2, dataPoints } }] }],
      },
    ],
  };
  return Buffer.from(JSON.stringify(body));
}

describe('stored latency SLO monitors', () => {
  let dir: string;
  let remove: () => void;
  let store: RelationalStore;
  let telemetry: TelemetryService;
  before(async () => {
    ({ dir, remove } = tempDir());
    store = await openStore({ dataDir: dir });
    telemetry = await openTelemetry(Config.parse({ dataDir: dir }), manualClock(t0 + 3 * 3_600_000));
  });
  after(async () => {
    await telemetry.close();
    await store.close();
    remove();
  });

  const ingest = async (from: number, to: number) => {
    for (const [route, temporality] of [['/v1/swap', 'cumulative'], ['/v1/quote', 'delta']] as const) {
      const r = await telemetry.ingestOtlp('metrics', otlpMinutes(route, temporality, from, to), 'application/json', undefined);
      assert.equal(r.rejected, 0, JSON.stringify(r));
    }
  };

  test('a latency SLO over OTLP histograms (cumulative and delta) stays quiet, pages when the budget burns fast, and clears', async () => {
    const clock = manualClock(t0 + 90 * min + 2_000);
    const monitor: MonitorDeps = { store, clock, config };
    const latency = (route: string) => ({ name: `${route} latency`, service: 'wallet-api', route, kind: 'latency' as const, objective: 0.99, latencyThresholdMs: 300 });
    const swap = await addMonitor(monitor, { kind: 'slo', name: 'swap latency', intervalSec: 60, severity: 'page', slo: latency('/v1/swap') });
    const quote = await addMonitor(monitor, { kind: 'slo', name: 'quote latency', intervalSec: 60, slo: latency('/v1/quote') });
    const scheduler = new MonitorScheduler({ monitor, telemetry: async () => telemetry.store }, { workerId: 'slo-latency' });
    const outcomeOf = (report: Awaited<ReturnType<MonitorScheduler['tick']>>, id: string) => {
      const run = report.runs.find((r) => r.monitorId === id);
      assert.ok(run?.outcome, JSON.stringify(report.runs));
      return run.outcome;
    };

    // 90 minutes at 0.5% slower than 300 ms: burn 0.5 in every window, so nothing fires.
    await ingest(0, 90);
    const calm = await scheduler.tick();
    for (const id of [swap.id, quote.id]) {
      const o = outcomeOf(calm, id);
      assert.equal(o.status, 'ok', o.detail);
      assert.match(o.detail, /^latency \(histogram http\.server\.request\.duration.*\): 60m burn 0\.50, 360m burn 0\.50, 4320m burn 0\.50$/);
    }
    assert.deepEqual((await listAlerts(monitor, { status: 'open' })).items, []);

    // 30 minutes at 30% slow. At 08:00, 1h = 30 × 5 + 30 × 300 = 9,150 slow of 60,000 = 15.25% → burn 15.25 ≥ 14.4; 5m: 30%.
    await ingest(90, 120);
    clock.advance(30 * min);
    const burning = await scheduler.tick();
    const swapPages: string[] = [];
    for (const [def, route] of [[swap, '/v1/swap'], [quote, '/v1/quote']] as const) {
      const o = outcomeOf(burning, def.id);
      assert.equal(o.status, 'alerting', o.detail);
      const alerts = await Promise.all(o.raised.map((id) => getAlert(monitor, id)));
      // 6h (all 120 minutes): ≥ 7.9% → ≥ 7.9× over 6; 3d: the same ≥ 1 — every rule fires.
      assert.deepEqual(alerts.map((a) => a.severity), ['page', 'page', 'ticket']);
      const page = alerts[0]!;
      if (def === swap) swapPages.push(page.id);
      assert.match(page.title, new RegExp(`^${def.name}: 99% of ${route} under 300 ms: burn rate 15\\.[23]× over 1h and 30\\.0× over 5m$`));
      assert.match(page.summary, new RegExp(`^${route} latency is burning its error budget 15\\.[23]× too fast over 1h \\(15\\.25% slower than 300 ms; 5m: 30\\.00%; objective 99\\.00%\\).* \\(from histogram http\\.server\\.request\\.duration`));
      assert.equal(page.series, `latency wallet-api ${route} ≤ 300 ms`);
      assert.equal(page.labels.sloKind, 'latency');
      assert.equal(page.labels.latencyThresholdMs, '300');
      assert.equal(page.labels.windowFrom, new Date(t0 + 60 * min).toISOString());
      assert.equal(page.labels.windowTo, new Date(t0 + 120 * min).toISOString());
    }

    // Back to 0.5%: ten minutes later the 5m window is clean, so the 1h page resets although the 1h window is still hot;
    // the 6h page stays (its 30m window still holds 20 slow minutes: 6,050 of 30,000 = 20%), and so does the ticket.
    await ingest(120, 130);
    clock.advance(10 * min);
    const recovered = outcomeOf(await scheduler.tick(), swap.id);
    assert.deepEqual(recovered.cleared, swapPages, recovered.detail);
    assert.equal((await getAlert(monitor, swapPages[0]!)).status, 'resolved');
    const open = (await listAlerts(monitor, { status: 'open' })).items.filter((a) => a.labels.monitor === swap.id);
    assert.deepEqual(open.map((a) => a.labels.rule).sort(), ['360m/30m×6', '4320m/360m×1']);
  });

  test('error: a latency SLO monitor without a threshold is refused when it is added', async () => {
    const monitor: MonitorDeps = { store, clock: manualClock(t0), config };
    await assert.rejects(
      addMonitor(monitor, { kind: 'slo', name: 'no threshold', slo: { name: 'x', service: 'wallet-api', kind: 'latency', objective: 0.99 } }),
      /slo\.latencyThresholdMs: a latency objective needs latencyThresholdMs/,
    );
    // The HTTP route reads its body with the same schema, so it answers 400 with this issue.
    const body = MonitorDefinitionInput.safeParse({ kind: 'slo', name: 'no threshold', slo: { name: 'x', service: 'wallet-api', kind: 'latency', objective: 0.99 } });
    assert.deepEqual(body.error?.issues.map((i) => i.path.join('.')), ['slo.latencyThresholdMs']);
    assert.equal(MonitorDefinitionInput.safeParse({ kind: 'slo', name: 'ok', slo: { name: 'x', service: 'wallet-api', kind: 'latency', objective: 0.99, latencyThresholdMs: 300 } }).success, true);
  });
});
