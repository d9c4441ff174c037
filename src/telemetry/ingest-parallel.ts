import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../core/index.ts';
import { appendColumnsTo, type EventColumns } from './columns.ts';
import { TelemetryFileError } from './errors.ts';
import type { ChunkResult } from './ingest-chunk.ts';
import type { ChunkTask, WorkerSetup } from './ingest-worker.ts';
import type { Adjustments, IngestLimits } from './normalize/build.ts';
import { maxRejectionsListed, type Rejection } from './pipeline.ts';
import type { TelemetryStore } from './store.ts';

/** Running totals of a (possibly multi-file) ingest, updated in file order. */
export interface IngestTotals {
  durable: number;
  rejected: number;
  rejections: Rejection[];
  adjustments: Adjustments;
}

export interface ParallelOptions {
  limits: IngestLimits;
  clock: Clock;
  threads: number;
  batchRows: number;
  chunkBytes?: number;
  onDurable?: (rows: number) => void;
}

type Reply = { seq: number; result: ChunkResult } | { seq: number; failure: string };

/**
 * Ingests one JSON-lines file with worker threads parsing, normalising and redacting chunks of lines
 * (standard redaction only) while this thread appends their column batches. Results are taken in
 * file order, so rows become durable (and are acknowledged through `onDurable`) in file order.
 */
export async function ingestFileParallel(store: TelemetryStore, path: string, options: ParallelOptions, totals: IngestTotals): Promise<void> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new TelemetryFileError(path, err);
  }
  const chunkBytes = options.chunkBytes ?? 2 * 1024 * 1024;
  const workers = Array.from({ length: options.threads }, () => startWorker({ limits: options.limits }));
  const done = new Map<number, Reply>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  for (const w of workers) {
    w.on('message', (m: Reply) => {
      done.set(m.seq, m);
      wake?.();
    });
    w.on('error', (err) => {
      failure ??= err;
      wake?.();
    });
  }
  const maxInFlight = options.threads * 2;
  let sent = 0;
  let next = 0;
  let lineBase = 0;
  let eof = false;
  let carry = Buffer.alloc(0);
  let pending: EventColumns[] = [];
  let pendingRows = 0;
  const flush = async () => {
    if (!pendingRows) return;
    const batches = pending;
    const rows = pendingRows;
    pending = [];
    pendingRows = 0;
    await appendColumnsTo(store, batches);
    totals.durable += rows;
    options.onDurable?.(totals.durable);
  };
  const send = (buf: Buffer, length: number) => {
    const task: ChunkTask = { seq: sent, buffer: buf.buffer as ArrayBuffer, length, source: path, nowMs: options.clock.nowMs() };
    workers[sent % workers.length]!.postMessage(task, [task.buffer]);
    sent++;
  };
  const readChunk = async () => {
    const buf = Buffer.allocUnsafeSlow(carry.length + chunkBytes);
    carry.copy(buf);
    const { bytesRead } = await fh.read(buf, carry.length, chunkBytes, null);
    const end = carry.length + bytesRead;
    if (bytesRead === 0) {
      eof = true;
      if (end) send(buf, end);
      return;
    }
    const lastNl = buf.lastIndexOf(10, end - 1);
    if (lastNl < 0) {
      carry = Buffer.from(buf.subarray(0, end));
      return;
    }
    carry = Buffer.from(buf.subarray(lastNl + 1, end));
    send(buf, lastNl + 1);
  };
  try {
    for (;;) {
      while (!eof && sent - next < maxInFlight) await readChunk();
      if (eof && next === sent) break;
      let reply = done.get(next);
      while (!reply && !failure) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        reply = done.get(next);
      }
      if (failure) throw failure;
      done.delete(next++);
      if ('failure' in reply!) throw new Error(`telemetry ingest worker failed: ${reply.failure}`);
      const r = reply!.result;
      totals.rejected += r.rejected;
      for (const rej of r.rejections) if (totals.rejections.length < maxRejectionsListed) totals.rejections.push({ ...rej, line: rej.line + lineBase });
      totals.adjustments.truncated += r.adjustments.truncated;
      totals.adjustments.clampedTime += r.adjustments.clampedTime;
      totals.adjustments.droppedAttributes += r.adjustments.droppedAttributes;
      lineBase += r.lines;
      if (r.cols.rows) {
        pending.push(r.cols);
        pendingRows += r.cols.rows;
      }
      if (pendingRows >= options.batchRows) await flush();
    }
    await flush();
  } finally {
    await fh.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

// From dist/ the compiled worker runs as is; from the TypeScript sources the worker registers tsx
// first (workers do not inherit the main thread's loader hooks on Node 20).
function startWorker(setup: WorkerSetup): Worker {
  const built = import.meta.url.endsWith('.js');
  const entry = new URL(built ? './ingest-worker.js' : './ingest-worker.ts', import.meta.url);
  if (built) return new Worker(entry, { workerData: setup });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}
