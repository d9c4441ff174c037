import type { Clock } from '../core/index.ts';
import { mayHoldSecret, scrubText } from '../redaction/index.ts';
import type { TelemetryEvent } from './event.ts';
import { buildEvent, pairLabel, scrubPairWith, stringsOf, type Adjustments, type BuildContext, type BuildResult, type IngestLimits, type RawEvent } from './normalize/build.ts';
import type { Parsed } from './normalize/otlp.ts';

/** Where a rejected record came from and why. */
export interface Rejection {
  /** File path, or the OTLP signal for HTTP. */
  source: string;
  /** 1-based line of a JSON-lines file, or the record's index in an OTLP request. */
  line: number;
  reason: string;
}

/** What an ingest did: accepted rows, rejected rows with reasons (the first `maxRejectionsListed`), and clamping counts. */
export interface IngestReport {
  ingested: number;
  rejected: number;
  seconds: number;
  rejections: Rejection[];
  adjustments: Adjustments;
}

export const maxRejectionsListed = 1000;

/** Turns parsed records into redacted, limited events; bad records are counted, never thrown. */
export class Pipeline {
  readonly adjustments: Adjustments = { truncated: 0, clampedTime: 0, droppedAttributes: 0 };
  readonly rejections: Rejection[] = [];
  rejected = 0;
  private readonly cache: ScrubCache;

  constructor(
    private readonly limits: IngestLimits,
    scrub: (text: string) => string,
    private readonly clock: Clock,
  ) {
    this.cache = new ScrubCache(scrub);
  }

  /** Appends the events built from `parsed` to `out`; rejections are recorded against `source`/`line` (-1: the record's index). */
  add(parsed: readonly Parsed[], source: string, line: number, out: TelemetryEvent[]): void {
    this.addMany([parsed], source, [line], out);
  }

  /**
   * Builds a whole batch. A cheap first pass lists the strings the records will send to redaction;
   * those not seen before are scrubbed together (`ScrubCache.prime`), then the events are built.
   */
  addMany(batch: readonly (readonly Parsed[])[], source: string, lines: readonly number[], out: TelemetryEvent[]): void {
    const cache = this.cache;
    const pairs: [string, string][] = [];
    const texts: string[] = [];
    for (const parsed of batch) {
      for (const p of parsed) {
        if ('reject' in p) continue;
        stringsOf(p, this.limits, (k, t) => cache.hasPair(k, t) || pairs.push([k, t]), (t) => cache.has(t) || texts.push(t));
      }
    }
    cache.prime(pairs, texts);
    const ctx: BuildContext = { limits: this.limits, scrub: (t) => cache.scrub(t), scrubPair: (k, t) => cache.scrubPair(k, t), nowMs: this.clock.nowMs(), adjustments: this.adjustments };
    for (let b = 0; b < batch.length; b++) {
      const parsed = batch[b]!;
      const line = lines[b]!;
      for (let i = 0; i < parsed.length; i++) {
        const p = parsed[i]!;
        const built = 'reject' in p ? { ok: false as const, reason: p.reject } : tryBuild(p, ctx);
        if (built.ok) out.push(built.event);
        else this.reject(source, line < 0 ? i + 1 : line, built.reason);
      }
    }
    cache.endBatch();
  }

  /** The counts so far, which start again from zero (a worker reports them chunk by chunk). */
  takeCounts(): { rejected: number; rejections: Rejection[]; adjustments: Adjustments } {
    const out = { rejected: this.rejected, rejections: this.rejections.splice(0), adjustments: { ...this.adjustments } };
    this.rejected = 0;
    this.adjustments.truncated = this.adjustments.clampedTime = this.adjustments.droppedAttributes = 0;
    return out;
  }

  reject(source: string, line: number, reason: string): void {
    this.rejected++;
    if (this.rejections.length < maxRejectionsListed) this.rejections.push({ source, line, reason });
  }
}

function tryBuild(p: RawEvent, ctx: BuildContext): BuildResult {
  try {
    return buildEvent(p, ctx);
  } catch (err) {
    return { ok: false, reason: `unreadable record (${(err as Error).message})` };
  }
}

// Values are joined with a line that no secret pattern spans, so a clean joined text means clean values.
const separator = '\n\n-- -- --\n\n';
const groupChars = 4096;
const maxCached = 50_000;

/**
 * Redaction is pure, so results are cached (two generations of short values; long ones for one
 * batch), and new values are scrubbed in groups: one call over a group's joined text, and only a
 * group where something was found is scrubbed value by value. Each value gets exactly what a
 * call of its own would give.
 */
class ScrubCache {
  private texts = new Map<string, string>();
  private oldTexts = new Map<string, string>();
  private pairs = new Map<string, Map<string, string>>();
  private oldPairs = new Map<string, Map<string, string>>();
  private size = 0;
  private batchOnly = new Map<string, string>();

  // With the standard scrub, a value its prefilter proves clean needs no call at all.
  private readonly provablyClean: (text: string) => boolean;

  constructor(private readonly fn: (text: string) => string) {
    this.provablyClean = fn === scrubText ? (t) => !mayHoldSecret(t) : () => false;
  }

  has(text: string): boolean {
    return this.texts.has(text) || this.oldTexts.has(text) || this.batchOnly.has(text);
  }

  hasPair(key: string, text: string): boolean {
    return this.pairs.get(key)?.has(text) === true || this.oldPairs.get(key)?.has(text) === true;
  }

  scrub(text: string): string {
    const hit = this.texts.get(text) ?? this.oldTexts.get(text) ?? this.batchOnly.get(text);
    if (hit !== undefined) return hit;
    const out = this.fn(text);
    this.remember(text, out);
    return out;
  }

  scrubPair(key: string, text: string): string {
    const hit = this.pairs.get(key)?.get(text) ?? this.oldPairs.get(key)?.get(text) ?? (text.length > 200 ? this.batchOnly.get(`${key}\u0000${text}`) : undefined);
    if (hit !== undefined) return hit;
    const out = scrubPairWith(this.fn, key, text);
    this.rememberPair(key, text, out);
    return out;
  }

  /** Scrubs new pairs and texts in groups. */
  prime(pairs: readonly [string, string][], texts: readonly string[]): void {
    const items: { joined: string; done: (clean: boolean) => void }[] = [];
    const seen = new Set<string>();
    for (const [key, text] of pairs) {
      const labelled = pairLabel(key) + text;
      if (seen.has(labelled)) continue;
      seen.add(labelled);
      items.push({ joined: labelled, done: (clean) => this.rememberPair(key, text, clean ? text : scrubPairWith(this.fn, key, text)) });
    }
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      items.push({ joined: text, done: (clean) => this.remember(text, clean ? text : this.fn(text)) });
    }
    let group: typeof items = [];
    let chars = 0;
    const flush = () => {
      if (group.length === 1) group[0]!.done(false);
      else if (group.length > 1) {
        const joined = group.map((g) => g.joined).join(separator);
        const clean = this.fn(joined) === joined;
        for (const g of group) g.done(clean);
      }
      group = [];
      chars = 0;
    };
    for (const item of items) {
      if (this.provablyClean(item.joined)) {
        item.done(true);
        continue;
      }
      group.push(item);
      chars += item.joined.length + separator.length;
      if (chars >= groupChars) flush();
    }
    flush();
  }

  endBatch(): void {
    this.batchOnly.clear();
  }

  private remember(text: string, out: string): void {
    if (text.length > 200) {
      this.batchOnly.set(text, out);
      return;
    }
    this.rotate();
    this.texts.set(text, out);
  }

  private rememberPair(key: string, text: string, out: string): void {
    if (text.length > 200) {
      this.batchOnly.set(`${key}\u0000${text}`, out);
      return;
    }
    this.rotate();
    let m = this.pairs.get(key);
    if (!m) this.pairs.set(key, (m = new Map()));
    m.set(text, out);
  }

  private rotate(): void {
    if (++this.size < maxCached) return;
    this.oldTexts = this.texts;
    this.oldPairs = this.pairs;
    this.texts = new Map();
    this.pairs = new Map();
    this.size = 0;
  }
}
