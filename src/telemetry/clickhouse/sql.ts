import { aliasToColumn, dimensionColumns, identityColumns, type Dimension, type Identity } from '../event.ts';
import type { EventFilter, EventsQuery, MetricSeriesQuery, SeriesQuery, TopQuery } from '../store.ts';
import { lit } from './literal.ts';

/** DuckDB's time_bucket origin (Monday 2000-01-03 UTC), so both stores cut buckets at the same instants. */
export const bucketOriginSec = 946_857_600;

/** Epoch seconds of the bucket holding `tsSecExpr`. */
export function bucketExpr(tsSecExpr: string, bucketSec: number): string {
  const w = lit.int(bucketSec);
  return `toInt64(${bucketOriginSec} + floor((${tsSecExpr} - ${bucketOriginSec}) / ${w}) * ${w})`;
}

/** A JSON attribute as text (strings unquoted, other values as written), NULL when absent; the key is a literal. */
function jsonAttr(key: string): string {
  const k = lit.str(key);
  return `if(visitParamHas(attrs, ${k}), if(substring(visitParamExtractRaw(attrs, ${k}), 1, 1) = '"', visitParamExtractString(attrs, ${k}), visitParamExtractRaw(attrs, ${k})), NULL)`;
}

/** An attribute key: its column when ingest maps it to one, else a lookup in the JSON attributes. */
export function attrExpr(key: string): string {
  const col = aliasToColumn.get(key);
  const sqlCol = col === undefined ? undefined : col === 'statusCode' ? 'toString(status_code)' : (dimensionColumns[col as Dimension] ?? identityColumns[col as Identity]);
  return sqlCol ?? jsonAttr(key);
}

/** A group/filter key as a SQL expression: an allowlisted column, or an attribute. */
export function keyExpr(key: string): string {
  if (key.startsWith('attr.')) return attrExpr(key.slice(5));
  const col = dimensionColumns[key as Dimension];
  if (!col) throw new Error(`not an allowed key: ${key}`);
  if (key === 'statusCode') return `toString(${col})`;
  if (key === 'kind') return `toString(${col})`;
  return col;
}

/** Conditions on the sort key's time columns (hour and partition pruning) plus the exact millisecond range. */
export function timeRange(fromMs: number, toMs: number): string[] {
  return [`ts >= toDateTime(${lit.int(Math.floor(fromMs / 1000))}, 'UTC')`, `ts <= toDateTime(${lit.int(Math.floor(toMs / 1000))}, 'UTC')`, `ts_ms >= ${lit.int(fromMs)}`, `ts_ms < ${lit.int(toMs)}`];
}

/** The identities a filter asks for (a single field and anyOf together), by kind. */
function askedIds(f: EventFilter): Map<Identity, string[]> {
  const asked = new Map<Identity, string[]>();
  for (const k of Object.keys(identityColumns) as Identity[]) {
    const values = [...(f[k] !== undefined ? [f[k]!] : []), ...(f.anyOf?.[k] ?? [])];
    if (values.length) asked.set(k, values);
  }
  return asked;
}

/** At most this many key ids go into a lookup as literals; more (an id shared by that many users) scan `events`. */
export const maxPointedKeys = 2000;

/**
 * The key ids `event_ids` points to for the filter's identities other than user ids (a user id is
 * always its event's key), in its time window; undefined when there are none to look up. The store
 * runs it before the query itself: 18.16 does not use the primary index for `key_id IN (subquery)`.
 */
export function pointerSql(f: EventFilter): string | undefined {
  const refs = [...askedIds(f)].filter(([k]) => k !== 'userId').map(([k, values]) => `(id_kind = ${lit.str(k)} AND id_hash IN (${values.map((v) => `cityHash64(${lit.str(v)})`).join(', ')}))`);
  if (!refs.length) return undefined;
  return `SELECT DISTINCT key_id FROM event_ids WHERE (${refs.join(' OR ')}) AND ts_ms >= ${lit.int(f.from.getTime())} AND ts_ms < ${lit.int(f.to.getTime())} LIMIT ${maxPointedKeys + 1}`;
}

/**
 * Where an event filter is answered. A filter on identities (userId, …, or anyOf) reads
 * `events_by_key` (schema.ts), where every event with an identity is stored once under its key id
 * (its user id, else device, …): the key ranges of the ids asked for plus `pointed`, the key ids
 * pointerSql found for them. The full WHERE then re-checks the identity columns on the rows read, so
 * hash collisions and the keys' other events drop out, and each event comes back once. Otherwise, or
 * with more than maxPointedKeys pointed keys, `events`.
 */
export function source(f: EventFilter, pointed: readonly string[] = []): { table: string; where: string } {
  const asked = askedIds(f);
  if (!asked.size || pointed.length > maxPointedKeys) return { table: 'events', where: whereClause(f) };
  const keys = [...new Set([...[...asked.values()].flat(), ...pointed])];
  return { table: 'events_by_key', where: `key_id IN (${lit.list(keys)}) AND ${whereClause(f)}` };
}

export function whereClause(f: EventFilter): string {
  const parts = timeRange(f.from.getTime(), f.to.getTime());
  for (const [key, col] of Object.entries(identityColumns)) {
    const v = f[key as keyof typeof identityColumns];
    if (v !== undefined) parts.push(`${col} = ${lit.str(v)}`);
  }
  const any: string[] = [];
  for (const [key, col] of Object.entries(identityColumns)) {
    const values = f.anyOf?.[key as keyof typeof identityColumns] ?? [];
    if (values.length) any.push(`${col} IN (${lit.list(values)})`);
  }
  if (f.anyOf) parts.push(any.length ? `(${any.join(' OR ')})` : '0');
  if (f.kind) parts.push(`kind = ${lit.str(f.kind)}`);
  if (f.errorsOnly) parts.push('is_error = 1');
  for (const [key, value] of Object.entries(f.where ?? {})) {
    // service and route are in the sort key as ifNull(col, ''): say it that way too so the index is used.
    if (key === 'service' || key === 'route') parts.push(`ifNull(${key}, '') = ${lit.str(value)}`);
    parts.push(`${keyExpr(key)} = ${lit.str(value)}`);
  }
  return parts.join(' AND ');
}

const eventColumns = 'ts_ms, kind, service, severity, is_error, name, route, status_code, duration_ms, chain, app_version, platform, country, rpc_provider, user_id, device_id, address, tx_hash, trace_id, span_id, metric_name, metric_value, body, attrs';

export function eventsSql(q: EventsQuery, pointed: readonly string[] = []): string {
  const order = q.order === 'asc' ? 'ts_ms ASC' : q.order === 'errors_first' ? 'is_error DESC, ts_ms DESC' : 'ts_ms DESC';
  const from = source(q, pointed);
  return `SELECT ${eventColumns} FROM ${from.table} WHERE ${from.where} ORDER BY ${order} LIMIT ${lit.int(q.limit)}`;
}

const fractions = { p50: 0, p95: 1, p99: 2 } as const;

/** p50/p95/p99 picked out of the three-quantile array `arr` (NaN, i.e. no latencies, comes back as null). */
export function percentileColumns(arr: string, ps: readonly ('p50' | 'p95' | 'p99')[]): string {
  return [...new Set(ps)].map((p) => `${arr}[${fractions[p] + 1}] AS ${p}`).join(', ');
}

export function seriesSql(q: SeriesQuery, pointed: readonly string[] = []): string {
  const groups = q.groupBy.map((k, i) => `, ${keyExpr(k)} AS g${i}`).join('');
  const groupCols = q.groupBy.map((_, i) => `, g${i}`).join('');
  const from = source(q, pointed);
  return `SELECT ${bucketExpr('intDiv(ts_ms, 1000)', q.bucketSec)} AS b${groups}, count() AS n, countIf(is_error = 1) AS errors, ${percentileColumns('quantiles(0.5, 0.95, 0.99)(duration_ms)', q.percentiles)}
FROM ${from.table} WHERE ${from.where}
GROUP BY b${groupCols}
ORDER BY b${groupCols} LIMIT ${lit.int(q.limit)}`;
}

/** Top values of one key; the JSON format's `totals` row carries the whole range's count and errors. */
export function topSql(q: TopQuery, pointed: readonly string[] = []): string {
  const rank = q.rankBy === 'errors' ? 'errors' : 'n';
  const from = source(q, pointed);
  return `SELECT ${keyExpr(q.by)} AS v, count() AS n, countIf(is_error = 1) AS errors
FROM ${from.table} WHERE ${from.where}
GROUP BY v WITH TOTALS ORDER BY ${rank} DESC, v ASC NULLS LAST LIMIT ${lit.int(q.n)}`;
}

export function metricSql(q: MetricSeriesQuery): string {
  const groups = q.groupBy.map((k, i) => `${attrExpr(k)} AS g${i}`);
  const parts = [`kind = 'metric'`, `metric_name = ${lit.str(q.metric)}`, ...timeRange(q.from.getTime(), q.to.getTime())];
  for (const [k, v] of Object.entries(q.where ?? {})) parts.push(`${attrExpr(k)} = ${lit.str(v)}`);
  const agg = q.agg === 'rate' ? `(max(metric_value) - min(metric_value)) / ${lit.int(q.bucketSec)}` : q.agg === 'count' ? 'count()' : `${q.agg}(metric_value)`;
  const groupCols = q.groupBy.map((_, i) => `g${i}`);
  return `SELECT ${bucketExpr('intDiv(ts_ms, 1000)', q.bucketSec)} AS b${groups.length ? ', ' + groups.join(', ') : ''}, ${agg} AS value
FROM events WHERE ${parts.join(' AND ')}
GROUP BY b${groups.length ? ', ' + groupCols.join(', ') : ''}
ORDER BY b${groupCols.length ? ', ' + groupCols.join(', ') : ''}, value LIMIT ${lit.int(q.limit)}`;
}
