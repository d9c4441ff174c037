import { z } from 'zod';
import type { EventColumns } from './columns.ts';
import type { FlatPlan, ScrubTarget } from './normalize/flat-plan.ts';
import { dimensions, eventKinds, GroupKey, type TelemetryEvent } from './event.ts';

const isoDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'must be an ISO-8601 time');

/** Filters every telemetry query accepts. Time ranges are bounded by the service (telemetry.maxQueryRangeDays). */
export const EventFilter = z.object({
  from: isoDate.describe('Start of the range, inclusive (ISO-8601).'),
  to: isoDate.describe('End of the range, exclusive (ISO-8601).'),
  userId: z.string().max(256).optional(),
  deviceId: z.string().max(256).optional(),
  address: z.string().max(256).optional(),
  txHash: z.string().max(256).optional(),
  traceId: z.string().max(64).optional(),
  /** Events matching any of these identities (OR), e.g. a user's id, devices, addresses and tx hashes. */
  anyOf: z.object({ userId: z.array(z.string().max(256)).max(20), deviceId: z.array(z.string().max(256)).max(20), address: z.array(z.string().max(256)).max(50), txHash: z.array(z.string().max(256)).max(50), traceId: z.array(z.string().max(64)).max(50) }).partial().optional(),
  kind: z.enum(eventKinds).optional(),
  errorsOnly: z.boolean().optional(),
  /** Equality filters: a dimension (route, chain, …) or attr.<key> -> value. */
  where: z.record(GroupKey, z.string().max(1024)).optional(),
});
export type EventFilter = z.infer<typeof EventFilter>;

export const EventsQuery = EventFilter.extend({
  limit: z.number().int().min(1).max(10_000).default(200),
  order: z.enum(['asc', 'desc', 'errors_first']).default('desc'),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const SeriesQuery = EventFilter.extend({
  bucketSec: z.number().int().min(1).max(31 * 86400).default(300),
  groupBy: z.array(GroupKey).max(3).default([]),
  /** Latency percentiles to compute (fewer is faster). */
  percentiles: z.array(z.enum(['p50', 'p95', 'p99'])).min(1).max(3).default(['p50', 'p95', 'p99']),
  /** Rows returned at most (groups × buckets). */
  limit: z.number().int().min(1).max(50_000).default(10_000),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const TopQuery = EventFilter.extend({
  by: GroupKey,
  n: z.number().int().min(1).max(1000).default(10),
  rankBy: z.enum(['count', 'errors']).default('count'),
});
export type TopQuery = z.infer<typeof TopQuery>;

export const MetricSeriesQuery = z.object({
  from: isoDate,
  to: isoDate,
  metric: z.string().min(1).max(256).regex(/^[A-Za-z_:][A-Za-z0-9_:.]*$/, 'must be a metric name'),
  bucketSec: z.number().int().min(1).max(31 * 86400).default(60),
  agg: z.enum(['avg', 'sum', 'min', 'max', 'count', 'rate']).default('avg'),
  groupBy: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/).max(150)).max(3).default([]),
  where: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/).max(150), z.string().max(1024)).optional(),
  limit: z.number().int().min(1).max(50_000).default(10_000),
});
export type MetricSeriesQuery = z.infer<typeof MetricSeriesQuery>;

/** A stored event as queries return it (`ts` ISO-8601 UTC, `attrs` parsed). */
export interface StoredEvent extends Omit<TelemetryEvent, 'tsMs' | 'attrs'> {
  ts: string;
  attrs: Record<string, unknown>;
}

export interface SeriesRow {
  bucket: string;
  group: Record<string, string | null>;
  count: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface TopRow {
  value: string | null;
  count: number;
  errors: number;
  errorRate: number;
  /** Share of the ranked measure across the whole filtered range. */
  share: number;
}

export interface MetricPoint {
  bucket: string;
  group: Record<string, string | null>;
  value: number;
}

export interface RetentionPolicy {
  maxAgeDays: number;
  maxBytes: number;
}

export interface StoreStats {
  rows: number;
  bytes: number;
  oldest: string | null;
  newest: string | null;
}

/** Answers metric questions; the telemetry store and the Prometheus connector both do. */
export interface MetricSource {
  readonly describe: string;
  metricSeries(q: MetricSeriesQuery): Promise<MetricPoint[]>;
}

/**
 * The telemetry store port (DuckDB embedded today; ClickHouse later). It only ever receives
 * redacted events. `append` resolves once the batch is durable.
 */
export interface TelemetryStore extends MetricSource {
  append(events: readonly TelemetryEvent[]): Promise<void>;
  /**
   * Optional fast path: appends column batches (see `EventColumns`) in one transaction, resolving once
   * durable like `append`. Callers go through `appendColumnsTo`, which falls back to `append`.
   */
  appendColumns?(batches: readonly EventColumns[]): Promise<void>;
  /**
   * Optional fast path for a flat JSON-lines file of one shape (see `FlatPlan`): the store reads the
   * file itself, inserts the lines the plan covers (durable when it resolves with `loaded`) and hands
   * back the others for the ordinary pipeline. `abandoned`: nothing was stored; take the ordinary path.
   */
  loadFlatJsonLines?(path: string, plan: FlatPlan, hooks: FlatLoadHooks): Promise<FlatLoadResult>;
  queryEvents(q: EventsQuery): Promise<StoredEvent[]>;
  aggregateSeries(q: SeriesQuery): Promise<SeriesRow[]>;
  topN(q: TopQuery): Promise<TopRow[]>;
  applyRetention(policy: RetentionPolicy, now: Date): Promise<{ deletedRows: number }>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** What the caller does for `loadFlatJsonLines`: redaction, its own line count, and the limits of the plan. */
export interface FlatLoadHooks {
  /** Events before this (epoch ms) or after `maxMs` are left to the ordinary path (rejected or clamped there). */
  minMs: number;
  maxMs: number;
  /** How many uncovered lines are worth it; beyond that the load is abandoned before anything is written. */
  maxOtherLines(lines: number): number;
  /** The distinct values of one scrub target that redaction changes, value -> redacted value. */
  redact(target: ScrubTarget, values: readonly string[]): Map<string, string>;
  /** Counts the file's lines as JavaScript reads them (split at \n; `empty`: of length 0). */
  countLines(): Promise<{ lines: number; empty: number }>;
  /** False when the file changed since the load began (nothing is committed then: values could have escaped redaction). */
  unchanged(): Promise<boolean>;
}

/** `others`: the numbers of the non-blank lines the load did not cover, ascending. */
export type FlatLoadResult = { loaded: number; others: number[] } | { abandoned: string };

export { dimensions };
