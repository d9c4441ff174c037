import { useMemo } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { TimeChart, type ChartSeries } from '../lib/TimeChart.tsx';
import { usePoll } from '../lib/use-poll.ts';
import type { Alert } from './Alerts.tsx';

interface SeriesRow {
  bucket: string;
  count: number;
  errors: number;
  errorRate: number;
  p95Ms: number | null;
}

/** The telemetry series a detector alert links (labels.query), with the window it fired on shaded. */
export function AlertSeries({ alert }: { alert: Alert }) {
  const link = alert.labels.query ?? '';
  const series = usePoll((signal) => api<{ items: SeriesRow[] }>(link.includes('percentiles') ? link : `${link}&percentiles=p95`, { signal }), link);
  const measure = alert.series?.startsWith('p95') ? 'p95' : alert.series?.startsWith('error rate') ? 'errorRate' : 'throughput';
  const chart = useMemo(() => {
    const rows = series.data?.items ?? [];
    const times = rows.map((r) => Date.parse(r.bucket) / 1000);
    const values = rows.map((r) => (measure === 'p95' ? r.p95Ms : measure === 'errorRate' ? (r.count ? (r.errors / r.count) * 100 : null) : r.count));
    const s: ChartSeries[] = [{ label: alert.series ?? measure, values, color: '#1d4ed8' }];
    return { times, s };
  }, [series.data, measure, alert.series]);
  const band = useMemo<[number, number] | undefined>(() => {
    const from = alert.labels.windowFrom;
    const to = alert.labels.windowTo;
    return from && to ? [Date.parse(from) / 1000, Date.parse(to) / 1000] : undefined;
  }, [alert.labels.windowFrom, alert.labels.windowTo]);
  return (
    <>
      <ErrorNotice error={series.error} />
      <TimeChart title={alert.series ?? 'Series'} times={chart.times} series={chart.s} unit={measure === 'p95' ? ' ms' : measure === 'errorRate' ? '%' : ''} {...(band ? { band } : {})} />
    </>
  );
}
