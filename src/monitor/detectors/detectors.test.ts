import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChangePointDetector, CombinedDetector, detectSeries, explainStep, FiringRule, LiveMonitor, parseSeriesCsv, RobustDetector, RollingWindow, SeasonalDetector, VolatilityDetector, type SeriesPoint } from '../index.ts';

const start = Date.UTC(2026, 10, 2, 0, 0, 0);
const stepMs = 5 * 60_000;

/** A deterministic noisy series: `f(i)` plus seeded noise, every 5 minutes. */
function series(n: number, f: (i: number, hour: number) => number, noise = 1, seed = 7): SeriesPoint[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => {
    const timeMs = start + i * stepMs;
    const hour = new Date(timeMs).getUTCHours();
    const value = f(i, hour) + noise * (rnd() + rnd() + rnd() - 1.5);
    return { timestamp: new Date(timeMs).toISOString().replace('T', ' ').slice(0, 19), timeMs, value };
  });
}

describe('detectors', () => {
  test('a latency spike fires once and is explained in words', () => {
    const points = series(1200, (i) => (i >= 1000 && i < 1010 ? 2900 : 470), 40);
    const result = detectSeries(points, { metric: 'p95 of /v1/swap on polygon', unit: 'ms' });
    assert.equal(result.points, 1200);
    assert.equal(result.alerts.length, 1);
    const alert = result.alerts[0]!;
    assert.equal(alert.index, 1000);
    assert.equal(alert.timestamp, points[1000]!.timestamp);
    assert.ok(alert.score >= 0.5 && alert.score <= 1);
    assert.match(alert.message, /^p95 of \/v1\/swap on polygon is 2\.9 s, 6\.\d× its usual 4\d\d ms .*; started 11:20$/);
  });

  test('behavior: causal — appending future rows never changes earlier decisions', () => {
    const points = series(3000, (i, hour) => 100 + 30 * Math.sin((hour / 24) * 2 * Math.PI) + (i > 2000 && i < 2050 ? 80 : 0) + (i === 1500 ? -60 : 0), 5);
    const full = new CombinedDetector();
    const fullSteps = points.map((p) => full.step(p));
    for (const cut of [700, 1501, 2010]) {
      const prefix = new CombinedDetector();
      const steps = points.slice(0, cut).map((p) => prefix.step(p));
      assert.deepEqual(steps, fullSteps.slice(0, cut));
      const alertsPrefix = detectSeries(points.slice(0, cut)).alerts;
      const alertsFull = detectSeries(points).alerts.filter((a) => a.index < cut);
      assert.deepEqual(alertsPrefix, alertsFull);
    }
  });

  test('behavior: the median/MAD baseline ignores one outlier in its window', () => {
    const d = new RobustDetector({ window: 50, minPoints: 10, threshold: 5 });
    const points = series(200, (i) => (i === 100 ? 1000 : 10), 1);
    const steps = points.map((p) => d.step(p));
    assert.ok(steps[100]!.score > 0.99);
    assert.ok(Math.abs(steps[101]!.expected - 10) < 1, 'one spike must not move the median');
    assert.ok(steps[101]!.score < 0.5);
  });

  test('behavior: the hour-of-day profile knows the evening peak is normal and flags the same value at night', () => {
    const daily = (hour: number) => (hour >= 18 && hour < 22 ? 1000 : 200);
    const points = series(288 * 5, (_i, hour) => daily(hour), 20);
    const d = new SeasonalDetector();
    points.forEach((p) => d.step(p));
    const evening = d.step({ timestamp: 'x', timeMs: start + 288 * 5 * stepMs + 19 * 3_600_000, value: 1000 });
    assert.equal(evening.basis, 'hour-of-day');
    assert.ok(evening.score < 0.5);
    const night = new SeasonalDetector();
    points.forEach((p) => night.step(p));
    const late = night.step({ timestamp: 'y', timeMs: start + 288 * 5 * stepMs + 3 * 3_600_000, value: 1000 });
    assert.ok(late.score > 0.99);
    assert.ok(Math.abs(late.expected - 200) < 30);
  });

  test('behavior: a level shift is a change point with its start time, and a live monitor fires once for it', () => {
    const points = series(800, (i) => (i >= 500 ? 60 : 50), 2);
    const cp = new ChangePointDetector();
    const steps = points.map((p) => cp.step(p));
    const firstHigh = steps.findIndex((s, i) => i >= 500 && s.score >= 0.5);
    assert.ok(firstHigh >= 500 && firstHigh < 515, `shift seen at ${firstHigh}`);
    assert.ok(steps[firstHigh]!.sinceMs <= points[firstHigh]!.timeMs && steps[firstHigh]!.sinceMs >= points[495]!.timeMs);
    const live = new LiveMonitor(new CombinedDetector());
    const fired = points.map((p) => live.step(p)).filter((s) => s.fired);
    assert.equal(fired.length, 1);
    assert.ok(fired[0]!.index >= 500 && fired[0]!.index < 515);
  });

  test('behavior: a series that goes flat (a stalled counter) is caught by the volatility test', () => {
    const points = series(1500, (i) => (i >= 1200 ? 0 : 0), 10).map((p, i) => (i >= 1200 ? { ...p, value: 3 } : p));
    const d = new VolatilityDetector();
    const steps = points.map((p) => d.step(p));
    const hit = steps.findIndex((s, i) => i >= 1200 && s.score >= 0.5);
    assert.ok(hit > 1200 && hit < 1230, `flat line seen at ${hit}`);
    assert.ok(steps[hit]!.deviation < 0);
  });

  test('behavior: rolling median, quantiles and MAD match a brute-force computation', () => {
    const w = new RollingWindow(37);
    const all: number[] = [];
    let s = 3;
    for (let i = 0; i < 500; i++) {
      s = (s * 48271) % 2147483647;
      const x = (s % 1000) / 10;
      w.push(x);
      all.push(x);
      const win = all.slice(-37).sort((a, b) => a - b);
      const med = win.length % 2 ? win[(win.length - 1) / 2]! : (win[win.length / 2 - 1]! + win[win.length / 2]!) / 2;
      assert.ok(Math.abs(w.median() - med) < 1e-9);
      const devs = win.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
      const k = Math.floor((devs.length - 1) / 2);
      assert.ok(Math.abs(w.mad() - devs[k]!) < 1e-9, `mad at ${i}`);
    }
  });

  test('error: a CSV row that is not a number names its line', () => {
    assert.throws(() => parseSeriesCsv('timestamp,value\n2014-02-19 10:50:00,1.5\n\n2014-02-19 10:55:00,oops\n', 'load.csv'), (err: Error) => {
      assert.equal((err as { code?: string }).code, 'VALIDATION');
      assert.equal(err.message.split('\n')[0], 'load.csv, line 4: "oops" is not a number.');
      return true;
    });
    assert.throws(() => parseSeriesCsv('timestamp,value\nyesterday,1\n', 'a.csv'), /a\.csv, line 2: "yesterday" is not a timestamp\./);
    assert.throws(() => parseSeriesCsv('', 'empty.csv'), /empty\.csv, line 1: the file is empty/);
  });
});

test('behavior: a series that drops to zero is explained as down from its usual level, not in spreads', () => {
  const at = Date.parse('2026-11-27T10:00:00Z');
  const text = explainStep({ score: 1, value: 0, expected: 30, deviation: -3e10, basis: 'level', sinceMs: at }, at, { metric: 'throughput of /v1/swap', unit: 'events/60s' });
  assert.equal(text, 'throughput of /v1/swap is 0 events/60s, down from its usual 30 events/60s recent median; started 10:00');
});

test('behavior: a spike that recurs at the same time every day pages on the first days only; the same spike at another hour still pages', () => {
  // 10 days of 5-minute points; a nightly job makes 02:00–02:10 jump to 300 every day.
  const points = series(288 * 10, (i) => (i % 288 >= 24 && i % 288 < 27 ? 300 : 100), 4);
  const fired = detectSeries(points).alerts.map((a) => Math.floor(a.index / 288));
  // Day 0 is warm-up; once it has recurred on 2 previous days (day 2 on), the job is routine.
  assert.ok(fired.length >= 1 && fired.every((d) => d <= 2), `alerts on days ${fired.join(',')}`);
  const odd = points.map((p, i) => (i === 288 * 9 + 150 ? { ...p, value: 300 } : p));
  const late = detectSeries(odd).alerts.filter((a) => a.index >= 288 * 9);
  assert.deepEqual(
    late.map((a) => a.index),
    [288 * 9 + 150],
  );
});

test('behavior: evidence that agrees adds up — the score follows the root sum of squares of the point, shift and volatility strengths', () => {
  const d = new CombinedDetector();
  const points = series(900, (i) => (i >= 800 ? 130 : 100), 5);
  for (const p of points) {
    const s = d.step(p);
    const { point, shift, volatility } = d.lastParts;
    assert.ok(Math.abs(s.strength! - Math.hypot(point, shift, volatility)) < 1e-12);
  }
});

test('behavior: with regrouping, a re-armed monitor stays quiet for the same incident unless it gets worse', () => {
  const rule = new FiringRule({ fireAt: 0.5, holdoffPoints: 2, rearmBelow: 0.3, rearmPoints: 2, maxHoldPoints: 1000, regroupPoints: 20, escalation: 2 });
  // Strengths: 1.5 fires; calm; 1.6 (not 2× 1.5) stays quiet; calm; 3.2 (≥ 3.0) fires; then past the regroup window 1.2 fires again.
  const input: Array<[number, number]> = [[0.9, 1.5], [0, 0], [0, 0], [0, 0], [0.9, 1.6], [0, 0], [0, 0], [0, 0], [0.99, 3.2], ...Array.from({ length: 25 }, (): [number, number] => [0, 0]), [0.8, 1.2]];
  const fired = input.map(([score, strength]) => rule.step(score, strength)).flatMap((f, i) => (f ? [i] : []));
  assert.deepEqual(fired, [0, 8, 34]);
});
