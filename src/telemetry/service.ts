import { mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import { ValidationError, type Clock, type Config } from '../core/index.ts';
import { scrubText } from '../redaction/index.ts';
import { compareSeries, type CompareOffset, type Comparison } from './compare.ts';
import { correlate, type CorrelateInput, type Correlation } from './correlate.ts';
import { openClickHouseStore } from './clickhouse/open.ts';
import { DuckDbTelemetryStore } from './duckdb/store.ts';
import { ingestFiles } from './ingest-file.ts';
import { ingestOtlp, type OtlpIngestResult } from './ingest-otlp.ts';
import type { IngestLimits } from './normalize/build.ts';
import type { OtlpSignal } from './normalize/otlp.ts';
import type { ParsedQuery } from './params.ts';
import type { IngestReport } from './pipeline.ts';
import { PrometheusConnector } from './prometheus/connector.ts';
import { queryEvents, queryMetric, querySeries, queryTop } from './query.ts';
import { EventsQuery, MetricSeriesQuery, SeriesQuery, TopQuery, type MetricPoint, type MetricSource, type SeriesRow, type StoredEvent, type TelemetryStore, type TopRow } from './store.ts';
import { PrometheusNotConfiguredError } from './errors.ts';
import { TelemetryWriter } from './writer.ts';

export type TelemetryConfig = Config['telemetry'];

/** The telemetry module as the surfaces use it: ingest (files, OTLP), queries, correlation, metric sources. */
export class TelemetryService {
  readonly limits: IngestLimits;
  readonly writer: TelemetryWriter;
  readonly prometheus: PrometheusConnector | undefined;
  /** Every string passes through redaction before it reaches the store. */
  readonly scrub = scrubText;
  private retentionTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly store: TelemetryStore,
    readonly config: TelemetryConfig,
    readonly clock: Clock,
  ) {
    this.limits = { maxStringChars: config.maxStringChars, maxBodyChars: config.maxBodyChars, maxAttributes: config.maxAttributes, maxFutureSkewSec: config.maxFutureSkewSec, minTsMs: Date.UTC(2000, 0, 1) };
    this.writer = new TelemetryWriter(store, config.maxPendingRows);
    this.prometheus = config.prometheusUrl ? new PrometheusConnector({ url: config.prometheusUrl, ...(config.prometheusToken ? { bearerToken: config.prometheusToken } : {}) }) : undefined;
  }

  ingestFiles(paths: readonly string[], options: { onDurable?: (rows: number) => void; batchRows?: number } = {}): Promise<IngestReport> {
    return ingestFiles(this.store, paths, { limits: this.limits, scrub: this.scrub, clock: this.clock, ...options });
  }

  ingestOtlp(signal: OtlpSignal, body: Uint8Array, contentType: string | undefined, contentEncoding: string | undefined): Promise<OtlpIngestResult> {
    return ingestOtlp({ writer: this.writer, limits: this.limits, scrub: this.scrub, clock: this.clock, maxRequestBytes: this.config.maxRequestBytes }, signal, body, contentType, contentEncoding);
  }

  /** Events matching the filters (defaults filled in by the schema). */
  async events(q: z.input<typeof EventsQuery>): Promise<StoredEvent[]> {
    return queryEvents(this.store, parseQuery(EventsQuery, q), this.config.maxQueryRangeDays);
  }

  async series(q: z.input<typeof SeriesQuery>): Promise<SeriesRow[]> {
    return querySeries(this.store, parseQuery(SeriesQuery, q), this.config.maxQueryRangeDays);
  }

  async top(q: z.input<typeof TopQuery>): Promise<TopRow[]> {
    return queryTop(this.store, parseQuery(TopQuery, q), this.config.maxQueryRangeDays);
  }

  async compare(q: z.input<typeof SeriesQuery>, offset: CompareOffset): Promise<Comparison> {
    return compareSeries(this.store, parseQuery(SeriesQuery, q), offset, this.config.maxQueryRangeDays);
  }

  correlate(input: CorrelateInput): Promise<Correlation> {
    return correlate(this.store, input, this.config.maxQueryRangeDays);
  }

  /** A metric from the store, or from Prometheus when `source` is `prometheus` (or `auto` with one configured). */
  async metric(q: z.input<typeof MetricSeriesQuery>, source: 'store' | 'prometheus' | 'auto' = 'auto'): Promise<MetricPoint[]> {
    return queryMetric(this.metricSource(source), parseQuery(MetricSeriesQuery, q), this.config.maxQueryRangeDays);
  }

  metricSource(source: 'store' | 'prometheus' | 'auto'): MetricSource {
    if (source === 'store' || (source === 'auto' && !this.prometheus)) return this.store;
    if (!this.prometheus) throw new PrometheusNotConfiguredError();
    return this.prometheus;
  }

  /** Runs a query parsed by `queryFromParams` (the CLI and the HTTP API share it). */
  async run(parsed: ParsedQuery): Promise<unknown> {
    switch (parsed.kind) {
      case 'events':
        return { items: await this.events(parsed.query) };
      case 'series':
        return { items: await this.series(parsed.query) };
      case 'top':
        return { items: await this.top(parsed.query) };
      case 'compare':
        return this.compare(parsed.query, parsed.offset);
      case 'correlate':
        return this.correlate(parsed.query);
      case 'metric':
        return { source: this.metricSource(parsed.source).describe, items: await this.metric(parsed.query, parsed.source) };
    }
  }

  /** Deletes by age and size (telemetry.retentionDays, telemetry.maxBytes). */
  applyRetention(): Promise<{ deletedRows: number }> {
    return this.store.applyRetention({ maxAgeDays: this.config.retentionDays, maxBytes: this.config.maxBytes }, this.clock.now());
  }

  /** Runs retention now and then every `everyMs` until close (the server does this). */
  scheduleRetention(everyMs: number, onError: (err: unknown) => void): void {
    if (this.retentionTimer) return;
    const run = () => void this.applyRetention().catch(onError);
    run();
    this.retentionTimer = setInterval(run, everyMs);
    this.retentionTimer.unref();
  }

  async close(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = undefined;
    await this.store.close();
  }
}

/** Opens the configured telemetry store (DuckDB file in the data dir, or ClickHouse) and builds the service around it. */
export async function openTelemetry(config: Pick<Config, 'dataDir' | 'telemetry'>, clock: Clock): Promise<TelemetryService> {
  if (config.telemetry.store === 'clickhouse') return new TelemetryService(await openClickHouseStore(config.telemetry.clickhouse), config.telemetry, clock);
  mkdirSync(config.dataDir, { recursive: true });
  const file = isAbsolute(config.telemetry.file) ? config.telemetry.file : join(config.dataDir, config.telemetry.file);
  const store = await DuckDbTelemetryStore.open({ file, memoryLimit: config.telemetry.memoryLimit, threads: config.telemetry.threads, userIndex: config.telemetry.userIndex });
  return new TelemetryService(store, config.telemetry, clock);
}

function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError('Invalid telemetry query.', { metaMessages: r.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`) });
}
