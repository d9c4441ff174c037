import { querySeries, SeriesQuery, type TelemetryStore } from '../../telemetry/index.ts';
import { SloInvalidError } from '../errors.ts';
import type { CountPoint, Slo } from './slo.ts';

/**
 * Per-minute (good, total) counts of an availability SLO from the telemetry store: total = events of
 * the service (and route), good = those that were not errors. Latency objectives need per-request
 * durations against the threshold, which the telemetry aggregate does not return (it gives
 * percentiles), so they are fed as count series directly.
 */
export async function sloCountsFromTelemetry(store: TelemetryStore, slo: Slo, from: Date, to: Date, maxDays = slo.windowDays + 1): Promise<CountPoint[]> {
  if (slo.kind !== 'availability') throw new SloInvalidError('only availability objectives can be read from the telemetry aggregate; feed latency objectives as (good, total) counts.');
  const where: Record<string, string> = { service: slo.service };
  if (slo.route) where.route = slo.route;
  const rows = await querySeries(store, SeriesQuery.parse({ from, to, where, bucketSec: 60, limit: 50_000 }), maxDays);
  return rows.map((r) => ({ timeMs: Date.parse(r.bucket), good: r.count - r.errors, total: r.count }));
}
