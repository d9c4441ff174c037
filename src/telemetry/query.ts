import { TelemetryQueryRangeError } from './errors.ts';
import type { EventFilter, EventsQuery, MetricPoint, MetricSeriesQuery, MetricSource, SeriesQuery, SeriesRow, StoredEvent, TelemetryStore, TopQuery, TopRow } from './store.ts';

/** Refuses empty, reversed or too long time ranges. */
export function checkRange(q: Pick<EventFilter, 'from' | 'to'>, maxDays: number): void {
  const span = q.to.getTime() - q.from.getTime();
  if (!(span > 0) || span > maxDays * 86_400_000) throw new TelemetryQueryRangeError(maxDays);
}

/** Events matching the filters in a bounded range (newest first, oldest first, or errors first). */
export async function queryEvents(store: TelemetryStore, q: EventsQuery, maxDays: number): Promise<StoredEvent[]> {
  checkRange(q, maxDays);
  return store.queryEvents(q);
}

/** Count, errors, error rate and p50/p95/p99 latency per time bucket, grouped by up to three keys. */
export async function querySeries(store: TelemetryStore, q: SeriesQuery, maxDays: number): Promise<SeriesRow[]> {
  checkRange(q, maxDays);
  return store.aggregateSeries(q);
}

/** The top values of one key ("which app versions produce these 500s?"). */
export async function queryTop(store: TelemetryStore, q: TopQuery, maxDays: number): Promise<TopRow[]> {
  checkRange(q, maxDays);
  return store.topN(q);
}

/** A metric over time from the store or a Prometheus server. */
export async function queryMetric(source: MetricSource, q: MetricSeriesQuery, maxDays: number): Promise<MetricPoint[]> {
  checkRange(q, maxDays);
  return source.metricSeries(q);
}
