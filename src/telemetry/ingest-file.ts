import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Clock } from '../core/index.ts';
import { scrubText } from '../redaction/index.ts';
import type { TelemetryEvent } from './event.ts';
import { TelemetryFileError } from './errors.ts';
import { fileBytes, GzipDataError, type FileBytes } from './file-bytes.ts';
import { decodeLine } from './ingest-chunk.ts';
import { ingestFlatFile } from './ingest-flat.ts';
import { LineRecords, withoutByteOrderMark } from './line-records.ts';
import { ingestFileParallel, type IngestTotals } from './ingest-parallel.ts';
import type { IngestLimits } from './normalize/build.ts';
import { recordsFromJson } from './normalize/records.ts';
import { maxRejectionsListed, Pipeline, type IngestReport } from './pipeline.ts';
import type { TelemetryStore } from './store.ts';

export interface IngestFilesOptions {
  limits: IngestLimits;
  scrub: (text: string) => string;
  clock: Clock;
  /** Rows per durable append. */
  batchRows?: number;
  /** Called after each batch is durable with the running total of durable rows. */
  onDurable?: (rows: number) => void;
  /** Worker threads for large JSON-lines files (default: one per core; 0 or 1: this thread only). */
  threads?: number;
  /** Files from this size on are ingested on worker threads (with the standard redaction only). */
  parallelMinBytes?: number;
  /** Bytes of whole lines handed to a worker at a time. */
  chunkBytes?: number;
  /** Files from this size on try the store's own reader for flat events of one shape (see ingest-flat.ts); Infinity: never. */
  flatMinBytes?: number;
}

const wholeDocumentMaxBytes = 256 * 1024 * 1024;

/**
 * Ingests JSON-lines files (flat events, OTLP/JSON, Kibana/Datadog/Loki exports; a file that is one
 * JSON document is read whole). Resolves once every accepted row is durable; bad rows are counted
 * with their line number and reason and never take their batch down.
 */
export async function ingestFiles(store: TelemetryStore, paths: readonly string[], options: IngestFilesOptions): Promise<IngestReport> {
  const started = performance.now();
  const pipeline = new Pipeline(options.limits, options.scrub, options.clock);
  const batchRows = options.batchRows ?? 50_000;
  const threads = options.threads ?? availableParallelism();
  const parallelMinBytes = options.parallelMinBytes ?? 32 * 1024 * 1024;
  const flatMinBytes = options.flatMinBytes ?? 1024 * 1024;
  const totals: IngestTotals = { durable: 0, rejected: 0, rejections: [], adjustments: { truncated: 0, clampedTime: 0, droppedAttributes: 0 } };
  let batch: TelemetryEvent[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await store.append(rows);
    totals.durable += rows.length;
    options.onDurable?.(totals.durable);
  };
  for (const path of paths) {
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      throw new TelemetryFileError(path, err);
    }
    const bytes = await fileBytes(path);
    if ((bytes.gzip || size <= wholeDocumentMaxBytes) && (await looksLikeDocument(bytes))) {
      const doc = parseDocument(await bytes.whole(wholeDocumentMaxBytes));
      if (doc !== undefined) {
        pipeline.add(recordsFromJson(doc), path, -1, batch);
        if (batch.length >= batchRows) await flush();
        continue;
      }
    }
    // DuckDB and the worker threads read plain files; a gzipped one is streamed through the pipeline below.
    if (!bytes.gzip && options.scrub === scrubText && size >= flatMinBytes) {
      await flush();
      const rows = await ingestFlatFile(store, path, pipeline, { limits: options.limits, clock: options.clock, batchRows, ...(options.onDurable ? { onDurable: options.onDurable } : {}) }, totals.durable);
      if (rows !== undefined) {
        totals.durable += rows;
        continue;
      }
    }
    if (!bytes.gzip && threads > 1 && options.scrub === scrubText && size >= parallelMinBytes) {
      await flush();
      await ingestFileParallel(store, path, { limits: options.limits, clock: options.clock, threads, batchRows, ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}), ...(options.onDurable ? { onDurable: options.onDurable } : {}) }, totals);
      continue;
    }
    const records = new LineRecords(pipeline, path);
    let last = 0;
    try {
      for await (const chunk of lines(bytes)) for (const { line, text } of chunk) {
        last = line;
        if (records.take(line, text, batch) && batch.length >= batchRows) await flush();
      }
    } catch (err) {
      if (!(err instanceof GzipDataError)) throw err;
      records.reject(last + 1, `the gzip data is corrupt or ends early here (${err.message}); the lines before it were read`, batch);
    }
    records.build(batch);
  }
  await flush();
  const own = pipeline.takeCounts();
  const a = totals.adjustments;
  return {
    ingested: totals.durable,
    rejected: own.rejected + totals.rejected,
    seconds: (performance.now() - started) / 1000,
    rejections: [...own.rejections, ...totals.rejections].slice(0, maxRejectionsListed),
    adjustments: { truncated: own.adjustments.truncated + a.truncated, clampedTime: own.adjustments.clampedTime + a.clampedTime, droppedAttributes: own.adjustments.droppedAttributes + a.droppedAttributes },
  };
}

/** A file whose first line is not a complete JSON value (pretty-printed export, JSON array). */
async function looksLikeDocument(bytes: FileBytes): Promise<boolean> {
  const head = (await bytes.head(65536)).toString('utf8').trimStart();
  if (head.startsWith('[')) return true;
  const nl = head.indexOf('\n');
  const first = nl < 0 ? head : head.slice(0, nl);
  if (!first.startsWith('{')) return false;
  try {
    JSON.parse(first);
    return false;
  } catch {
    return true;
  }
}

function parseDocument(buf: Buffer | undefined): unknown {
  if (!buf) return undefined;
  try {
    return JSON.parse(withoutByteOrderMark(buf.toString('utf8')));
  } catch {
    return undefined;
  }
}

interface Line {
  line: number;
  text: string | null;
}

/** Streams the lines of a file in chunks, as text (null for a line that is not valid UTF-8), with 1-based numbers. */
async function* lines(bytes: FileBytes): AsyncGenerator<Line[]> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of bytes.chunks()) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    const out: Line[] = [];
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      line++;
      out.push({ line, text: decodeLine(data, start, nl) });
      start = nl + 1;
    }
    yield out;
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length) yield [{ line: line + 1, text: decodeLine(carry, 0, carry.length) }];
}
