import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { detectSeries, parseSeriesCsv } from '../src/monitor/index.ts';
import { normalisedScore, probationRows, profiles, scaledSigmoid, scoreFile, windowedMetrics, windowIndices } from './nab-score.ts';

test('the NAB scorer matches a hand-computed tiny case', () => {
  // 20 rows: probation = min(floor(0.15·20), 750) = 3 rows; one window over rows 10..13 (width 4).
  const ts = Array.from({ length: 20 }, (_, i) => `2014-01-01 00:${String(i).padStart(2, '0')}:00`);
  const windows = windowIndices(ts, [['2014-01-01 00:10:00.000000', '2014-01-01 00:13:00.000000']]);
  assert.deepEqual(windows, [{ start: 10, end: 13 }]);
  assert.equal(probationRows(20), 3);
  const det = Array.from({ length: 20 }, (_, i) => [1, 5, 11, 12, 16].includes(i));
  const r = scoreFile(det, windows, profiles.standard);
  // Row 1 is in the probation (ignored). Row 5: FP before any window = -0.11.
  // Row 11: TP, y = -(13-11+1)/4 = -0.75 → S = 2/(1+e^-3.75) - 1 = 0.954036; / S(-1) = 0.986614 → 0.966980.
  // Row 12: later detection in the same window adds nothing. Row 16: FP, y = |13-16|/(4-1) = 1 → S(1) = -0.986614 → ×0.11 = -0.108528.
  const expected = 0.954036 / 0.986614 - 0.11 - 0.986614 * 0.11;
  assert.ok(Math.abs(r.raw - expected) < 1e-5, `raw ${r.raw} vs ${expected}`);
  assert.deepEqual([r.tp, r.fn, r.fpRows], [1, 0, 2]);
  // Normalised: null = -1 (the window missed), perfect = +1.
  assert.ok(Math.abs(normalisedScore([r], profiles.standard) - (100 * (expected + 1)) / 2) < 1e-3);
  assert.equal(normalisedScore([scoreFile(det.map(() => false), windows, profiles.standard)], profiles.standard), 0);
  assert.ok(Math.abs(scaledSigmoid(-0.5) - 0.848) < 1e-3);
  assert.equal(scaledSigmoid(3.5), -1);
  const m = windowedMetrics(det, windows);
  assert.deepEqual([m.detected, m.early, m.fpRows, m.fpEvents], [1, 1, 2, 2]);
  assert.equal(m.scoredOutside, 20 - 3 - 4);
});

test('behavior: a window that starts inside the probation is not scored', () => {
  const ts = Array.from({ length: 40 }, (_, i) => `2014-01-01 00:${String(i).padStart(2, '0')}:00`);
  assert.deepEqual(windowIndices(ts, [['2014-01-01 00:02:00', '2014-01-01 00:08:00'], ['2014-01-01 00:20:00', '2014-01-01 00:25:00']]), [{ start: 20, end: 25 }]);
});

const nab = '/work/shared/benchmarks/nab';
test('a NAB slice: the request-latency outage file, every window found with no false alarm', { skip: !existsSync(nab) && 'NAB subset not present' }, () => {
  const key = 'realKnownCause/ec2_request_latency_system_failure.csv';
  const points = parseSeriesCsv(readFileSync(`${nab}/data/${key}`, 'utf8'), key);
  const labels = JSON.parse(readFileSync(`${nab}/labels/combined_windows.json`, 'utf8')) as Record<string, Array<[string, string]>>;
  const windows = windowIndices(points.map((p) => p.timestamp), labels[key]!);
  const fired = new Set(detectSeries(points).alerts.map((a) => a.index));
  const r = scoreFile(points.map((_, i) => fired.has(i)), windows, profiles.standard);
  assert.equal(r.tp, 3);
  assert.equal(r.fpRows, 0);
});

test('behavior: a perfect detector scores 100, one alert at each right edge next to nothing, flagging every row goes negative', () => {
  const ts = Array.from({ length: 200 }, (_, i) => `2014-01-01 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`);
  const windows = windowIndices(ts, [
    [ts[50]!, ts[69]!],
    [ts[120]!, ts[139]!],
  ]);
  assert.deepEqual(windows, [
    { start: 50, end: 69 },
    { start: 120, end: 139 },
  ]);
  const at = (rows: number[]) => ts.map((_, i) => rows.includes(i));
  assert.equal(normalisedScore([scoreFile(at([50, 120]), windows, profiles.standard)], profiles.standard), 100);
  // Right edge: y = -1/20 → S = 2/(1+e^0.25) − 1 = 0.124353; / S(−1) = 0.126041 per window.
  const edge = scoreFile(at([69, 139]), windows, profiles.standard);
  assert.ok(Math.abs(edge.raw - 2 * (0.124353 / 0.986614)) < 1e-5, String(edge.raw));
  // Later detections in a window add nothing; the first one counts.
  assert.equal(scoreFile(at([50, 51, 60, 120]), windows, profiles.standard).raw, scoreFile(at([50, 120]), windows, profiles.standard).raw);
  const all = scoreFile(ts.map(() => true), windows, profiles.standard);
  assert.equal(all.tp, 2);
  assert.ok(normalisedScore([all], profiles.standard) < 0);
});
