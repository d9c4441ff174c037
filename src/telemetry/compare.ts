import { querySeries } from './query.ts';
import type { SeriesQuery, SeriesRow, TelemetryStore } from './store.ts';

export const compareOffsets = { yesterday: 86_400, last_week: 7 * 86_400 } as const;
export type CompareOffset = keyof typeof compareOffsets;

export interface WindowTotals {
  from: string;
  to: string;
  count: number;
  errors: number;
  errorRate: number;
}

export interface Comparison {
  offset: CompareOffset;
  current: SeriesRow[];
  /** The earlier window, with buckets shifted forward so they line up with `current`. */
  previous: SeriesRow[];
  totals: { current: WindowTotals; previous: WindowTotals; countChange: number | null; errorRateChange: number };
}

/** The same series for this window and the same window yesterday or last week. */
export async function compareSeries(store: TelemetryStore, q: SeriesQuery, offset: CompareOffset, maxDays: number): Promise<Comparison> {
  const shiftMs = compareOffsets[offset] * 1000;
  const earlier = { ...q, from: new Date(q.from.getTime() - shiftMs), to: new Date(q.to.getTime() - shiftMs) };
  const [current, previousRaw] = await Promise.all([querySeries(store, q, maxDays), querySeries(store, earlier, maxDays)]);
  const previous = previousRaw.map((r) => ({ ...r, bucket: new Date(Date.parse(r.bucket) + shiftMs).toISOString().replace('.000Z', 'Z') }));
  const cur = totals(current, q.from, q.to);
  const prev = totals(previousRaw, earlier.from, earlier.to);
  return {
    offset,
    current,
    previous,
    totals: { current: cur, previous: prev, countChange: prev.count ? (cur.count - prev.count) / prev.count : null, errorRateChange: cur.errorRate - prev.errorRate },
  };
}

function totals(rows: readonly SeriesRow[], from: Date, to: Date): WindowTotals {
  const count = rows.reduce((s, r) => s + r.count, 0);
  const errors = rows.reduce((s, r) => s + r.errors, 0);
  return { from: from.toISOString(), to: to.toISOString(), count, errors, errorRate: count ? errors / count : 0 };
}
