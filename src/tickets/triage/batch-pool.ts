import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { triageJsonLine, type BatchCounts } from './batch.ts';
import { openTriager } from './open.ts';

export interface WorkerSetup {
  dataDir: string;
}
export interface ChunkRequest {
  seq: number;
  lines: string[];
  lineNos: number[];
}
export type ChunkReply = { seq: number; out: string; ok: number; rejected: number } | { seq: number; failure: string };

export interface TriageLinesOptions {
  dataDir: string;
  /** Threads triaging, this one included (default: one per core); 1 triages on this thread only. */
  threads?: number;
  /** Lines per chunk (the unit handed to a thread). */
  chunkLines?: number;
  /** Below this many lines the batch runs on this thread: a worker's start-up (modules, model, wasm: 1–2 CPU-seconds) costs more than it saves. */
  minParallelLines?: number;
}

/**
 * Triages `--jsonl` lines (1-based numbers are the indexes + 1; blank lines are skipped) on this thread
 * and on worker threads, and hands the output to `emit` in input order, a chunk of newline-terminated
 * lines at a time. A line that cannot be triaged becomes an error line; any other failure rejects.
 */
export async function triageJsonLines(lines: readonly string[], options: TriageLinesOptions, emit: (text: string) => void): Promise<BatchCounts> {
  const chunkLines = options.chunkLines ?? 200;
  const chunks: ChunkRequest[] = [];
  let current: ChunkRequest | undefined;
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (!current || current.lines.length >= chunkLines) chunks.push((current = { seq: chunks.length, lines: [], lineNos: [] }));
    current.lines.push(line);
    current.lineNos.push(i + 1);
    total++;
  }
  const threads = Math.min(options.threads ?? availableParallelism(), chunks.length);
  const workers = threads <= 1 || total < (options.minParallelLines ?? 2000) ? 0 : threads - 1;
  const pool = new ChunkPool(chunks, emit);
  const started = Array.from({ length: workers }, () => pool.attach(startWorker({ dataDir: options.dataDir })));
  try {
    const triager = await openTriager({ dataDir: options.dataDir });
    // This thread takes chunks too, yielding between them so worker results are written as they come.
    for (let c = pool.take(); c; c = pool.take()) {
      const counts: BatchCounts = { ok: 0, rejected: 0 };
      const out: string[] = [];
      for (let i = 0; i < c.lines.length; i++) out.push(triageJsonLine(triager, c.lines[i]!, c.lineNos[i]!, counts));
      pool.complete({ seq: c.seq, out: out.join('\n'), ...counts });
      if (workers) await new Promise((resolve) => setImmediate(resolve));
    }
    await pool.finished;
    return pool.counts;
  } finally {
    pool.stop();
    await Promise.all(started.map((w) => w.terminate()));
  }
}

// Hands out chunks in order (a worker keeps two in hand so it never waits) and writes results in order.
class ChunkPool {
  readonly counts: BatchCounts = { ok: 0, rejected: 0 };
  readonly finished: Promise<void>;
  private next = 0;
  private emitted = 0;
  private stopped = false;
  private readonly done = new Map<number, string>();
  private settle!: { resolve: () => void; reject: (err: Error) => void };

  constructor(
    private readonly chunks: readonly ChunkRequest[],
    private readonly emit: (text: string) => void,
  ) {
    this.finished = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.finished.catch(() => undefined); // observed by the caller's await; never unhandled
    if (!chunks.length) this.settle.resolve();
  }

  take(): ChunkRequest | undefined {
    return this.stopped ? undefined : this.chunks[this.next++];
  }

  complete(r: { seq: number; out: string; ok: number; rejected: number }): void {
    this.counts.ok += r.ok;
    this.counts.rejected += r.rejected;
    this.done.set(r.seq, r.out);
    for (let out = this.done.get(this.emitted); out !== undefined; out = this.done.get(this.emitted)) {
      this.done.delete(this.emitted++);
      this.emit(out + '\n');
    }
    if (this.emitted === this.chunks.length) this.settle.resolve();
  }

  fail(err: unknown): void {
    this.stopped = true;
    this.settle.reject(err instanceof Error ? err : new Error(String(err)));
  }

  stop(): void {
    this.stopped = true;
  }

  attach(w: Worker): Worker {
    const send = () => {
      const c = this.take();
      if (c) w.postMessage(c);
    };
    w.on('error', (err) => this.fail(err));
    w.on('exit', (code) => {
      if (code !== 0 && !this.stopped) this.fail(new Error(`a triage worker stopped with exit code ${code}`));
    });
    w.on('message', (m: ChunkReply | { ready: true }) => {
      if ('ready' in m) {
        send();
        send();
      } else if ('failure' in m) this.fail(new Error(m.failure));
      else {
        this.complete(m);
        send();
      }
    });
    return w;
  }
}

// From dist/ the compiled worker runs as is; from the TypeScript sources the worker registers tsx
// first (workers do not inherit the main thread's loader hooks on Node 20).
function startWorker(setup: WorkerSetup): Worker {
  const built = import.meta.url.endsWith('.js');
  const entry = new URL(built ? './batch-worker.js' : './batch-worker.ts', import.meta.url);
  if (built) return new Worker(entry, { workerData: setup });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}
