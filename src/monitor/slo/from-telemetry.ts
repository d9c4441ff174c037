import { EventsQuery, querySeries, queryEvents, SeriesQuery, type StoredEvent, type TelemetryStore } from '../../telemetry/index.ts';
import { SloInvalidError } from '../errors.ts';
import { latencyCountsFromDurations, latencyCountsFromHistograms, type HistogramPoint } from './latency.ts';
import type { CountPoint, Slo } from './slo.ts';

/**
 * Per-minute (good, total) counts of an SLO from the telemetry store. Availability: total = events
 * of the service (and route), good = those that were not errors. Latency: from the OTLP histogram
 * metric `slo.latencyMetric` (good = requests within the threshold, see `goodFromBuckets`), or,
 * when that metric has no points in the range, from the span durations.
 */
export async function sloCountsFromTelemetry(store: TelemetryStore, slo: Slo, from: Date, to: Date, maxDays = slo.windowDays + 1): Promise<CountPoint[]> {
  if (slo.kind === 'latency') return (await latencyCountsFromTelemetry(store, slo, from, to, maxDays)).points;
  const where: Record<string, string> = { service: slo.service };
  if (slo.route) where.route = slo.route;
  const rows = await querySeries(store, SeriesQuery.parse({ from, to, where, bucketSec: 60, limit: 50_000 }), maxDays);
  return rows.map((r) => ({ timeMs: Date.parse(r.bucket), good: r.count - r.errors, total: r.count }));
}

export interface TelemetryLatencyCounts {
  points: CountPoint[];
  source: 'histogram' | 'spans';
  /** Histogram points whose good count was interpolated inside a bucket. */
  interpolatedPoints: number;
  /** Histogram points skipped because their buckets were missing or unreadable. */
  skippedPoints: number;
}

const pageLimit = 10_000;

/** Every event of a filter in [from, to), halving the range whenever a page comes back full. */
async function allEvents(store: TelemetryStore, q: Omit<EventsQuery, 'from' | 'to' | 'limit' | 'order'>, from: number, to: number, maxDays: number): Promise<StoredEvent[]> {
  const page = await queryEvents(store, EventsQuery.parse({ ...q, from: new Date(from), to: new Date(to), limit: pageLimit, order: 'asc' }), maxDays);
  if (page.length < pageLimit) return page;
  if (to - from <= 1000) throw new SloInvalidError(`more than ${pageLimit} latency events within one second at ${new Date(from).toISOString()}; export a histogram metric instead.`);
  const mid = from + Math.floor((to - from) / 2);
  return [...(await allEvents(store, q, from, mid, maxDays)), ...(await allEvents(store, q, mid, to, maxDays))];
}

/** A number array stored as an array or as its JSON text (attributes that are arrays are stored as text). */
function numbers(v: unknown): number[] | undefined {
  let a = v;
  if (typeof a === 'string') {
    try {
      a = JSON.parse(a);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(a)) return undefined;
  const out = a.map((x) => (typeof x === 'number' ? x : typeof x === 'string' ? Number(x) : Number.NaN));
  return out.every(Number.isFinite) ? out : undefined;
}

/** A stored histogram data point (see `parseMetric` in telemetry/normalize/otlp.ts), or undefined when its buckets are missing. */
export function histogramFromEvent(e: StoredEvent): HistogramPoint | undefined {
  const a = e.attrs;
  const bounds = numbers(a['metric.bounds']);
  const bucketCounts = numbers(a['metric.bucket_counts']);
  if (!bounds || !bucketCounts || bucketCounts.length !== bounds.length + 1) return undefined;
  const identity = Object.entries(a)
    .filter(([k]) => !k.startsWith('metric.'))
    .sort(([x], [y]) => (x < y ? -1 : 1));
  const seriesKey = JSON.stringify([e.metricName, e.service, e.route, e.statusCode, e.name, identity]);
  const unit = typeof a['metric.unit'] === 'string' ? a['metric.unit'] : undefined;
  return { timeMs: Date.parse(e.ts), seriesKey, bounds, bucketCounts, temporality: a['metric.temporality'] === 'delta' ? 'delta' : 'cumulative', ...(unit ? { unit } : {}) };
}

/** Latency (good, total) per minute from the histogram metric, or from span durations when it has no points. */
export async function latencyCountsFromTelemetry(store: TelemetryStore, slo: Slo, from: Date, to: Date, maxDays = slo.windowDays + 1): Promise<TelemetryLatencyCounts> {
  if (slo.kind !== 'latency' || slo.latencyThresholdMs === undefined) throw new SloInvalidError('latency counts need a latency objective with latencyThresholdMs.');
  const where: Record<string, string> = { service: slo.service };
  if (slo.route) where.route = slo.route;
  const metricEvents = await allEvents(store, { kind: 'metric', where: { ...where, metricName: slo.latencyMetric } }, from.getTime(), to.getTime(), maxDays);
  if (metricEvents.length) {
    const hist = metricEvents.map(histogramFromEvent);
    const points = hist.filter((h): h is HistogramPoint => h !== undefined);
    const r = latencyCountsFromHistograms(points, slo.latencyThresholdMs, { requireBoundary: slo.latencyInterpolation === 'boundary' });
    return { points: r.points, source: 'histogram', interpolatedPoints: r.interpolatedPoints, skippedPoints: hist.length - points.length };
  }
  const spans = await allEvents(store, { kind: 'span', where }, from.getTime(), to.getTime(), maxDays);
  const durations = spans.flatMap((s) => (s.durationMs === null ? [] : [{ timeMs: Date.parse(s.ts), durationMs: s.durationMs }]));
  return { points: latencyCountsFromDurations(durations, slo.latencyThresholdMs), source: 'spans', interpolatedPoints: 0, skippedPoints: 0 };
}
