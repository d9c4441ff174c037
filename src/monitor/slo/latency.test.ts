import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { openTelemetry, telemetryEvent } from '../../telemetry/index.ts';
import { tempDir } from '../../../test/tmp.ts';
import { CountIndex, evaluateBurnRules, parseSlo, replayBurnAlerts } from './burn-rate.ts';
import { latencyCountsFromTelemetry, sloCountsFromTelemetry } from './from-telemetry.ts';
import { goodFromBuckets, latencyCountsFromDurations, latencyCountsFromHistograms, type HistogramPoint } from './latency.ts';

const t0 = Date.UTC(2026, 10, 27, 0, 0, 0);
const min = 60_000;
/** The OpenTelemetry advice for http.server.request.duration, in seconds. */
const bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Bucket counts with `fast` requests in (0.1, 0.25] s and `slow` in (0.5, 0.75] s. */
const buckets = (fast: number, slow: number) => bounds.map((_, i) => (i === 6 ? fast : i === 8 ? slow : 0)).concat([0]);

const slo = parseSlo({ name: 'swap latency', service: 'wallet-api', route: '/v1/swap', kind: 'latency', objective: 0.99, latencyThresholdMs: 300 });

describe('latency SLOs from histograms', () => {
  test('good requests from buckets: exact on a bound, linear inside a bucket, overflow counted bad', () => {
    // Buckets (−∞,0.1] (0.1,0.25] (0.25,0.5] (0.5,1] (1,+∞): 50, 30, 15, 4, 1 = 100 requests.
    const b = [0.1, 0.25, 0.5, 1];
    const c = [50, 30, 15, 4, 1];
    // 250 ms is a bound: 50 + 30 = 80, exact.
    assert.deepEqual(goodFromBuckets(b, c, 0.25), { good: 80, total: 100, interpolated: false });
    // 300 ms is inside (0.25, 0.5]: 80 + 15 × (0.30 − 0.25)/(0.50 − 0.25) = 80 + 3 = 83.
    const r = goodFromBuckets(b, c, 0.3);
    assert.ok(Math.abs(r.good - 83) < 1e-9 && r.interpolated, JSON.stringify(r));
    // 50 ms inside the first bucket, read as (0, 0.1]: 50 × 0.5 = 25.
    assert.ok(Math.abs(goodFromBuckets(b, c, 0.05).good - 25) < 1e-9);
    // Above the last bound: the overflow bucket's upper edge is unknown, so its request is bad.
    assert.deepEqual(goodFromBuckets(b, c, 2), { good: 99, total: 100, interpolated: false });
    assert.throws(() => goodFromBuckets(b, c, 0.3, true), /0\.3 falls inside the bucket \(0\.25, 0\.5\]; put it on a bucket boundary \(0\.25 or 0\.5\)/);
    assert.equal(goodFromBuckets(b, c, 0.25, true).good, 80);
    assert.throws(() => goodFromBuckets(b, [1, 2], 0.3), /4 bounds needs 5 bucket counts, not 2/);
  });

  test('cumulative points become per-series deltas; a counter reset starts over; the unit converts to ms', () => {
    const p = (timeMs: number, seriesKey: string, counts: number[], temporality: HistogramPoint['temporality'] = 'cumulative'): HistogramPoint => ({ timeMs, seriesKey, bounds: [0.1, 0.25, 0.5], bucketCounts: counts, temporality, unit: 's' });
    const r = latencyCountsFromHistograms(
      [
        p(t0, 'a', [10, 0, 0, 0]), // baseline only
        p(t0 + min, 'a', [60, 30, 5, 5]), // delta 50, 30, 5, 5: good (≤ 250 ms) 80 of 90
        p(t0 + min + 10_000, 'b', [7, 1, 1, 1], 'delta'), // good 8 of 10, same minute
        p(t0 + 2 * min, 'a', [5, 0, 0, 1]), // count went down: a restart, taken as is: 5 of 6
      ],
      250,
    );
    assert.deepEqual(
      r.points.map((x) => [x.timeMs - t0, x.good, x.total]),
      [
        [min, 88, 100],
        [2 * min, 5, 6],
      ],
    );
    assert.equal(r.interpolatedPoints, 0);
    // The same data in ms with a 300 ms threshold: bucket (0.25, 0.5] s is split 20%: 80 + 0.2 × 5 = 81 of 90.
    const ms = latencyCountsFromHistograms([{ ...p(t0, 'a', [50, 30, 5, 5], 'delta'), bounds: [100, 250, 500], unit: 'ms' }], 300);
    assert.ok(Math.abs(ms.points[0]!.good - 81) < 1e-9 && ms.interpolatedPoints === 1);
  });

  test('raw durations: good = at or under the threshold, per minute', () => {
    const ev = [120, 300, 301, 900].map((d, i) => ({ timeMs: t0 + i * 20_000, durationMs: d }));
    assert.deepEqual(
      latencyCountsFromDurations(ev, 300).map((x) => [x.timeMs - t0, x.good, x.total]),
      [
        [0, 2, 3],
        [min, 0, 1],
      ],
    );
  });

  test('burn rate over 1h and 5m from histograms, and the multi-window page firing and resetting', () => {
    // 130 minutes of 1,000 requests a minute (delta histograms); minutes 90..119 have 300 slow requests (30%), the others 5 (0.5%).
    const points: HistogramPoint[] = Array.from({ length: 130 }, (_, m) => {
      const slow = m >= 90 && m < 120 ? 300 : 5;
      return { timeMs: t0 + m * min, seriesKey: 'swap', bounds, bucketCounts: buckets(1000 - slow, slow), temporality: 'delta', unit: 's' };
    });
    const counts = latencyCountsFromHistograms(points, 300).points;
    const index = new CountIndex(counts);
    // At minute 110: 1h = minutes 50..109 = 40 × 5 + 20 × 300 = 6,200 slow of 60,000 = 10.33% → burn 10.33 (< 14.4);
    // 5m = 1,500 of 5,000 = 30% → burn 30. Only the short window burns: no page.
    const at110 = evaluateBurnRules(slo, index, t0 + 110 * min)[0]!;
    assert.ok(Math.abs(at110.long.burnRate - 6200 / 60000 / 0.01) < 1e-9, String(at110.long.burnRate));
    assert.ok(Math.abs(at110.short.burnRate - 30) < 1e-9);
    assert.equal(at110.firing, false);
    // At minute 120: 1h = 30 × 5 + 30 × 300 = 9,150 of 60,000 = 15.25% → 15.25 ≥ 14.4, and 5m = 30: it pages.
    const at120 = evaluateBurnRules(slo, index, t0 + 120 * min)[0]!;
    assert.ok(Math.abs(at120.long.burnRate - 15.25) < 1e-9);
    assert.equal(at120.firing, true);
    // Replay: the 1h window holds m slow minutes from minute 90 on: 300 + 295·m ≥ 8,640 first at m = 29, i.e. minute 119.
    // It resets when the 5m window drops below 14.4% at minute 123 (minutes 118..122: 2 × 300 + 3 × 5 = 615 of 5,000 = 12.3%).
    const fast = replayBurnAlerts(slo, counts).filter((a) => a.rule.longWindowMin === 60);
    assert.equal(fast.length, 1);
    assert.equal(fast[0]!.firedAt, new Date(t0 + 119 * min).toISOString());
    assert.equal(fast[0]!.resolvedAt, new Date(t0 + 123 * min).toISOString());
    assert.match(fast[0]!.message, /^swap latency is burning its error budget 14\.\d× too fast over 1h \(14\.\d\d% slower than 300 ms; 5m: 30\.00%; objective 99\.00%\)/);
  });

  test('latency counts from the telemetry store: an OTLP cumulative histogram (seconds) as ingested, else span durations', async () => {
    const { dir, remove } = tempDir();
    const t = await openTelemetry(Config.parse({ dataDir: dir }), manualClock('2026-11-27T12:00:00Z'));
    try {
      const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });
      const dp = (m: number, counts: number[]) => ({ attributes: [attr('http.route', '/v1/swap'), attr('http.request.method', 'POST')], startTimeUnixNano: String(BigInt(t0) * 1_000_000n), timeUnixNano: String(BigInt(t0 + m * min + 30_000) * 1_000_000n), count: String(counts.reduce((a, b) => a + b, 0)), sum: 1, bucketCounts: counts.map(String), explicitBounds: bounds });
      const body = {
        resourceMetrics: [
          {
            resource: { attributes: [attr('service.name', 'wallet-api')] },
            scopeMetrics: [{ metrics: [{ name: 'http.server.request.duration', unit: 's', histogram: { aggregationTemporality: 2, dataPoints: [dp(0, buckets(100, 0)), dp(1, buckets(1090, 10)), dp(2, buckets(1500, 400))] } }] }],
          },
        ],
      };
      const res = await t.ingestOtlp('metrics', Buffer.from(JSON.stringify(body)), 'application/json', undefined);
      assert.equal(res.rejected, 0);
      const from = new Date(t0);
      const to = new Date(t0 + 10 * min);
      const r = await latencyCountsFromTelemetry(t.store, slo, from, to);
      assert.equal(r.source, 'histogram');
      assert.equal(r.skippedPoints, 0);
      // Deltas: minute 1 = 990 fast + 10 slow; minute 2 = 410 fast + 390 slow (the first point is the baseline).
      assert.deepEqual(
        r.points.map((p) => [p.timeMs - t0, p.good, p.total]),
        [
          [min, 990, 1000],
          [2 * min, 410, 800],
        ],
      );
      // No histogram for another route: span durations instead.
      const base = telemetryEvent({ tsMs: t0, kind: 'span', service: 'wallet-api', name: 'GET /v1/quote', route: '/v1/quote', statusCode: 200, durationMs: 120 });
      await t.store.append([100, 250, 400, 2000].map((d, i) => ({ ...base, tsMs: t0 + i * 1000, durationMs: d })));
      const quote = parseSlo({ ...slo, route: '/v1/quote' });
      assert.deepEqual(
        (await sloCountsFromTelemetry(t.store, quote, from, to)).map((p) => [p.timeMs - t0, p.good, p.total]),
        [[0, 2, 4]],
      );
    } finally {
      await t.close();
      remove();
    }
  });
});
