import { Readable } from 'node:stream';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { redactUrl } from '../../core/index.ts';
import type { TelemetryEvent } from '../event.ts';
import type { EventFilter, EventsQuery, MetricPoint, MetricSeriesQuery, RetentionPolicy, SeriesQuery, SeriesRow, StoredEvent, StoreStats, TelemetryStore, TopQuery, TopRow } from '../store.ts';
import { groupOf, numOrNull, str, storedEventFrom } from '../stored-row.ts';
import { InsertBatcher, type BatchOptions } from './batcher.ts';
import { ClickHouseUnavailableError } from './errors.ts';
import { migrate } from './migrate.ts';
import { applyRetention, storeBytes } from './retention.ts';
import { fitsRollup, rollupSeriesSql, rollupTopSql } from './rollup.ts';
import { toTsv } from './rows.ts';
import { lit } from './literal.ts';
import { insertColumns } from './schema.ts';
import { eventsSql, metricSql, pointerSql, seriesSql, topSql } from './sql.ts';

export interface ClickHouseStoreOptions {
  /** HTTP interface, e.g. http://clickhouse:8123 */
  url: string;
  database: string;
  user: string;
  password: string;
  batch: BatchOptions;
  requestTimeoutMs: number;
  /**
   * Answer fitting series/top queries from the per-minute rollup: `auto` when it holds at most
   * 1/20 of the raw rows (merging quantile states costs more per row than reading raw latencies,
   * so a sparse rollup does not pay), `always`, or `never`.
   */
  rollup: 'auto' | 'always' | 'never';
}

type Row = Record<string, unknown>;

/**
 * insert_distributed_sync: through a Distributed table, acknowledge once the shards have the rows.
 * parallel_view_processing: the materialized views (rollup, id lookup) run on parallel threads instead
 * of one after the other; same CPU, and the INSERT returns sooner (measured in docs/benchmarks.md).
 */
const insertSettings = { insert_distributed_sync: 1, parallel_view_processing: 1 } as const;

/** The telemetry store on a ClickHouse server (over HTTP), same port and answers as the DuckDB store. */
export class ClickHouseTelemetryStore implements TelemetryStore {
  readonly describe: string;
  private readonly batcher: InsertBatcher;
  private writeChain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private rollupCheck = { at: 0, pays: false };

  private constructor(
    private readonly client: ClickHouseClient,
    private readonly options: ClickHouseStoreOptions,
  ) {
    this.describe = `clickhouse:${redactUrl(options.url)}/${options.database}`;
    this.batcher = new InsertBatcher(options.batch, (events, from, to) => this.insert(events, from, to));
  }

  /** Connects, creates the database when missing and applies the schema migrations. */
  static async open(options: ClickHouseStoreOptions): Promise<ClickHouseTelemetryStore> {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(options.database)) throw new ClickHouseUnavailableError(options.url, options.database, new Error('the database name must be an identifier'));
    const base = { url: options.url, username: options.user, password: options.password, request_timeout: options.requestTimeoutMs, application: 'opsdesk', compression: { request: false, response: false },
      // The store turns failures into ClickHouseUnavailableError; the client's own log would print query text (user ids, …).
      log: { level: ClickHouseLogLevel.OFF } };
    const admin = createClient(base);
    try {
      // Only when missing: on a managed cluster the database exists and the user may not be allowed to create one.
      const res = await admin.query({ query: `SELECT count() AS n FROM system.databases WHERE name = ${lit.str(options.database)}`, format: 'JSONEachRow' });
      const [row] = await res.json<{ n: string | number }>();
      if (Number(row?.n ?? 0) === 0) await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${options.database}` });
    } catch (err) {
      throw new ClickHouseUnavailableError(options.url, options.database, err);
    } finally {
      await admin.close();
    }
    const client = createClient({ ...base, database: options.database });
    try {
      await migrate(client);
    } catch (err) {
      await client.close();
      throw new ClickHouseUnavailableError(options.url, options.database, err);
    }
    return new ClickHouseTelemetryStore(client, options);
  }

  /** Buffers the events into the next batched INSERT; resolves once ClickHouse has acknowledged it. */
  append(events: readonly TelemetryEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(this.unavailable(new Error('the store is closed')));
    return this.batcher.append(events);
  }

  private async insert(events: readonly TelemetryEvent[], from: number, to: number): Promise<void> {
    try {
      await this.client.insert({ table: 'events', values: Readable.from(tsvChunks(events, from, to), { objectMode: false }), format: 'TabSeparated', columns: [...insertColumns], clickhouse_settings: insertSettings });
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  async queryEvents(q: EventsQuery): Promise<StoredEvent[]> {
    const rows = await this.rows(eventsSql(q, await this.pointed(q)));
    return rows.map((r) => storedEventFrom(r, new Date(Number(r.ts_ms)).toISOString(), Number(r.is_error) === 1));
  }

  async aggregateSeries(q: SeriesQuery): Promise<SeriesRow[]> {
    const rollup = q.bucketSec % 60 === 0 && fitsRollup(q, q.groupBy) && (await this.rollupPays());
    const rows = await this.rows(rollup ? rollupSeriesSql(q) : seriesSql(q, await this.pointed(q)));
    return rows.map((r) => {
      const count = Number(r.n);
      const errors = Number(r.errors);
      return { bucket: bucketIso(r.b), group: groupOf(r, q.groupBy), count, errors, errorRate: count ? errors / count : 0, p50Ms: numOrNull(r.p50), p95Ms: numOrNull(r.p95), p99Ms: numOrNull(r.p99) };
    });
  }

  async topN(q: TopQuery): Promise<TopRow[]> {
    const rollup = fitsRollup(q, [q.by]) && (await this.rollupPays());
    const query = rollup ? rollupTopSql(q) : topSql(q, await this.pointed(q));
    const res = await this.run(() => this.client.query({ query, format: 'JSON' }));
    const body = (await this.run(() => res.json<Row>())) as unknown as { data: Row[]; totals?: Row };
    const total = Number((q.rankBy === 'errors' ? body.totals?.errors : body.totals?.n) ?? 0);
    return body.data.map((r) => {
      const count = Number(r.n);
      const errors = Number(r.errors);
      return { value: str(r.v), count, errors, errorRate: count ? errors / count : 0, share: total ? (q.rankBy === 'errors' ? errors : count) / total : 0 };
    });
  }

  async metricSeries(q: MetricSeriesQuery): Promise<MetricPoint[]> {
    const rows = await this.rows(metricSql(q));
    return rows.map((r) => ({ bucket: bucketIso(r.b), group: groupOf(r, q.groupBy), value: Number(r.value) }));
  }

  /** Age and size retention (see retention.ts); runs after the inserts before it. */
  applyRetention(policy: RetentionPolicy, now: Date): Promise<{ deletedRows: number }> {
    const run = this.writeChain.then(async () => {
      await this.batcher.flush();
      return this.run(() => applyRetention(this.client, policy, now));
    });
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.rows('SELECT count() AS n, min(ts_ms) AS oldest, max(ts_ms) AS newest FROM events');
    const bytes = await this.run(() => storeBytes(this.client));
    const rows = Number(r?.n ?? 0);
    return { rows, bytes, oldest: rows ? new Date(Number(r!.oldest)).toISOString() : null, newest: rows ? new Date(Number(r!.newest)).toISOString() : null };
  }

  /** Sends the rows still waiting, then closes the connection pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.batcher.flush();
      await this.writeChain;
    } finally {
      await this.client.close();
    }
  }

  /** On a cluster the parts are this node's `*_local` tables: one shard's proportion stands for all. */
  private async rollupPays(): Promise<boolean> {
    if (this.options.rollup !== 'auto') return this.options.rollup === 'always';
    if (Date.now() - this.rollupCheck.at > 60_000) {
      const [r] = await this.rows(`SELECT sumIf(rows, table IN ('events', 'events_local')) AS raw, sumIf(rows, table IN ('events_1m', 'events_1m_local')) AS rollup FROM system.parts WHERE active AND database = currentDatabase() AND table IN ('events', 'events_local', 'events_1m', 'events_1m_local')`);
      this.rollupCheck = { at: Date.now(), pays: Number(r?.rollup ?? 0) * 20 <= Number(r?.raw ?? 0) };
    }
    return this.rollupCheck.pays;
  }

  /** The key ids event_ids points to for the filter's non-user identities (see pointerSql). */
  private async pointed(f: EventFilter): Promise<string[]> {
    const query = pointerSql(f);
    return query ? (await this.rows(query)).map((r) => String(r.key_id)) : [];
  }

  private async rows(query: string): Promise<Row[]> {
    if (this.closed) throw this.unavailable(new Error('the store is closed'));
    const res = await this.run(() => this.client.query({ query, format: 'JSONEachRow' }));
    return this.run(() => res.json<Row>());
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  private unavailable(err: unknown): Error {
    return err instanceof ClickHouseUnavailableError ? err : new ClickHouseUnavailableError(this.options.url, this.options.database, err);
  }
}

/** The rows in chunks, so ClickHouse parses the first while the next are encoded (one INSERT, one part). */
function* tsvChunks(events: readonly TelemetryEvent[], from: number, to: number): Generator<string> {
  for (let i = from; i < to; i += 5000) yield toTsv(events, i, Math.min(to, i + 5000));
}



function bucketIso(v: unknown): string {
  return new Date(Number(v) * 1000).toISOString().replace('.000Z', 'Z');
}


