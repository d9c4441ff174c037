import { aliasToColumn, severities, type EventKind, type Severity, type TelemetryEvent } from '../event.ts';

/** Per-record limits applied before storage; values beyond them are clamped or the record is rejected, always with a counted reason. */
export interface IngestLimits {
  maxStringChars: number;
  maxBodyChars: number;
  maxAttributes: number;
  maxFutureSkewSec: number;
  /** Events older than this (epoch ms) are rejected. */
  minTsMs: number;
}

export const defaultLimits: IngestLimits = { maxStringChars: 4096, maxBodyChars: 32768, maxAttributes: 128, maxFutureSkewSec: 3600, minTsMs: Date.UTC(2000, 0, 1) };

/** A record after format-specific parsing, before column mapping, limits and redaction. */
export interface RawEvent {
  kind: EventKind;
  tsMs: number | null;
  /** Flat attributes with dotted keys (resource attributes included). */
  attrs: Record<string, unknown>;
  body?: unknown;
  severity?: Severity | null;
  name?: string | null;
  durationMs?: number | null;
  traceId?: string | null;
  spanId?: string | null;
  isError?: boolean;
  metricName?: string | null;
  metricValue?: number | null;
}

/** Counts of per-record adjustments that did not reject the record. */
export interface Adjustments {
  truncated: number;
  clampedTime: number;
  droppedAttributes: number;
}

export type BuildResult = { ok: true; event: TelemetryEvent } | { ok: false; reason: string };

export interface BuildContext {
  limits: IngestLimits;
  scrub: (text: string) => string;
  /** Scrubs an attribute value with its key as the label (see `scrubPairWith`). */
  scrubPair: (key: string, text: string) => string;
  nowMs: number;
  adjustments: Adjustments;
}

// Identifiers in their own column with a strict public format (trace/span ids, EVM addresses and
// tx hashes) are not free text: no secret kind has these shapes in these fields, so they skip the scan.
export const publicId: Partial<Record<string, RegExp>> = {
  traceId: /^[0-9a-fA-F]{32}$/,
  spanId: /^[0-9a-fA-F]{16}$/,
  address: /^0x[0-9a-fA-F]{40}$/,
  txHash: /^0x[0-9a-fA-F]{64}$/,
};

export type StringColumn = 'service' | 'route' | 'chain' | 'appVersion' | 'platform' | 'country' | 'rpcProvider' | 'userId' | 'deviceId' | 'address' | 'txHash' | 'traceId' | 'spanId';

/** Maps a raw record onto the columns, redacts every string, applies the limits. */
export function buildEvent(raw: RawEvent, ctx: BuildContext): BuildResult {
  const { limits } = ctx;
  let tsMs = raw.tsMs;
  if (tsMs === null || !Number.isFinite(tsMs)) return { ok: false, reason: 'missing or invalid timestamp' };
  if (tsMs < limits.minTsMs) return { ok: false, reason: `timestamp ${safeIso(tsMs)} is before ${new Date(limits.minTsMs).toISOString()}` };
  if (tsMs > ctx.nowMs + limits.maxFutureSkewSec * 1000) {
    tsMs = ctx.nowMs;
    ctx.adjustments.clampedTime++;
  }
  const cols: Partial<Record<StringColumn, string>> & { statusCode?: number; durationMs?: number } = {};
  const rest: Record<string, unknown> = {};
  let kept = 0;
  for (const key in raw.attrs) {
    const value = raw.attrs[key];
    if (value === null || value === undefined) continue;
    const col = aliasToColumn.get(key);
    if (col === 'statusCode') {
      const n = toInt(value);
      if (n !== null && cols.statusCode === undefined) { cols.statusCode = n; continue; }
    } else if (col === 'durationMs') {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (Number.isFinite(n) && cols.durationMs === undefined) { cols.durationMs = n; continue; }
    } else if (col !== undefined && cols[col as StringColumn] === undefined && (typeof value === 'string' || typeof value === 'number')) {
      const text = String(value);
      cols[col as StringColumn] = publicId[col]?.test(text) ? text : String(cleanValue(key, text, ctx));
      continue;
    }
    if (kept >= limits.maxAttributes) {
      ctx.adjustments.droppedAttributes++;
      continue;
    }
    kept++;
    rest[clean(key, 256, ctx)] = cleanValue(key, value, ctx);
  }
  const severity = raw.severity ?? null;
  const statusCode = cols.statusCode ?? null;
  const durationMs = raw.durationMs ?? cols.durationMs ?? null;
  const body = raw.body === undefined || raw.body === null ? null : clean(typeof raw.body === 'string' ? raw.body : JSON.stringify(raw.body), limits.maxBodyChars, ctx);
  const metricValue = raw.metricValue ?? null;
  if (metricValue !== null && !Number.isFinite(metricValue)) return { ok: false, reason: 'metric value is not a finite number' };
  if (durationMs !== null && (!Number.isFinite(durationMs) || durationMs < 0)) return { ok: false, reason: 'duration is negative or not a number' };
  return {
    ok: true,
    event: {
      tsMs,
      kind: raw.kind,
      service: cols.service ?? null,
      severity,
      isError: Boolean(raw.isError) || severity === 'error' || severity === 'fatal' || (statusCode !== null && statusCode >= 500),
      name: raw.name ? clean(raw.name, limits.maxStringChars, ctx) : null,
      route: cols.route ?? null,
      statusCode,
      durationMs,
      chain: cols.chain ?? null,
      appVersion: cols.appVersion ?? null,
      platform: cols.platform ?? null,
      country: cols.country ?? null,
      rpcProvider: cols.rpcProvider ?? null,
      userId: cols.userId ?? null,
      deviceId: cols.deviceId ?? null,
      address: cols.address ?? null,
      txHash: cols.txHash ?? null,
      traceId: raw.traceId ? (publicId.traceId!.test(raw.traceId) ? raw.traceId : clean(raw.traceId, 64, ctx)) : (cols.traceId ?? null),
      spanId: raw.spanId ? (publicId.spanId!.test(raw.spanId) ? raw.spanId : clean(raw.spanId, 32, ctx)) : (cols.spanId ?? null),
      metricName: raw.metricName ? clean(raw.metricName, 256, ctx) : null,
      metricValue,
      body,
      attrs: JSON.stringify(rest),
    },
  };
}

function clean(text: string, max: number, ctx: BuildContext): string {
  let t = wellFormed(text);
  if (t.length > max) {
    t = t.slice(0, max);
    ctx.adjustments.truncated++;
  }
  return ctx.scrub(t);
}

// The key is scrubbed together with the value: `private_key: 4c08…` is a secret, the bare hex may be a tx hash.
function cleanValue(key: string, value: unknown, ctx: BuildContext): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  let text = valueText(value);
  if (text.length > ctx.limits.maxStringChars) {
    text = text.slice(0, ctx.limits.maxStringChars);
    ctx.adjustments.truncated++;
  }
  return ctx.scrubPair(key, text);
}

/** The text an attribute value is stored (and scrubbed) as. */
export function valueText(value: unknown): string {
  return wellFormed(typeof value === 'string' ? value : typeof value === 'bigint' ? value.toString() : (JSON.stringify(value) ?? ''));
}

/** The label an attribute value is scrubbed behind (`private_key: 4c08…` is a secret where the bare hex may be a tx hash). */
export function pairLabel(key: string): string {
  return `${key.slice(0, 64)}: `;
}

/** `scrubPair` from a plain scrub: the value scrubbed behind its key as a label. */
export function scrubPairWith(scrub: (text: string) => string, key: string, text: string): string {
  const label = pairLabel(key);
  const scrubbed = scrub(label + text);
  if (scrubbed.startsWith(label)) return scrubbed.slice(label.length);
  const alone = scrub(text);
  return alone === text ? '[REDACTED]' : alone;
}

/** Calls `visit` with every (key, text) pair and lone text `buildEvent` will scrub for this record (a cheap pre-pass). */
export function stringsOf(raw: RawEvent, limits: IngestLimits, visitPair: (key: string, text: string) => void, visit: (text: string) => void): void {
  for (const key in raw.attrs) {
    const value = raw.attrs[key];
    if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') continue;
    const text = valueText(value);
    const col = aliasToColumn.get(key);
    if (col !== undefined && publicId[col]?.test(text)) continue;
    visitPair(key, text.length > limits.maxStringChars ? text.slice(0, limits.maxStringChars) : text);
  }
  if (typeof raw.body === 'string') visit(wellFormed(raw.body.length > limits.maxBodyChars ? raw.body.slice(0, limits.maxBodyChars) : raw.body));
}

type Es2024String = { isWellFormed(): boolean; toWellFormed(): string };

/** Lone surrogates (invalid UTF-16, e.g. from `\ud800` escapes) become U+FFFD. */
function wellFormed(text: string): string {
  const s = text as unknown as Es2024String;
  return s.isWellFormed() ? text : s.toWellFormed();
}

function toInt(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n < 10000 ? n : null;
}

function safeIso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

/** Severity from an OTLP severity number (1–24). */
export function severityFromNumber(n: number): Severity | null {
  if (!Number.isFinite(n) || n < 1) return null;
  return severities[Math.min(5, Math.floor((n - 1) / 4))] ?? null;
}

export const severityWords: Readonly<Record<string, Severity>> = {
  trace: 'trace', debug: 'debug', info: 'info', information: 'info', informational: 'info', notice: 'info', ok: 'info',
  warn: 'warn', warning: 'warn', error: 'error', err: 'error', critical: 'fatal', crit: 'fatal', alert: 'fatal', emergency: 'fatal', emerg: 'fatal', fatal: 'fatal', panic: 'fatal',
};

/** Severity from a level word (`WARN`, `warning`, `Error`, Datadog's `emergency`…). */
export function severityFromText(text: unknown): Severity | null {
  if (typeof text === 'number') return severityFromNumber(text);
  if (typeof text !== 'string') return null;
  return severityWords[text.trim().toLowerCase()] ?? null;
}

/** Parses a time given as ISO text, epoch seconds, milliseconds, microseconds or nanoseconds (number or decimal string). */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number') return fromEpoch(v);
  if (typeof v !== 'string' || v === '') return null;
  if (/^\d+(\.\d+)?$/.test(v)) {
    if (v.length >= 17 && !v.includes('.')) return Number(BigInt(v) / 1_000_000n);
    return fromEpoch(Number(v));
  }
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  if (n < 1e11) return Math.round(n * 1000);
  if (n < 1e14) return Math.round(n);
  if (n < 1e17) return Math.round(n / 1000);
  return Math.round(n / 1e6);
}

/** Flattens nested objects into dotted keys (arrays stay values); depth and key count are bounded. */
export function flatten(obj: Record<string, unknown>, out: Record<string, unknown> = {}, prefix = '', depth = 0): Record<string, unknown> {
  for (const key in obj) {
    const value = obj[key];
    const k = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 6) flatten(value as Record<string, unknown>, out, k, depth + 1);
    else out[k] = value;
  }
  return out;
}
