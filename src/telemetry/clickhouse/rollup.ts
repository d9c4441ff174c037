import type { EventFilter, SeriesQuery, TopQuery } from '../store.ts';
import { lit } from './literal.ts';
import { bucketExpr, percentileColumns } from './sql.ts';

/** Keys the per-minute rollup keeps, and their expression there. */
const rollupKeys: Record<string, string> = { service: 'service', route: 'route', chain: 'chain', kind: 'toString(kind)' };

/**
 * Whether a query can be answered from `events_1m` instead of the raw events: a range on whole
 * minutes, grouping and equality filters only on service/route/chain/kind, no identity filters.
 * The answer is the same (counts exact; quantiles exact up to 8192 latencies per group, then sampled).
 */
export function fitsRollup(f: EventFilter, keys: readonly string[]): boolean {
  if (f.from.getTime() % 60_000 !== 0 || f.to.getTime() % 60_000 !== 0) return false;
  if (f.userId !== undefined || f.deviceId !== undefined || f.address !== undefined || f.txHash !== undefined || f.traceId !== undefined || f.anyOf) return false;
  return [...keys, ...Object.keys(f.where ?? {})].every((k) => k in rollupKeys);
}

function rollupWhere(f: EventFilter): string {
  const parts = [`minute >= toDateTime(${lit.int(f.from.getTime() / 1000)}, 'UTC')`, `minute < toDateTime(${lit.int(f.to.getTime() / 1000)}, 'UTC')`];
  if (f.kind) parts.push(`kind = ${lit.str(f.kind)}`);
  if (f.errorsOnly) parts.push('is_error = 1');
  for (const [key, value] of Object.entries(f.where ?? {})) parts.push(`${rollupKeys[key]!} = ${lit.str(value)}`);
  return parts.join(' AND ');
}

export function rollupSeriesSql(q: SeriesQuery): string {
  const groups = q.groupBy.map((k, i) => `, ${rollupKeys[k]!} AS g${i}`).join('');
  const groupCols = q.groupBy.map((_, i) => `, g${i}`).join('');
  return `SELECT ${bucketExpr('toInt64(toUInt32(minute))', q.bucketSec)} AS b${groups}, countMerge(n_state) AS n, countMergeIf(n_state, is_error = 1) AS errors, ${percentileColumns('quantilesIfMerge(0.5, 0.95, 0.99)(q_state)', q.percentiles)}
FROM events_1m WHERE ${rollupWhere(q)}
GROUP BY b${groupCols}
ORDER BY b${groupCols} LIMIT ${lit.int(q.limit)}`;
}

export function rollupTopSql(q: TopQuery): string {
  const rank = q.rankBy === 'errors' ? 'errors' : 'n';
  return `SELECT ${rollupKeys[q.by]!} AS v, countMerge(n_state) AS n, countMergeIf(n_state, is_error = 1) AS errors
FROM events_1m WHERE ${rollupWhere(q)}
GROUP BY v WITH TOTALS ORDER BY ${rank} DESC, v ASC NULLS LAST LIMIT ${lit.int(q.n)}`;
}
