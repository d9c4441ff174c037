import { redactUrl } from '../../core/index.ts';
import { PrometheusQueryError, PrometheusUnavailableError } from '../errors.ts';
import type { MetricPoint, MetricSeriesQuery, MetricSource } from '../store.ts';

export interface PrometheusOptions {
  url: string;
  bearerToken?: string;
  timeoutMs?: number;
}

/** Prometheus limits a range query to 11,000 points per series. */
const maxPoints = 11_000;

/** Answers metric questions from a Prometheus server through its HTTP API (`/api/v1/query_range`). */
export class PrometheusConnector implements MetricSource {
  readonly describe: string;

  constructor(private readonly options: PrometheusOptions) {
    this.describe = `prometheus:${redactUrl(options.url)}`;
  }

  /** The same metric question as the store answers, as PromQL built from validated names and escaped label values. */
  async metricSeries(q: MetricSeriesQuery): Promise<MetricPoint[]> {
    const step = Math.max(q.bucketSec, Math.ceil((q.to.getTime() - q.from.getTime()) / 1000 / maxPoints));
    const groups = q.groupBy.map(promName);
    // Aligned to multiples of the step, like the store's time buckets.
    const from = new Date(Math.floor(q.from.getTime() / 1000 / step) * step * 1000);
    const points = await this.queryRange(toPromQl(q, step), from, q.to, step);
    return points
      .map((p) => ({ bucket: p.bucket, group: Object.fromEntries(q.groupBy.map((k, i) => [k, p.labels[groups[i]!] ?? null])), value: p.value }))
      .slice(0, q.limit);
  }

  /** Runs a PromQL range query as given (for teams with their own recording rules). */
  async queryRange(promql: string, from: Date, to: Date, stepSec: number): Promise<{ bucket: string; labels: Record<string, string>; value: number }[]> {
    const params = new URLSearchParams({ query: promql, start: String(from.getTime() / 1000), end: String(to.getTime() / 1000), step: `${stepSec}s` });
    const url = `${this.options.url.replace(/\/$/, '')}/api/v1/query_range`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.options.bearerToken ? { authorization: `Bearer ${this.options.bearerToken}` } : {}) },
        body: params.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new PrometheusUnavailableError(this.options.url, err);
    }
    let body: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: { metric: Record<string, string>; values: [number, string][] }[] } };
    try {
      body = (await res.json()) as typeof body;
    } catch (err) {
      throw new PrometheusUnavailableError(this.options.url, err);
    }
    if (res.status >= 500) throw new PrometheusUnavailableError(this.options.url, new Error(body.error ?? `HTTP ${res.status}`));
    if (body.status !== 'success') throw new PrometheusQueryError(promql, body.error ?? `HTTP ${res.status}`);
    const out: { bucket: string; labels: Record<string, string>; value: number }[] = [];
    for (const series of body.data?.result ?? []) {
      for (const [t, v] of series.values ?? []) out.push({ bucket: new Date(t * 1000).toISOString().replace('.000Z', 'Z'), labels: series.metric, value: Number(v) });
    }
    return out.sort((a, b) => a.bucket.localeCompare(b.bucket));
  }
}

/** OpenTelemetry names (dots) map to Prometheus names (underscores). */
export function promName(name: string): string {
  return name.replace(/[^A-Za-z0-9_:]/g, '_');
}

function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** PromQL for a metric question; names are validated by the query schema, values are escaped. */
export function toPromQl(q: MetricSeriesQuery, stepSec: number): string {
  const matchers = Object.entries(q.where ?? {}).map(([k, v]) => `${promName(k)}=${promString(v)}`);
  const selector = `${promName(q.metric)}{${matchers.join(',')}}`;
  const by = q.groupBy.length ? ` by (${q.groupBy.map(promName).join(',')})` : '';
  if (q.agg === 'rate') return `sum${by} (rate(${selector}[${Math.max(stepSec, 60)}s]))`;
  return `${q.agg}${by} (${selector})`;
}
