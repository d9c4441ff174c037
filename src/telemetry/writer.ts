import type { TelemetryEvent } from './event.ts';
import { TelemetryBusyError } from './errors.ts';
import type { TelemetryStore } from './store.ts';

interface Pending {
  events: readonly TelemetryEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit in front of the store: concurrent submissions are appended together, each caller is
 * answered once its rows are durable, and a full queue refuses new rows (HTTP 429) instead of growing.
 */
export class TelemetryWriter {
  private queue: Pending[] = [];
  private pending = 0;
  private running = false;

  constructor(
    private readonly store: TelemetryStore,
    private readonly maxPendingRows: number,
    private readonly batchRows = 50_000,
  ) {}

  get pendingRows(): number {
    return this.pending;
  }

  /** Resolves once every event is committed; throws TelemetryBusyError when the queue is full. */
  submit(events: readonly TelemetryEvent[]): Promise<void> {
    if (!events.length) return Promise.resolve();
    if (this.pending > 0 && this.pending + events.length > this.maxPendingRows) throw new TelemetryBusyError(this.pending, Math.max(1, Math.ceil(this.pending / 100_000)));
    this.pending += events.length;
    const done = new Promise<void>((resolve, reject) => this.queue.push({ events, resolve, reject }));
    if (!this.running) {
      this.running = true;
      setImmediate(() => void this.drain());
    }
    return done;
  }

  // Appends run on this thread; yielding to the event loop between them lets concurrent requests
  // join the next group commit, or be refused while the queue is full.
  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const group: Pending[] = [];
        let rows = 0;
        while (this.queue.length && (rows === 0 || rows + this.queue[0]!.events.length <= this.batchRows)) {
          const p = this.queue.shift()!;
          group.push(p);
          rows += p.events.length;
        }
        const batch = group.length === 1 ? group[0]!.events : group.flatMap((p) => p.events);
        try {
          await this.store.append(batch);
          for (const p of group) p.resolve();
        } catch (err) {
          for (const p of group) p.reject(err);
        } finally {
          this.pending -= rows;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
  }
}
