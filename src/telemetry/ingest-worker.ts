import { parentPort, workerData } from 'node:worker_threads';
import { scrubText } from '../redaction/index.ts';
import { transferablesOf } from './columns.ts';
import { ingestChunk } from './ingest-chunk.ts';
import type { IngestLimits } from './normalize/build.ts';
import { Pipeline } from './pipeline.ts';

/** A chunk of whole lines handed to a worker; `nowMs` is the ingest clock's time for the future-skew limit. */
export interface ChunkTask {
  seq: number;
  buffer: ArrayBuffer;
  length: number;
  source: string;
  nowMs: number;
}

export interface WorkerSetup {
  limits: IngestLimits;
}

// One pipeline per worker: its redaction cache lives across chunks. Only the standard scrub runs here.
const { limits } = workerData as WorkerSetup;
let nowMs = Date.now();
const pipeline = new Pipeline(limits, scrubText, { nowMs: () => nowMs, now: () => new Date(nowMs) });

parentPort!.on('message', (task: ChunkTask) => {
  try {
    nowMs = task.nowMs;
    const result = ingestChunk(Buffer.from(task.buffer, 0, task.length), task.source, pipeline);
    parentPort!.postMessage({ seq: task.seq, result }, transferablesOf(result.cols));
  } catch (err) {
    parentPort!.postMessage({ seq: task.seq, failure: (err as Error).stack ?? String(err) });
  }
});
