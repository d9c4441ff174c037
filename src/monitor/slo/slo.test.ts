import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DuckDbTelemetryStore, telemetryEvent, type TelemetryEvent } from '../../telemetry/index.ts';
import { tempDir } from '../../../test/tmp.ts';
import { burnRate, CountIndex, defaultBurnRules, errorBudgetReport, evaluateBurnRules, parseSlo, replayBurnAlerts, sloCountsFromTelemetry, type CountPoint } from '../index.ts';

const t0 = Date.UTC(2026, 10, 27, 0, 0, 0);
const min = 60_000;

/** `minutes` minutes of `perMin` events, `bad(i)` of them bad in minute i. */
function counts(minutes: number, perMin: number, bad: (i: number) => number): CountPoint[] {
  return Array.from({ length: minutes }, (_, i) => ({ timeMs: t0 + i * min, good: perMin - bad(i), total: perMin }));
}

const slo = parseSlo({ name: 'swap API availability', service: 'wallet-api', route: '/v1/swap', kind: 'availability', objective: 0.999 });

describe('SLO burn rates', () => {
  test('the SRE workbook rules for a 30-day 99.9% objective: 14.4× over 1h+5m, 6× over 6h+30m, 1× over 3d+6h', () => {
    assert.deepEqual(
      defaultBurnRules(30).map((r) => [r.severity, r.longWindowMin, r.shortWindowMin, r.factor]),
      [
        ['page', 60, 5, 14.4],
        ['page', 360, 30, 6],
        ['ticket', 4320, 360, 1],
      ],
    );
    // 144 bad of 10,000 = 1.44% errors = 14.4 × the 0.1% allowed.
    assert.ok(Math.abs(burnRate(144, 10_000, 0.999) - 14.4) < 1e-9);
    assert.equal(burnRate(0, 0, 0.999), 0);
  });

  test('a 2% error rate over the last hour pages: both windows of every rule burn fast enough', () => {
    // 2 h of 1,000 req/min; the second hour has 20 errors a minute (2%).
    const series = counts(120, 1000, (i) => (i >= 60 ? 20 : 0));
    const states = evaluateBurnRules(slo, new CountIndex(series), t0 + 120 * min);
    const [fast, medium, slow] = states;
    // 1h: 1,200 bad / 60,000 = 2% → 20×; 5m: 100 / 5,000 = 2% → 20×.
    assert.ok(Math.abs(fast!.long.burnRate - 20) < 1e-9 && Math.abs(fast!.short.burnRate - 20) < 1e-9);
    assert.equal(fast!.firing, true);
    // 6h window holds the 2 h of data: 1,200 / 120,000 = 1% → 10× ≥ 6; 30m: 2% → 20×.
    assert.ok(Math.abs(medium!.long.burnRate - 10) < 1e-9);
    assert.equal(medium!.firing, true);
    assert.equal(slow!.firing, true);
  });

  test('behavior: once errors stop, the short window resets the page although the long window is still hot', () => {
    // Errors in minutes 60..114 only; at minute 120 the last 5 minutes are clean.
    const series = counts(120, 1000, (i) => (i >= 60 && i < 115 ? 20 : 0));
    const [fast] = evaluateBurnRules(slo, new CountIndex(series), t0 + 120 * min);
    // Long: 55 × 20 / 60,000 = 1.8333% → 18.33× (above 14.4); short: 0×.
    assert.ok(Math.abs(fast!.long.burnRate - 18.3333333) < 1e-6);
    assert.equal(fast!.short.burnRate, 0);
    assert.equal(fast!.firing, false);
  });

  test('behavior: just under the factor does not fire; the low-traffic guard ignores a handful of errors', () => {
    // 1.43% errors: 14.3× < 14.4.
    const under = counts(60, 10_000, () => 143);
    assert.equal(evaluateBurnRules(slo, new CountIndex(under), t0 + 60 * min)[0]!.firing, false);
    const quiet = counts(60, 1, (i) => (i % 2 ? 1 : 0));
    const [fast] = evaluateBurnRules(slo, new CountIndex(quiet), t0 + 60 * min);
    assert.ok(fast!.long.burnRate > 100);
    assert.equal(fast!.firing, false);
  });

  test('replay gives when each rule fired and resolved, with a sentence for the page', () => {
    // 3 h clean, 30 min at 5% errors, then 2 h clean.
    const series = counts(330, 1000, (i) => (i >= 180 && i < 210 ? 50 : 0));
    const alerts = replayBurnAlerts(slo, series);
    const fast = alerts.find((a) => a.rule.longWindowMin === 60)!;
    // 1h window reaches 14.4× once 864 bad are in it: 50/min → after 18 minutes (900 bad → 15×); the 5m window is at 50× by then.
    assert.equal(fast.firedAt, new Date(t0 + 198 * min).toISOString());
    // At 214 the 5m window (minutes 209..213) holds one bad minute: 50 / 5,000 = 1% → 10× < 14.4, so it resolves.
    assert.equal(fast.resolvedAt, new Date(t0 + 214 * min).toISOString());
    assert.equal(fast.severity, 'page');
    assert.match(fast.message, /^swap API availability is burning its error budget 15\.0× too fast over 1h \(1\.50% errors; 5m: 5\.00%; objective 99\.90%\); at this pace the 30-day budget is gone in 2\.0 days$/);
  });

  test('the error-budget report: SLI, budget used and left, and hours to exhaustion at the last hour’s pace', () => {
    const day = parseSlo({ name: 'rpc latency', service: 'rpc-gateway', kind: 'latency', latencyThresholdMs: 800, objective: 0.99, windowDays: 1 });
    // 1,440 minutes × 100 = 144,000 requests; 360 slow, all in the last hour (6,000 requests → 6%).
    const series = counts(1440, 100, (i) => (i >= 1380 ? 6 : 0));
    const r = errorBudgetReport(day, series, t0 + 1440 * min);
    assert.equal(r.total, 144_000);
    assert.equal(r.bad, 360);
    assert.ok(Math.abs(r.allowedBad - 1440) < 1e-9);
    assert.ok(Math.abs(r.budgetConsumed - 0.25) < 1e-12);
    assert.ok(Math.abs(r.burnRate1h - 6) < 1e-9);
    // 75% of a 24-hour budget at 6× lasts 0.75 × 24 / 6 = 3 hours.
    assert.ok(Math.abs(r.hoursToExhaustion! - 3) < 1e-9);
    assert.equal(r.met, true);
    assert.ok(Math.abs(r.sli - 0.9975) < 1e-12);
  });

  test('availability counts come from the telemetry store, a minute at a time', async () => {
    const { dir, remove } = tempDir();
    const store = await DuckDbTelemetryStore.open({ file: join(dir, 't.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
    try {
      const base = telemetryEvent({ tsMs: t0, kind: 'span', service: 'wallet-api', name: 'POST /v1/swap', route: '/v1/swap', statusCode: 200, durationMs: 120 });
      const events: TelemetryEvent[] = [];
      for (let m = 0; m < 3; m++) for (let k = 0; k < 10; k++) events.push({ ...base, tsMs: t0 + m * min + k * 1000, isError: m === 1 && k < 4, statusCode: m === 1 && k < 4 ? 502 : 200 });
      events.push({ ...base, route: '/v1/quote', isError: true });
      await store.append(events);
      const series = await sloCountsFromTelemetry(store, slo, new Date(t0), new Date(t0 + 10 * min));
      assert.deepEqual(
        series.map((p) => [p.timeMs - t0, p.good, p.total]),
        [
          [0, 10, 10],
          [min, 6, 10],
          [2 * min, 10, 10],
        ],
      );
    } finally {
      await store.close();
      remove();
    }
  });

  test('error: an objective outside (0,1) or a latency SLO without a threshold is refused', () => {
    assert.throws(() => parseSlo({ name: 'x', service: 's', kind: 'availability', objective: 99.9 }), (err: Error) => {
      assert.equal(err.message.split('\n')[0], 'Invalid SLO: objective: Too big: expected number to be <1');
      return true;
    });
    assert.throws(() => parseSlo({ name: 'x', service: 's', kind: 'latency', objective: 0.99 }), /Invalid SLO: a latency objective needs latencyThresholdMs\./);
  });
});
