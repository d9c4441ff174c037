import { eventKinds, severities, type EventKind, type Severity, type TelemetryEvent } from './event.ts';
import type { TelemetryStore } from './store.ts';

/** The string fields of an event, in the order `EventColumns.strings` holds them. */
export const stringFields = ['service', 'name', 'route', 'chain', 'appVersion', 'platform', 'country', 'rpcProvider', 'userId', 'deviceId', 'address', 'txHash', 'traceId', 'spanId', 'metricName', 'body', 'attrs'] as const;
export type StringField = (typeof stringFields)[number];

/** One string column as UTF-8: value i is `bytes[ends[i-1] .. ends[i])`, or null where `nulls[i]` is 1. */
export interface StringColumn {
  bytes: Uint8Array;
  ends: Int32Array;
  nulls: Uint8Array;
}

/**
 * A batch of already redacted events, column by column, in typed arrays: built on a worker thread,
 * moved to the writer without copying, and written into the store without one object per row.
 * Numbers are NaN where the event has null; `kind` indexes `eventKinds`, `severity` is 0 for null
 * and otherwise 1 + an index into `severities`.
 */
export interface EventColumns {
  rows: number;
  tsMs: Float64Array;
  kind: Uint8Array;
  severity: Uint8Array;
  isError: Uint8Array;
  statusCode: Float64Array;
  durationMs: Float64Array;
  metricValue: Float64Array;
  strings: Record<StringField, StringColumn>;
}

const kindCode = new Map<EventKind, number>(eventKinds.map((k, i) => [k, i]));
const severityCode = new Map<Severity, number>(severities.map((s, i) => [s, i + 1]));

class StringColumnBuilder {
  private bytes: Buffer;
  private used = 0;
  readonly ends: Int32Array;
  readonly nulls: Uint8Array;

  constructor(rows: number, bytesPerRow: number) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(64, rows * bytesPerRow));
    this.ends = new Int32Array(rows);
    this.nulls = new Uint8Array(rows);
  }

  set(i: number, text: string | null): void {
    if (text === null) this.nulls[i] = 1;
    else if (text.length) {
      if (this.used + text.length * 3 > this.bytes.length) this.grow(this.used + text.length * 3);
      this.used += this.bytes.write(text, this.used, 'utf8');
    }
    this.ends[i] = this.used;
  }

  done(): StringColumn {
    return { bytes: new Uint8Array(this.bytes.buffer, this.bytes.byteOffset, this.used), ends: this.ends, nulls: this.nulls };
  }

  private grow(min: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(min, this.bytes.length * 2));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }
}

/** Packs events into columns (the fallback direction is `eventsOfColumns`). */
export function toEventColumns(events: readonly TelemetryEvent[]): EventColumns {
  const rows = events.length;
  const cols: EventColumns = {
    rows,
    tsMs: new Float64Array(rows),
    kind: new Uint8Array(rows),
    severity: new Uint8Array(rows),
    isError: new Uint8Array(rows),
    statusCode: new Float64Array(rows),
    durationMs: new Float64Array(rows),
    metricValue: new Float64Array(rows),
    strings: {} as Record<StringField, StringColumn>,
  };
  for (let i = 0; i < rows; i++) {
    const e = events[i]!;
    cols.tsMs[i] = e.tsMs;
    cols.kind[i] = kindCode.get(e.kind) ?? 0;
    cols.severity[i] = e.severity === null ? 0 : (severityCode.get(e.severity) ?? 0);
    cols.isError[i] = e.isError ? 1 : 0;
    cols.statusCode[i] = e.statusCode ?? NaN;
    cols.durationMs[i] = e.durationMs ?? NaN;
    cols.metricValue[i] = e.metricValue ?? NaN;
  }
  for (const field of stringFields) {
    const b = new StringColumnBuilder(rows, field === 'body' || field === 'attrs' ? 48 : 16);
    for (let i = 0; i < rows; i++) b.set(i, events[i]![field]);
    cols.strings[field] = b.done();
  }
  return cols;
}

/** The buffers of `cols`, for a transfer list. */
export function transferablesOf(cols: EventColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of [cols.tsMs, cols.kind, cols.severity, cols.isError, cols.statusCode, cols.durationMs, cols.metricValue]) out.add(a.buffer as ArrayBuffer);
  for (const f of stringFields) {
    const s = cols.strings[f];
    out.add(s.bytes.buffer as ArrayBuffer).add(s.ends.buffer as ArrayBuffer).add(s.nulls.buffer as ArrayBuffer);
  }
  return [...out];
}

/** The events a column batch holds (for stores without a columnar append). */
export function eventsOfColumns(cols: EventColumns): TelemetryEvent[] {
  const out: TelemetryEvent[] = new Array<TelemetryEvent>(cols.rows);
  const decoder = new TextDecoder();
  const str = (c: StringColumn, i: number): string | null => (c.nulls[i] ? null : decoder.decode(c.bytes.subarray(i ? c.ends[i - 1]! : 0, c.ends[i]!)));
  const num = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const s = cols.strings;
  for (let i = 0; i < cols.rows; i++) {
    const sev = cols.severity[i]!;
    out[i] = {
      tsMs: cols.tsMs[i]!,
      kind: eventKinds[cols.kind[i]!]!,
      service: str(s.service, i),
      severity: sev ? severities[sev - 1]! : null,
      isError: cols.isError[i] === 1,
      name: str(s.name, i),
      route: str(s.route, i),
      statusCode: num(cols.statusCode[i]!),
      durationMs: num(cols.durationMs[i]!),
      chain: str(s.chain, i),
      appVersion: str(s.appVersion, i),
      platform: str(s.platform, i),
      country: str(s.country, i),
      rpcProvider: str(s.rpcProvider, i),
      userId: str(s.userId, i),
      deviceId: str(s.deviceId, i),
      address: str(s.address, i),
      txHash: str(s.txHash, i),
      traceId: str(s.traceId, i),
      spanId: str(s.spanId, i),
      metricName: str(s.metricName, i),
      metricValue: num(cols.metricValue[i]!),
      body: str(s.body, i),
      attrs: str(s.attrs, i) ?? '{}',
    };
  }
  return out;
}

/** Appends column batches in one durable transaction: the store's columnar path when it has one, else `append`. */
export function appendColumnsTo(store: TelemetryStore, batches: readonly EventColumns[]): Promise<void> {
  if (store.appendColumns) return store.appendColumns(batches);
  return store.append(batches.flatMap((b) => eventsOfColumns(b)));
}
