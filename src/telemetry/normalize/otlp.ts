import type { RawEvent } from './build.ts';
import { severityFromNumber, severityFromText } from './build.ts';

/** One parsed record, or the reason it was rejected. */
export type Parsed = RawEvent | { reject: string };

export type OtlpSignal = 'logs' | 'traces' | 'metrics';

/** Thrown for a payload that is not an OTLP export request at all (HTTP 400, one rejected line). */
export class OtlpShapeError extends Error {
  override name = 'OtlpShapeError';
}

const listKey = { logs: ['resourceLogs', 'scopeLogs', 'logRecords'], traces: ['resourceSpans', 'scopeSpans', 'spans'], metrics: ['resourceMetrics', 'scopeMetrics', 'metrics'] } as const;

/** Which signal an object is an export request of, if any. */
export function otlpSignalOf(v: Record<string, unknown>): OtlpSignal | undefined {
  if ('resourceLogs' in v) return 'logs';
  if ('resourceSpans' in v) return 'traces';
  if ('resourceMetrics' in v) return 'metrics';
  return undefined;
}

/** Flattens an OTLP Export*ServiceRequest (JSON encoding, or the protobuf decoding in the same shape) into records. */
export function parseOtlpRequest(signal: OtlpSignal, req: unknown): Parsed[] {
  if (!isObj(req)) throw new OtlpShapeError('the body is not a JSON object');
  const [rKey, sKey, itemKey] = listKey[signal];
  const resources = req[rKey] ?? [];
  if (!Array.isArray(resources)) throw new OtlpShapeError(`${rKey} must be an array`);
  const out: Parsed[] = [];
  for (const rl of resources) {
    if (!isObj(rl)) throw new OtlpShapeError(`each of ${rKey} must be an object`);
    const resource = isObj(rl.resource) ? rl.resource : {};
    const resAttrs: Record<string, unknown> = {};
    if (!addAttributes(resAttrs, resource.attributes)) throw new OtlpShapeError('resource.attributes must be an array of { key, value }');
    const scopes = rl[sKey] ?? [];
    if (!Array.isArray(scopes)) throw new OtlpShapeError(`${sKey} must be an array`);
    for (const sl of scopes) {
      if (!isObj(sl)) throw new OtlpShapeError(`each of ${sKey} must be an object`);
      const items = sl[itemKey] ?? [];
      if (!Array.isArray(items)) throw new OtlpShapeError(`${itemKey} must be an array`);
      const scopeName = isObj(sl.scope) && typeof sl.scope.name === 'string' && sl.scope.name ? sl.scope.name : undefined;
      const base = scopeName ? { ...resAttrs, 'otel.scope.name': scopeName } : resAttrs;
      for (const item of items) {
        if (signal === 'logs') out.push(parseLogRecord(item, base));
        else if (signal === 'traces') out.push(parseSpan(item, base));
        else out.push(...parseMetric(item, base));
      }
    }
  }
  return out;
}

/** A log record. */
export function parseLogRecord(rec: unknown, base: Record<string, unknown>): Parsed {
  if (!isObj(rec)) return { reject: 'log record is not an object' };
  const attrs = { ...base };
  if (!addAttributes(attrs, rec.attributes)) return { reject: 'attributes must be an array of { key, value }' };
  const ts = nonZeroTime(rec.timeUnixNano) ?? nonZeroTime(rec.observedTimeUnixNano);
  if (ts === null) return { reject: 'timeUnixNano and observedTimeUnixNano are missing or invalid' };
  const ids = readIds(rec);
  if ('reject' in ids) return ids;
  const sevNum = typeof rec.severityNumber === 'number' ? rec.severityNumber : typeof rec.severityNumber === 'string' ? Number(rec.severityNumber) : NaN;
  const body = rec.body === undefined ? undefined : anyValue(rec.body);
  return {
    kind: 'log',
    tsMs: ts,
    attrs,
    body: body === undefined ? null : body,
    severity: severityFromNumber(sevNum) ?? severityFromText(rec.severityText),
    name: typeof rec.eventName === 'string' && rec.eventName ? rec.eventName : null,
    traceId: ids.traceId,
    spanId: ids.spanId,
  };
}

/** A span: its start time, duration and status. */
export function parseSpan(span: unknown, base: Record<string, unknown>): Parsed {
  if (!isObj(span)) return { reject: 'span is not an object' };
  const attrs = { ...base };
  if (!addAttributes(attrs, span.attributes)) return { reject: 'attributes must be an array of { key, value }' };
  const start = nonZeroTime(span.startTimeUnixNano);
  if (start === null) return { reject: 'startTimeUnixNano is missing or invalid' };
  const startNs = nanos(span.startTimeUnixNano);
  const endNs = nanos(span.endTimeUnixNano);
  const durationMs = startNs !== null && endNs !== null && endNs >= startNs ? Number(endNs - startNs) / 1e6 : null;
  const ids = readIds(span);
  if ('reject' in ids) return ids;
  if (!ids.traceId || !ids.spanId) return { reject: 'a span needs a valid traceId and spanId' };
  const parent = span.parentSpanId ? normaliseId(span.parentSpanId, 8) : null;
  if (parent) attrs['span.parent_id'] = parent;
  if (typeof span.kind === 'number') attrs['span.kind'] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'][span.kind] ?? span.kind;
  const status = isObj(span.status) ? span.status : {};
  const code = Number(status.code ?? 0);
  if (typeof status.message === 'string' && status.message) attrs['status.message'] = status.message;
  return { kind: 'span', tsMs: start, attrs, name: typeof span.name === 'string' ? span.name : null, durationMs, traceId: ids.traceId, spanId: ids.spanId, isError: code === 2, severity: code === 2 ? 'error' : null };
}

/** A metric: one record per data point. */
export function parseMetric(metric: unknown, base: Record<string, unknown>): Parsed[] {
  if (!isObj(metric)) return [{ reject: 'metric is not an object' }];
  if (typeof metric.name !== 'string' || !metric.name) return [{ reject: 'metric.name is missing' }];
  const type = (['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'] as const).find((t) => isObj(metric[t]));
  if (!type) return [{ reject: `metric ${metric.name} has no gauge, sum, histogram, exponentialHistogram or summary` }];
  const data = metric[type] as Record<string, unknown>;
  const points = data.dataPoints ?? [];
  if (!Array.isArray(points)) return [{ reject: 'dataPoints must be an array' }];
  const out: Parsed[] = [];
  for (const dp of points) {
    if (!isObj(dp)) { out.push({ reject: 'data point is not an object' }); continue; }
    const attrs: Record<string, unknown> = { ...base, 'metric.type': type };
    if (typeof metric.unit === 'string' && metric.unit) attrs['metric.unit'] = metric.unit;
    if (data.aggregationTemporality !== undefined) attrs['metric.temporality'] = Number(data.aggregationTemporality) === 1 ? 'delta' : 'cumulative';
    if (!addAttributes(attrs, dp.attributes)) { out.push({ reject: 'attributes must be an array of { key, value }' }); continue; }
    const ts = nonZeroTime(dp.timeUnixNano) ?? nonZeroTime(dp.startTimeUnixNano);
    if (ts === null) { out.push({ reject: 'timeUnixNano is missing or invalid' }); continue; }
    let value: number;
    if (type === 'gauge' || type === 'sum') value = num(dp.asDouble ?? dp.asInt);
    else {
      value = num(dp.sum ?? 0);
      attrs['metric.count'] = num(dp.count ?? 0);
      if (Array.isArray(dp.bucketCounts)) attrs['metric.bucket_counts'] = dp.bucketCounts.map(num);
      if (Array.isArray(dp.explicitBounds)) attrs['metric.bounds'] = dp.explicitBounds.map(num);
    }
    if (!Number.isFinite(value)) { out.push({ reject: `metric ${metric.name}: data point value is not a number` }); continue; }
    out.push({ kind: 'metric', tsMs: ts, attrs, metricName: metric.name, metricValue: value });
  }
  return out;
}

function readIds(rec: Record<string, unknown>): { traceId: string | null; spanId: string | null } | { reject: string } {
  const traceId = rec.traceId === undefined || rec.traceId === '' ? null : normaliseId(rec.traceId, 16);
  if (traceId === undefined) return { reject: 'traceId is not 16 bytes of hex or base64' };
  const spanId = rec.spanId === undefined || rec.spanId === '' ? null : normaliseId(rec.spanId, 8);
  if (spanId === undefined) return { reject: 'spanId is not 8 bytes of hex or base64' };
  return { traceId, spanId };
}

/** Ids as lowercase hex; accepts hex (the OTLP/JSON rule), base64 (proto3 JSON exporters) or bytes; all-zero means absent. */
export function normaliseId(v: unknown, bytes: number): string | null | undefined {
  let hex: string | undefined;
  if (v instanceof Uint8Array) hex = v.length === bytes ? Buffer.from(v).toString('hex') : v.length === 0 ? '' : undefined;
  else if (typeof v === 'string') {
    if (v.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(v)) hex = v.toLowerCase();
    else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
      const buf = Buffer.from(v, 'base64');
      if (buf.length === bytes) hex = buf.toString('hex');
    }
  }
  if (hex === undefined) return undefined;
  return /^0*$/.test(hex) ? null : hex;
}

/** Adds `[{ key, value: AnyValue }]` to a flat object; false when the shape is wrong. */
function addAttributes(target: Record<string, unknown>, list: unknown): boolean {
  if (list === undefined || list === null) return true;
  if (!Array.isArray(list)) return false;
  for (const kv of list) {
    if (!isObj(kv) || typeof kv.key !== 'string') return false;
    const v = anyValue(kv.value);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, inner] of Object.entries(v)) target[`${kv.key}.${k}`] = inner;
    } else target[kv.key] = v;
  }
  return true;
}

/** An OTLP AnyValue as a plain value (64-bit integers beyond 2^53 stay strings). */
export function anyValue(v: unknown, depth = 0): unknown {
  if (!isObj(v) || depth > 8) return null;
  if ('stringValue' in v) return typeof v.stringValue === 'string' ? v.stringValue : String(v.stringValue);
  if ('boolValue' in v) return Boolean(v.boolValue);
  if ('intValue' in v) {
    const s = String(v.intValue);
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : s;
  }
  if ('doubleValue' in v) return num(v.doubleValue);
  if ('bytesValue' in v) return v.bytesValue instanceof Uint8Array ? Buffer.from(v.bytesValue).toString('base64') : String(v.bytesValue);
  if (isObj(v.arrayValue)) return Array.isArray(v.arrayValue.values) ? v.arrayValue.values.map((x) => anyValue(x, depth + 1)) : [];
  if (isObj(v.kvlistValue)) {
    const o: Record<string, unknown> = {};
    if (Array.isArray(v.kvlistValue.values)) for (const kv of v.kvlistValue.values) if (isObj(kv) && typeof kv.key === 'string') o[kv.key] = anyValue(kv.value, depth + 1);
    return o;
  }
  return null;
}

function nanos(v: unknown): bigint | null {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.round(v));
  if (typeof v === 'bigint') return v;
  return null;
}

function nonZeroTime(v: unknown): number | null {
  const n = nanos(v);
  if (n === null || n === 0n) return null;
  return Number(n / 1_000_000n);
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
