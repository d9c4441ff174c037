import type { TelemetryEvent } from '../event.ts';

export interface BatchOptions {
  /** Flush as soon as this many rows are waiting. */
  minRows: number;
  /** Rows per INSERT at most (bigger appends are split). */
  maxRows: number;
  /** Flush waiting rows at the latest this long after the first arrived. */
  maxDelayMs: number;
}

interface Waiting {
  events: readonly TelemetryEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Client-side insert batching, as ClickHouse recommends (few large inserts, about one per second,
 * rather than many small ones; ClickHouse 18.16 has no server-side async_insert). Appends wait in a
 * buffer until `minRows` are there or `maxDelayMs` has passed, then go as INSERTs of at most
 * `maxRows`; each append resolves once the INSERT holding its last row has been acknowledged.
 */
export class InsertBatcher {
  private waiting: Waiting[] = [];
  private rows = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: BatchOptions,
    private readonly insert: (events: readonly TelemetryEvent[], from: number, to: number) => Promise<void>,
  ) {}

  append(events: readonly TelemetryEvent[]): Promise<void> {
    if (!events.length) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ events, resolve, reject }));
    this.rows += events.length;
    if (this.rows >= this.options.minRows) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    return done;
  }

  /** Sends everything waiting now; resolves when every INSERT so far has finished. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const group = this.waiting;
    this.waiting = [];
    this.rows = 0;
    if (group.length) this.chain = this.chain.then(() => this.send(group));
    return this.chain;
  }

  private async send(group: Waiting[]): Promise<void> {
    const events = group.length === 1 ? group[0]!.events : group.flatMap((w) => w.events);
    try {
      for (let from = 0; from < events.length; from += this.options.maxRows) await this.insert(events, from, Math.min(events.length, from + this.options.maxRows));
      for (const w of group) w.resolve();
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  }
}
