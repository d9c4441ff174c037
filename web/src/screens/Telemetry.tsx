import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { TimeChart } from '../lib/TimeChart.tsx';
import { usePoll } from '../lib/use-poll.ts';

interface SeriesRow {
  bucket: string;
  count: number;
  errors: number;
  errorRate: number;
  p95Ms: number | null;
}
interface TopRow {
  value: string | null;
  count: number;
  errors: number;
  errorRate: number;
  share: number;
}

const ranges = [
  { value: 'now-1h', label: 'last hour', bucket: '60' },
  { value: 'now-6h', label: 'last 6 hours', bucket: '5m' },
  { value: 'now-24h', label: 'last 24 hours', bucket: '15m' },
  { value: 'now-7d', label: 'last 7 days', bucket: '1h' },
];
const dimensions = ['route', 'service', 'chain', 'appVersion', 'platform', 'country', 'rpcProvider', 'statusCode'];
const filters = ['service', 'route', 'chain', 'platform', 'appVersion'] as const;

/** Telemetry explorer: error rate, p95 and throughput over time for a filter, and a breakdown by one dimension. */
export function Telemetry() {
  const [draft, setDraft] = useState({ range: 'now-6h', by: 'route', service: '', route: '', chain: '', platform: '', appVersion: '' });
  const [applied, setApplied] = useState(draft);
  const params = useMemo(() => {
    const r = ranges.find((x) => x.value === applied.range) ?? ranges[1]!;
    const p = new URLSearchParams({ from: r.value, to: 'now' });
    for (const f of filters) if (applied[f].trim()) p.set(`where.${f}`, applied[f].trim());
    return { base: p.toString(), bucket: r.bucket };
  }, [applied]);
  const series = usePoll((signal) => api<{ items: SeriesRow[] }>(`/api/telemetry/series?${params.base}&bucket=${params.bucket}&percentiles=p95`, { signal }), params.base, 60_000);
  const top = usePoll((signal) => api<{ items: TopRow[] }>(`/api/telemetry/top?${params.base}&by=${applied.by}&n=15`, { signal }), `${params.base}&by=${applied.by}`, 60_000);
  const charts = useMemo(() => {
    const rows = series.data?.items ?? [];
    const times = rows.map((r) => Date.parse(r.bucket) / 1000);
    return {
      times,
      errorRate: [{ label: 'error rate', values: rows.map((r) => (r.count ? (r.errors / r.count) * 100 : null)), color: '#b42318' }],
      p95: [{ label: 'p95', values: rows.map((r) => r.p95Ms), color: '#1d4ed8' }],
      throughput: [{ label: 'events', values: rows.map((r) => r.count), color: '#1f5f3a' }],
    };
  }, [series.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  return (
    <section aria-labelledby="telemetry-title">
      <h1 id="telemetry-title">Telemetry</h1>
      <form className="row" onSubmit={submit} aria-label="Telemetry query">
        <label className="inline">
          <span>Range</span>
          <select value={draft.range} onChange={(e) => setDraft({ ...draft, range: e.target.value })}>
            {ranges.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {filters.map((f) => (
          <label key={f}>
            <span className="sr-only">{f}</span>
            <input className="filter" placeholder={f} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </label>
        ))}
        <label className="inline">
          <span>Break down by</span>
          <select value={draft.by} onChange={(e) => setDraft({ ...draft, by: e.target.value })}>
            {dimensions.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <button type="submit">Run</button>
      </form>
      <ErrorNotice error={series.error} />
      <div className="charts">
        <TimeChart title="Error rate" times={charts.times} series={charts.errorRate} unit="%" height={160} />
        <TimeChart title="p95 latency" times={charts.times} series={charts.p95} unit=" ms" height={160} />
        <TimeChart title="Throughput (events per bucket)" times={charts.times} series={charts.throughput} height={160} />
      </div>
      <h2>Breakdown by {applied.by}</h2>
      <ErrorNotice error={top.error} />
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{applied.by}</th>
            <th scope="col">Events</th>
            <th scope="col">Errors</th>
            <th scope="col">Error rate</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {top.data?.items.length === 0 && (
            <tr>
              <td colSpan={5}>No events in this window.</td>
            </tr>
          )}
          {top.data?.items.map((r) => (
            <tr key={String(r.value)}>
              <td>{r.value ?? '(none)'}</td>
              <td>{r.count.toLocaleString('en')}</td>
              <td>{r.errors.toLocaleString('en')}</td>
              <td>{(r.errorRate * 100).toFixed(2)}%</td>
              <td>{(r.share * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
