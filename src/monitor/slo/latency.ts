import { SloInvalidError } from '../errors.ts';
import type { CountPoint } from './slo.ts';

/**
 * One OTLP explicit-bucket histogram data point. Bucket i counts values in (bounds[i−1], bounds[i]]
 * (the first bucket is (−∞, bounds[0]], the last (bounds[n−1], +∞)), so `bucketCounts` has one more
 * entry than `bounds`.
 */
export interface HistogramPoint {
  timeMs: number;
  /** Identifies one time series (metric + attributes), for turning cumulative points into deltas. */
  seriesKey: string;
  bounds: readonly number[];
  bucketCounts: readonly number[];
  /** `delta`: counts since the previous export; `cumulative`: counts since the start (OTLP temporality 1 / 2). */
  temporality: 'delta' | 'cumulative';
  /** Unit of the bounds (`s`, `ms`, `us`, `ns`); `http.server.request.duration` is in seconds. */
  unit?: string;
}

export interface BucketGood {
  good: number;
  total: number;
  /** True when the threshold fell inside a bucket and that bucket's share was interpolated. */
  interpolated: boolean;
}

const unitToMs: Record<string, number> = { s: 1000, ms: 1, us: 0.001, 'μs': 0.001, ns: 1e-6, min: 60_000 };

/** The factor from a histogram unit to milliseconds (`s` → 1000); a missing unit is read as ms. */
export function msPerUnit(unit: string | undefined): number {
  if (!unit) return 1;
  const f = unitToMs[unit];
  if (f === undefined) throw new SloInvalidError(`histogram unit "${unit}" is not a duration; use s, ms, us or ns.`);
  return f;
}

/**
 * Requests at or under `threshold` (in the bounds' unit) in one histogram. On a bucket boundary
 * the answer is exact. Inside a bucket (lo, hi] the bucket's count is split linearly:
 * count × (threshold − lo) / (hi − lo), i.e. requests are assumed spread evenly over the bucket.
 * The first bucket's lower edge is taken as 0 (durations are not negative); a threshold above
 * the last bound counts the overflow bucket as bad (its upper edge is unknown). With
 * `requireBoundary`, a threshold inside a bucket is refused instead of interpolated.
 */
export function goodFromBuckets(bounds: readonly number[], bucketCounts: readonly number[], threshold: number, requireBoundary = false): BucketGood {
  if (bucketCounts.length !== bounds.length + 1) throw new SloInvalidError(`a histogram with ${bounds.length} bounds needs ${bounds.length + 1} bucket counts, not ${bucketCounts.length}.`);
  const total = bucketCounts.reduce((a, b) => a + b, 0);
  let good = 0;
  for (let i = 0; i < bucketCounts.length; i++) {
    const hi = i < bounds.length ? bounds[i]! : Number.POSITIVE_INFINITY;
    if (threshold >= hi) {
      good += bucketCounts[i]!;
      continue;
    }
    const lo = i === 0 ? Math.min(0, hi) : bounds[i - 1]!;
    if (threshold <= lo) return { good, total, interpolated: false };
    if (requireBoundary) throw new SloInvalidError(`the latency threshold ${threshold} falls inside the bucket (${lo}, ${hi}]; put it on a bucket boundary (${lo} or ${hi}) or allow interpolation.`);
    if (!Number.isFinite(hi)) return { good, total, interpolated: false };
    return { good: good + (bucketCounts[i]! * (threshold - lo)) / (hi - lo), total, interpolated: true };
  }
  return { good, total, interpolated: false };
}

/** Per-series delta of cumulative points (a count that goes down is a restart: the point is taken as is). */
function deltas(points: readonly HistogramPoint[]): Array<{ timeMs: number; bounds: readonly number[]; counts: number[]; unit: string | undefined }> {
  const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs);
  const last = new Map<string, HistogramPoint>();
  const out: Array<{ timeMs: number; bounds: readonly number[]; counts: number[]; unit: string | undefined }> = [];
  for (const p of sorted) {
    let counts = [...p.bucketCounts];
    if (p.temporality === 'cumulative') {
      const prev = last.get(p.seriesKey);
      last.set(p.seriesKey, p);
      if (!prev) continue; // the first cumulative point only sets the baseline
      const sameShape = prev.bounds.length === p.bounds.length && prev.bounds.every((b, i) => b === p.bounds[i]);
      const d = counts.map((c, i) => c - (prev.bucketCounts[i] ?? 0));
      if (sameShape && d.every((x) => x >= 0)) counts = d;
    }
    out.push({ timeMs: p.timeMs, bounds: p.bounds, counts, unit: p.unit });
  }
  return out;
}

export interface LatencyCounts {
  points: CountPoint[];
  /** Histogram points whose good count was interpolated inside a bucket. */
  interpolatedPoints: number;
}

/**
 * (good, total) per `bucketMs` interval of a latency objective from OTLP histogram points: good =
 * requests answered within `thresholdMs`. Cumulative points are turned into per-series deltas
 * first (the first point of each series only sets the baseline).
 */
export function latencyCountsFromHistograms(points: readonly HistogramPoint[], thresholdMs: number, options: { bucketMs?: number; requireBoundary?: boolean } = {}): LatencyCounts {
  const bucketMs = options.bucketMs ?? 60_000;
  const byBucket = new Map<number, CountPoint>();
  let interpolatedPoints = 0;
  for (const d of deltas(points)) {
    const r = goodFromBuckets(d.bounds, d.counts, thresholdMs / msPerUnit(d.unit), options.requireBoundary);
    if (r.interpolated) interpolatedPoints++;
    const t = Math.floor(d.timeMs / bucketMs) * bucketMs;
    const cur = byBucket.get(t) ?? { timeMs: t, good: 0, total: 0 };
    cur.good += r.good;
    cur.total += r.total;
    byBucket.set(t, cur);
  }
  return { points: [...byBucket.values()].sort((a, b) => a.timeMs - b.timeMs), interpolatedPoints };
}

/** (good, total) per `bucketMs` interval from raw request durations: good = duration ≤ `thresholdMs`. */
export function latencyCountsFromDurations(events: ReadonlyArray<{ timeMs: number; durationMs: number }>, thresholdMs: number, bucketMs = 60_000): CountPoint[] {
  const byBucket = new Map<number, CountPoint>();
  for (const e of events) {
    if (!Number.isFinite(e.durationMs)) continue;
    const t = Math.floor(e.timeMs / bucketMs) * bucketMs;
    const cur = byBucket.get(t) ?? { timeMs: t, good: 0, total: 0 };
    cur.total++;
    if (e.durationMs <= thresholdMs) cur.good++;
    byBucket.set(t, cur);
  }
  return [...byBucket.values()].sort((a, b) => a.timeMs - b.timeMs);
}
