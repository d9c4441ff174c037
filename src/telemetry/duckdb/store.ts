import { statSync } from 'node:fs';
import { DuckDBDataChunk, DuckDBInstance, DuckDBTimestampValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { EventColumns } from '../columns.ts';
import type { TelemetryEvent } from '../event.ts';
import { TelemetryStoreLockedError, TelemetryStoreUnavailableError } from '../errors.ts';
import type { FlatPlan } from '../normalize/flat-plan.ts';
import type { EventsQuery, FlatLoadHooks, FlatLoadResult, MetricPoint, MetricSeriesQuery, RetentionPolicy, SeriesQuery, SeriesRow, StoredEvent, StoreStats, TelemetryStore, TopQuery, TopRow } from '../store.ts';
import { groupOf, numOrNull, str, storedEventFrom } from '../stored-row.ts';
import { appendColumns } from './append-columns.ts';
import { loadFlatLines } from './load-flat.ts';
import { createEventsTable, eventColumns, toColumns } from './schema.ts';
import { upgradeEventsTable } from './upgrade-events.ts';
import { eventsSql, metricSql, seriesSql, topSql, type Statement } from './sql.ts';

export interface DuckDbStoreOptions {
  /** Path of the database file. */
  file: string;
  /** DuckDB memory limit, e.g. `512MB`. */
  memoryLimit: string;
  threads: number;
  /** Also keep an ART index on user_id (lookups of one user that stay fast past tens of millions of events; costs bulk loads ~2x). */
  userIndex: boolean;
}

const chunkRows = 2048;

/** The embedded telemetry store: one DuckDB file, one writer connection, a separate reader connection. */
export class DuckDbTelemetryStore implements TelemetryStore {
  readonly describe: string;
  private writeChain: Promise<unknown> = Promise.resolve();
  private types: DuckDBType[] | undefined;
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    private readonly file: string,
  ) {
    this.describe = `duckdb:${file}`;
  }

  /** Opens (creating when missing) the telemetry database file. */
  static async open(options: DuckDbStoreOptions): Promise<DuckDbTelemetryStore> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.file, { memory_limit: options.memoryLimit, threads: String(options.threads) });
    } catch (err) {
      const msg = (err as Error).message ?? '';
      if (/lock/i.test(msg)) throw new TelemetryStoreLockedError(options.file, err);
      throw new TelemetryStoreUnavailableError(options.file, err);
    }
    const writer = await instance.connect();
    await writer.run(createEventsTable);
    await upgradeEventsTable(writer);
    if (options.userIndex) await writer.run('CREATE INDEX IF NOT EXISTS events_user_id ON events (user_id)');
    else await writer.run('DROP INDEX IF EXISTS events_user_id');
    const reader = await instance.connect();
    return new DuckDbTelemetryStore(instance, writer, reader, options.file);
  }

  /** Appends a batch in one transaction; resolves once DuckDB has committed it to its write-ahead log (fsync on commit). */
  append(events: readonly TelemetryEvent[]): Promise<void> {
    const run = this.writeChain.then(() => this.appendNow(events));
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  /** `append` for column batches (one transaction for all of them), written straight into DuckDB's vectors. */
  appendColumns(batches: readonly EventColumns[]): Promise<void> {
    const run = this.writeChain.then(() => this.appendColumnsNow(batches));
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private async appendColumnsNow(batches: readonly EventColumns[]): Promise<void> {
    if (this.closed) throw new TelemetryStoreUnavailableError(this.file, new Error('the store is closed'));
    if (!batches.some((b) => b.rows > 0)) return;
    const appender = await this.writer.createAppender('events');
    try {
      this.types ??= eventColumns.map((_, i) => appender.columnType(i));
      for (const b of batches) appendColumns(appender, this.types, b);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  private async appendNow(events: readonly TelemetryEvent[]): Promise<void> {
    if (this.closed) throw new TelemetryStoreUnavailableError(this.file, new Error('the store is closed'));
    if (!events.length) return;
    const appender = await this.writer.createAppender('events');
    try {
      this.types ??= eventColumns.map((_, i) => appender.columnType(i));
      for (let from = 0; from < events.length; from += chunkRows) {
        const to = Math.min(events.length, from + chunkRows);
        const cols = toColumns(events, from, to);
        const ts = cols[0]!;
        for (let i = 0; i < to - from; i++) ts[i] = new DuckDBTimestampValue(BigInt(events[from + i]!.tsMs) * 1000n);
        const chunk = DuckDBDataChunk.create(this.types, to - from);
        chunk.setColumns(cols as DuckDBValue[][]);
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** Reads a planned flat JSON-lines file with DuckDB itself (see load-flat.ts), on the writer connection. */
  loadFlatJsonLines(path: string, plan: FlatPlan, hooks: FlatLoadHooks): Promise<FlatLoadResult> {
    const run = this.writeChain.then(() => {
      if (this.closed) throw new TelemetryStoreUnavailableError(this.file, new Error('the store is closed'));
      return loadFlatLines(this.writer, path, plan, hooks);
    });
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  async queryEvents(q: EventsQuery): Promise<StoredEvent[]> {
    const rows = await this.read(eventsSql(q));
    return rows.map((r) => storedEventFrom(r, String(r.ts), Boolean(r.is_error)));
  }

  async aggregateSeries(q: SeriesQuery): Promise<SeriesRow[]> {
    const rows = await this.read(seriesSql(q));
    return rows.map((r) => {
      const count = Number(r.n);
      const errors = Number(r.errors);
      return { bucket: String(r.bucket), group: groupOf(r, q.groupBy), count, errors, errorRate: count ? errors / count : 0, p50Ms: numOrNull(r.p50), p95Ms: numOrNull(r.p95), p99Ms: numOrNull(r.p99) };
    });
  }

  async topN(q: TopQuery): Promise<TopRow[]> {
    const rows = await this.read(topSql(q));
    return rows.map((r) => {
      const count = Number(r.n);
      const errors = Number(r.errors);
      const total = Number(q.rankBy === 'errors' ? r.total_errors : r.total_n);
      return { value: str(r.v), count, errors, errorRate: count ? errors / count : 0, share: total ? (q.rankBy === 'errors' ? errors : count) / total : 0 };
    });
  }

  async metricSeries(q: MetricSeriesQuery): Promise<MetricPoint[]> {
    const rows = await this.read(metricSql(q));
    return rows.map((r) => ({ bucket: String(r.bucket), group: groupOf(r, q.groupBy), value: Number(r.value) }));
  }

  /** Deletes events older than the age limit, then the oldest events until the file fits the size limit. */
  async applyRetention(policy: RetentionPolicy, now: Date): Promise<{ deletedRows: number }> {
    const run = this.writeChain.then(async () => {
      let deleted = 0;
      const cutoff = (now.getTime() - policy.maxAgeDays * 86_400_000) * 1000;
      deleted += await this.deleteWhere('ts < make_timestamp($1::BIGINT)', [cutoff]);
      const { rows, bytes } = await this.stats();
      if (rows > 0 && bytes > policy.maxBytes) {
        const keepFraction = Math.max(0, Math.min(1, (policy.maxBytes * 0.9) / bytes));
        const reader = await this.writer.runAndReadAll(`SELECT epoch_us(quantile_disc(ts, $1::DOUBLE)) AS cut FROM events`, [1 - keepFraction]);
        const cut = reader.getRowObjectsJS()[0]?.cut;
        if (cut !== undefined && cut !== null) deleted += await this.deleteWhere('ts < make_timestamp($1::BIGINT)', [Number(cut)]);
      }
      if (deleted) await this.writer.run('CHECKPOINT');
      return { deletedRows: deleted };
    });
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private async deleteWhere(where: string, params: number[]): Promise<number> {
    const res = await this.writer.run(`DELETE FROM events WHERE ${where}`, params);
    return Number(res.rowsChanged);
  }

  async stats(): Promise<StoreStats> {
    const reader = await this.reader.runAndReadAll(`SELECT count(*) AS n, strftime(min(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS oldest, strftime(max(ts), '%Y-%m-%dT%H:%M:%S.%gZ') AS newest FROM events`);
    const r = reader.getRowObjectsJS()[0] ?? {};
    let bytes = 0;
    try {
      bytes = statSync(this.file).size;
      bytes += statSync(`${this.file}.wal`).size;
    } catch {
      // no WAL file between checkpoints
    }
    return { rows: Number(r.n ?? 0), bytes, oldest: str(r.oldest), newest: str(r.newest) };
  }

  /** Waits for pending writes, checkpoints and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeChain;
    this.closed = true;
    try {
      await this.writer.run('CHECKPOINT');
    } finally {
      this.writer.closeSync();
      this.reader.closeSync();
      this.instance.closeSync();
    }
  }

  /** Runs a read on the reader connection; used by the benchmarks for the hand-written baseline too. */
  async read(st: Statement): Promise<Record<string, unknown>[]> {
    if (this.closed) throw new TelemetryStoreUnavailableError(this.file, new Error('the store is closed'));
    const reader = await this.reader.runAndReadAll(st.sql, st.params);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }
}




