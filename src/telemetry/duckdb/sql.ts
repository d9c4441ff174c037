import { aliasToColumn, dimensionColumns, identityColumns, type Dimension, type Identity } from '../event.ts';
import type { EventFilter, EventsQuery, MetricSeriesQuery, SeriesQuery, TopQuery } from '../store.ts';
import { userKeyOf } from './user-key.ts';

/** A statement and its bound parameters; user input only ever travels in `params`. */
export interface Statement {
  sql: string;
  params: (string | number | boolean)[];
}

class Params {
  readonly values: (string | number | boolean)[] = [];
  add(v: string | number | boolean): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** An attribute key: its column when ingest maps it to one, else a JSON lookup whose path is a parameter. */
function attrExpr(key: string, p: Params): string {
  const col = aliasToColumn.get(key);
  const sqlCol = col === undefined ? undefined : col === 'statusCode' ? 'CAST(status_code AS VARCHAR)' : (dimensionColumns[col as Dimension] ?? identityColumns[col as Identity]);
  return sqlCol ?? `json_extract_string(attrs, ${p.add(`$."${key}"`)})`;
}

/** A group/filter key as a SQL expression: an allowlisted column, or an attribute. */
function keyExpr(key: string, p: Params): string {
  if (key.startsWith('attr.')) return attrExpr(key.slice(5), p);
  const col = dimensionColumns[key as Dimension];
  if (!col) throw new Error(`not an allowed key: ${key}`);
  return key === 'statusCode' ? `CAST(${col} AS VARCHAR)` : col;
}

/** `col IN (values)`; for user ids the `user_key` test first, which DuckDB answers from a 4-byte column (see user-key.ts). */
function identityIn(key: Identity, col: string, values: readonly string[], p: Params): string {
  const list = (xs: readonly (string | number)[], cast = '') => (xs.length === 1 ? ` = ${p.add(xs[0]!)}${cast}` : ` IN (${xs.map((x) => `${p.add(x)}${cast}`).join(', ')})`);
  const test = `${col}${list(values)}`;
  return key === 'userId' ? `(user_key${list(values.map(userKeyOf), '::UINTEGER')} AND ${test})` : test;
}

function whereClause(f: EventFilter, p: Params): string {
  const parts = [`ts >= make_timestamp(${p.add(f.from.getTime() * 1000)}::BIGINT)`, `ts < make_timestamp(${p.add(f.to.getTime() * 1000)}::BIGINT)`];
  for (const [key, col] of Object.entries(identityColumns)) {
    const v = f[key as Identity];
    if (v !== undefined) parts.push(identityIn(key as Identity, col, [v], p));
  }
  const any: string[] = [];
  for (const [key, col] of Object.entries(identityColumns)) {
    const values = f.anyOf?.[key as Identity] ?? [];
    if (values.length) any.push(identityIn(key as Identity, col, values, p));
  }
  if (f.anyOf) parts.push(any.length ? `(${any.join(' OR ')})` : 'false');
  if (f.kind) parts.push(`kind = ${p.add(f.kind)}`);
  if (f.errorsOnly) parts.push('is_error');
  for (const [key, value] of Object.entries(f.where ?? {})) parts.push(`${keyExpr(key, p)} = ${p.add(value)}`);
  return parts.join(' AND ');
}

const eventSelect = `strftime(ts, '%Y-%m-%dT%H:%M:%S.%gZ') AS ts, kind, service, severity, is_error, name, route, status_code, duration_ms, chain, app_version, platform, country, rpc_provider, user_id, device_id, address, tx_hash, trace_id, span_id, metric_name, metric_value, body, attrs`;

export function eventsSql(q: EventsQuery): Statement {
  const p = new Params();
  const where = whereClause(q, p);
  const order = q.order === 'asc' ? 'ts ASC' : q.order === 'errors_first' ? 'is_error DESC, ts DESC' : 'ts DESC';
  return { sql: `SELECT ${eventSelect} FROM events WHERE ${where} ORDER BY ${order} LIMIT ${p.add(q.limit)}`, params: p.values };
}

export function seriesSql(q: SeriesQuery): Statement {
  const p = new Params();
  const groups = q.groupBy.map((k, i) => `${keyExpr(k, p)} AS g${i}`);
  // Buckets are numbered from the one holding `from` (aligned like time_bucket: from 2000-01-03);
  // integer arithmetic per row costs a third of time_bucket, and a range inside one bucket needs none.
  const widthMs = q.bucketSec * 1000;
  const firstMs = bucketStartMs(q.from.getTime(), widthMs);
  const first = p.add(firstMs * 1000);
  const width = firstMs === bucketStartMs(q.to.getTime() - 1, widthMs) ? undefined : p.add(widthMs * 1000);
  const where = whereClause(q, p);
  const groupCols = q.groupBy.map((_, i) => `g${i}`);
  const qs = quantiles(q.percentiles);
  // Group by the bucket number and format it afterwards: formatting per row before grouping costs more than the grouping.
  const keys = [...(width ? [`(epoch_us(ts) - ${first}::BIGINT) // ${width}::BIGINT AS b`] : []), ...groups];
  const inner = `SELECT ${keys.map((k) => `${k}, `).join('')}count(*) AS n, count(*) FILTER (WHERE is_error) AS errors, ${qs.inner}
  FROM events WHERE ${where}${keys.length ? ' GROUP BY ALL' : ' HAVING count(*) > 0'}`;
  const bucket = width ? `make_timestamp(${first}::BIGINT + b * ${width}::BIGINT)` : `make_timestamp(${first}::BIGINT)`;
  const excluded = [...(width ? ['b'] : []), ...(qs.outer ? ['q_list'] : [])];
  const order = [...(width ? ['b'] : []), ...groupCols];
  const sql = `SELECT strftime(${bucket}, '%Y-%m-%dT%H:%M:%SZ') AS bucket, *${excluded.length ? ` EXCLUDE (${excluded.join(', ')})` : ''}${qs.outer} FROM (${inner})${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ${p.add(q.limit)}`;
  return { sql, params: p.values };
}

/** Start of the bucket holding `ms`, with DuckDB's time_bucket origin for fixed widths (Monday 2000-01-03). */
function bucketStartMs(ms: number, widthMs: number): number {
  const origin = Date.UTC(2000, 0, 3);
  return origin + Math.floor((ms - origin) / widthMs) * widthMs;
}

const fractions = { p50: '0.5', p95: '0.95', p99: '0.99' } as const;

/** The quantile aggregate (one sort for several percentiles) and how the outer query names them. */
function quantiles(ps: readonly ('p50' | 'p95' | 'p99')[]): { inner: string; outer: string } {
  const wanted = [...new Set(ps)];
  if (wanted.length === 1) return { inner: `quantile_cont(duration_ms, ${fractions[wanted[0]!]}) AS ${wanted[0]}`, outer: '' };
  return { inner: `quantile_cont(duration_ms, [${wanted.map((p) => fractions[p]).join(', ')}]) AS q_list`, outer: `, ${wanted.map((p, i) => `q_list[${i + 1}] AS ${p}`).join(', ')}` };
}

export function topSql(q: TopQuery): Statement {
  const p = new Params();
  const key = keyExpr(q.by, p);
  const where = whereClause(q, p);
  const rank = q.rankBy === 'errors' ? 'errors' : 'n';
  const sql = `SELECT ${key} AS v, count(*) AS n, count(*) FILTER (WHERE is_error) AS errors,
  sum(count(*)) OVER () AS total_n, sum(count(*) FILTER (WHERE is_error)) OVER () AS total_errors
  FROM events WHERE ${where} GROUP BY 1 ORDER BY ${rank} DESC, v NULLS LAST LIMIT ${p.add(q.n)}`;
  return { sql, params: p.values };
}

export function metricSql(q: MetricSeriesQuery): Statement {
  const p = new Params();
  const groups = q.groupBy.map((k, i) => `${attrExpr(k, p)} AS g${i}`);
  const bucketSec = q.bucketSec;
  const bucket = p.add(bucketSec * 1_000_000);
  const parts = [`kind = 'metric'`, `metric_name = ${p.add(q.metric)}`, `ts >= make_timestamp(${p.add(q.from.getTime() * 1000)}::BIGINT)`, `ts < make_timestamp(${p.add(q.to.getTime() * 1000)}::BIGINT)`];
  for (const [k, v] of Object.entries(q.where ?? {})) parts.push(`${attrExpr(k, p)} = ${p.add(v)}`);
  const agg = q.agg === 'rate' ? `(max(metric_value) - min(metric_value)) / ${p.add(bucketSec)}` : q.agg === 'count' ? 'count(*)' : `${q.agg}(metric_value)`;
  const inner = `SELECT time_bucket(to_microseconds(${bucket}::BIGINT), ts) AS b${groups.length ? ', ' + groups.join(', ') : ''}, ${agg} AS value
  FROM events WHERE ${parts.join(' AND ')} GROUP BY ALL`;
  const sql = `SELECT strftime(b, '%Y-%m-%dT%H:%M:%SZ') AS bucket, * EXCLUDE (b) FROM (${inner}) ORDER BY ALL LIMIT ${p.add(q.limit)}`;
  return { sql, params: p.values };
}
