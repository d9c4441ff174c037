import { open, stat } from 'node:fs/promises';
import type { Clock } from '../core/index.ts';
import { mayHoldSecret, scrubText } from '../redaction/index.ts';
import type { TelemetryEvent } from './event.ts';
import { decodeLine } from './ingest-chunk.ts';
import { LineRecords, withoutByteOrderMark } from './line-records.ts';
import { pairLabel, scrubPairWith, type IngestLimits } from './normalize/build.ts';
import { planFlatLines, planSampleLines, type ScrubTarget } from './normalize/flat-plan.ts';
import type { Pipeline } from './pipeline.ts';
import type { TelemetryStore } from './store.ts';

export interface FlatIngestOptions {
  limits: IngestLimits;
  clock: Clock;
  batchRows: number;
  onDurable?: (rowsSoFar: number) => void;
}

const sampleBytes = 256 * 1024;
/** Lines off the plan beyond this (or a quarter of the file) send the whole file the ordinary way. */
const maxOtherLines = 2_000_000;

/**
 * The fast path for a JSON-lines file of flat events that share one shape (the common export): the
 * store reads the file itself (DuckDB), redaction sees every distinct string value first, and the
 * lines that differ from the shape go through `pipeline` exactly as in the ordinary path. Resolves
 * with the rows made durable, or undefined when the file is not such a file or the store cannot
 * (then nothing was stored and the caller takes the ordinary path). Standard redaction only.
 */
export async function ingestFlatFile(store: TelemetryStore, path: string, pipeline: Pipeline, options: FlatIngestOptions, durableBefore: number): Promise<number | undefined> {
  if (!store.loadFlatJsonLines) return undefined;
  const before = await stat(path);
  const { lines: samples, crlf, bom } = await sampleLines(path);
  // DuckDB's JSON-lines and CSV readers disagree on some first lines after a byte order mark.
  if (bom) return undefined;
  const planned = planFlatLines(samples, options.limits, (key) => scrubText(key.slice(0, 256)));
  if ('none' in planned) return undefined;
  const plan = { ...planned, crlf };
  const nowMs = options.clock.nowMs();
  const result = await store.loadFlatJsonLines(path, plan, {
    minMs: options.limits.minTsMs,
    maxMs: nowMs + options.limits.maxFutureSkewSec * 1000,
    maxOtherLines: (lines) => Math.min(maxOtherLines, Math.max(10_000, Math.floor(lines / 4))),
    redact: (target, values) => redactDistinct(target, values),
    countLines: async () => {
      let lines = 0;
      let empty = 0;
      await scanLines(path, [], () => undefined, (n, e) => ((lines = n), (empty = e)), crlf);
      return { lines, empty };
    },
    unchanged: async () => {
      const after = await stat(path);
      return after.size === before.size && after.mtimeMs === before.mtimeMs && after.ino === before.ino;
    },
  });
  if ('abandoned' in result) return undefined;
  let durable = durableBefore + result.loaded;
  options.onDurable?.(durable);
  durable = await ingestOthers(store, path, pipeline, result.others, options, durable);
  return durable - durableBefore;
}

/**
 * The first whole non-blank lines of the file. When every one that has a line end ends with CR LF
 * (the file's last line may have none), `crlf` is set and the CRs are left out; `bom`: the file
 * opens with a UTF-8 byte order mark.
 */
async function sampleLines(path: string): Promise<{ lines: string[]; crlf: boolean; bom: boolean }> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(sampleBytes);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const whole = bytesRead < buf.length ? text : text.slice(0, text.lastIndexOf('\n') + 1);
    const parts = whole.split('\n');
    const ended = parts.slice(0, -1).filter((line) => line.trim());
    const crlf = ended.length > 0 && ended.every((line) => line.endsWith('\r'));
    const lines = [...(crlf ? ended.map((line) => line.slice(0, -1)) : ended), parts.at(-1)!].filter((line) => line.trim());
    return { lines: lines.slice(0, planSampleLines), crlf, bom: withoutByteOrderMark(text) !== text };
  } finally {
    await fh.close();
  }
}

/** Exactly what the ordinary path stores for each value (see `buildEvent`): only the values it changes are returned. */
function redactDistinct(target: ScrubTarget, values: readonly string[]): Map<string, string> {
  const changed = new Map<string, string>();
  const label = pairLabel(target.key);
  for (const value of values) {
    if (!mayHoldSecret(target.labelled ? label + value : value)) continue;
    const out = target.labelled ? scrubPairWith(scrubText, target.key, value) : scrubText(value);
    if (out !== value) changed.set(value, out);
  }
  return changed;
}

/**
 * Reads the file's lines as DuckDB numbers them (split at \n, empty ones too), calling `take` with the
 * text of each wanted line (ascending numbers; null: not valid UTF-8), then `done` with the counts.
 * With `crlf`, a line of only a CR counts as empty (DuckDB's CSV reader splits at CR LF then).
 */
async function scanLines(path: string, wanted: readonly number[], take: (line: number, text: string | null) => Promise<void> | void, done: (lines: number, empty: number) => void, crlf = false): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8 * 1024 * 1024);
    // The unfinished line at the end of the last read: its bytes when a wanted line may be in it, else only whether it has any.
    let carry: Buffer = Buffer.alloc(0);
    let midLine = false;
    let line = 0;
    let empty = 0;
    let next = 0;
    // With crlf: the unfinished line is exactly a CR so far (it may end at the next read's first byte).
    let onlyCr = false;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const continued: boolean = midLine && !carry.length;
      let start = 0;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
        line++;
        const fresh = !(start === 0 && continued);
        if (fresh ? nl === start || (crlf && nl === start + 1 && data[start] === 13) : nl === 0 && onlyCr) empty++;
        if (next < wanted.length && wanted[next] === line) {
          await take(line, decodeLine(data, start, nl));
          next++;
        }
        start = nl + 1;
      }
      const rest = data.subarray(start);
      onlyCr = crlf && rest.length === 1 && rest[0] === 13 && !(start === 0 && continued);
      midLine = rest.length > 0 || (start === 0 && continued);
      carry = next < wanted.length && rest.length ? Buffer.from(rest) : Buffer.alloc(0);
    }
    if (midLine) {
      line++;
      if (next < wanted.length && wanted[next] === line) await take(line, decodeLine(carry, 0, carry.length));
    }
    done(line, empty);
  } finally {
    await fh.close();
  }
}

/** The lines the plan did not cover, read again and streamed through the ordinary pipeline (same parsing, rejection reasons and line numbers). */
async function ingestOthers(store: TelemetryStore, source: string, pipeline: Pipeline, others: readonly number[], options: FlatIngestOptions, durableBefore: number): Promise<number> {
  let durable = durableBefore;
  let events: TelemetryEvent[] = [];
  const records = new LineRecords(pipeline, source);
  const flush = async () => {
    records.build(events);
    if (!events.length) return;
    const rows = events;
    events = [];
    await store.append(rows);
    durable += rows.length;
    options.onDurable?.(durable);
  };
  const take = async (line: number, text: string | null) => {
    if (records.take(line, text, events) && events.length >= options.batchRows) await flush();
  };
  await scanLines(source, others, take, () => undefined);
  await flush();
  return durable;
}
