import type { z } from 'zod';
import { ValidationError } from '../core/index.ts';
import { compareOffsets, type CompareOffset } from './compare.ts';
import { CorrelateInput } from './correlate.ts';
import { EventsQuery, MetricSeriesQuery, SeriesQuery, TopQuery } from './store.ts';

/** Flat string parameters, as a query string or CLI flags give them (repeated keys as arrays). */
export type FlatParams = Record<string, string | readonly string[] | undefined>;

export const queryKinds = ['events', 'series', 'top', 'compare', 'correlate', 'metric'] as const;
export type QueryKind = (typeof queryKinds)[number];

export type ParsedQuery =
  | { kind: 'events'; query: EventsQuery }
  | { kind: 'series'; query: SeriesQuery }
  | { kind: 'top'; query: TopQuery }
  | { kind: 'compare'; query: SeriesQuery; offset: CompareOffset }
  | { kind: 'correlate'; query: z.output<typeof CorrelateInput> }
  | { kind: 'metric'; query: MetricSeriesQuery; source: 'store' | 'prometheus' | 'auto' };

const one = (v: string | readonly string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : (v as string | undefined));
const many = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v as string]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));

/** Parses a duration like `15m`, `2h`, `7d` or seconds. */
export function parseDurationSec(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 } as const)[(m[2] ?? 's') as 's'];
}

function time(v: string | undefined, now: Date, name: string): Date | undefined {
  if (v === undefined || v === '') return undefined;
  if (v === 'now') return now;
  const rel = /^now-(.+)$/.exec(v);
  if (rel) {
    const sec = parseDurationSec(rel[1]!);
    if (sec === undefined) throw new ValidationError(`${name}: ${JSON.stringify(v)} is not a time (ISO-8601, now, or now-15m/2h/7d).`);
    return new Date(now.getTime() - sec * 1000);
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new ValidationError(`${name}: ${JSON.stringify(v)} is not a time (ISO-8601, now, or now-15m/2h/7d).`);
  return d;
}

function int(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = parseDurationSec(v);
  if (n === undefined) throw new ValidationError(`${name} must be a whole number (or a duration like 5m), got ${JSON.stringify(v)}.`);
  return n;
}

/**
 * Turns flat parameters (`from`, `to`, `userId`, `where.route=/v1/swap`, `groupBy=route,chain`, …) into a
 * validated query of the given kind. Times default to the last hour; `now-2h` style times are accepted.
 */
export function queryFromParams(kind: QueryKind, params: FlatParams, now: Date): ParsedQuery {
  const to = time(one(params.to), now, 'to') ?? now;
  const from = time(one(params.from), now, 'from') ?? new Date(to.getTime() - 3600_000);
  const where: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (k.startsWith('where.') && one(v) !== undefined) where[k.slice(6)] = one(v)!;
  const base: Record<string, unknown> = { from, to };
  for (const k of ['userId', 'deviceId', 'address', 'txHash', 'traceId', 'kind'] as const) if (one(params[k])) base[k] = one(params[k]);
  if (one(params.errorsOnly) === 'true' || one(params.errorsOnly) === '') base.errorsOnly = true;
  if (Object.keys(where).length) base.where = where;
  const lim = int(one(params.limit), 'limit');
  const bucketSec = int(one(params.bucket) ?? one(params.bucketSec), 'bucket');
  const groupBy = many(params.groupBy);
  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new ValidationError('Invalid telemetry query.', {
      metaMessages: r.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`),
      context: { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  };
  switch (kind) {
    case 'events':
      return { kind, query: parse(EventsQuery, { ...base, ...(lim ? { limit: lim } : {}), ...(one(params.order) ? { order: one(params.order) } : {}) }) };
    case 'series':
    case 'compare': {
      const percentiles = many(params.percentiles);
      const query = parse(SeriesQuery, { ...base, groupBy, ...(percentiles.length ? { percentiles } : {}), ...(bucketSec ? { bucketSec } : {}), ...(lim ? { limit: lim } : {}) });
      if (kind === 'series') return { kind, query };
      const offset = one(params.offset) ?? 'yesterday';
      if (!(offset in compareOffsets)) throw new ValidationError(`offset must be one of ${Object.keys(compareOffsets).join(', ')}, got ${JSON.stringify(offset)}.`);
      return { kind, query, offset: offset as CompareOffset };
    }
    case 'top':
      return { kind, query: parse(TopQuery, { ...base, by: one(params.by), ...(lim ? { n: lim } : {}), ...(one(params.n) ? { n: int(one(params.n), 'n') } : {}), ...(one(params.rankBy) ? { rankBy: one(params.rankBy) } : {}) }) };
    case 'correlate': {
      const around = time(one(params.around), now, 'around') ?? now;
      const windowMin = int(one(params.windowMin), 'windowMin');
      return {
        kind,
        query: parse(CorrelateInput, {
          around,
          ...(one(params.userId) ? { userId: one(params.userId) } : {}),
          ...(one(params.deviceId) ? { deviceId: one(params.deviceId) } : {}),
          ...(many(params.address).length ? { addresses: many(params.address) } : {}),
          ...(many(params.txHash).length ? { txHashes: many(params.txHash) } : {}),
          ...(windowMin ? { windowMin } : {}),
          ...(lim ? { limit: lim } : {}),
        }),
      };
    }
    case 'metric': {
      const source = one(params.source) ?? 'auto';
      if (!['store', 'prometheus', 'auto'].includes(source)) throw new ValidationError(`source must be store, prometheus or auto, got ${JSON.stringify(source)}.`);
      const query = parse(MetricSeriesQuery, { from, to, metric: one(params.metric), groupBy, ...(Object.keys(where).length ? { where } : {}), ...(bucketSec ? { bucketSec } : {}), ...(one(params.agg) ? { agg: one(params.agg) } : {}), ...(lim ? { limit: lim } : {}) });
      return { kind, query, source: source as 'store' | 'prometheus' | 'auto' };
    }
  }
}
