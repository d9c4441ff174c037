import { eventKinds, type EventKind } from '../event.ts';
import { flatten, parseTime, severityFromText, type RawEvent } from './build.ts';
import { isObj, otlpSignalOf, parseLogRecord, parseMetric, parseOtlpRequest, parseSpan, type Parsed } from './otlp.ts';

/**
 * Turns one JSON value (a line of a JSON-lines file, or a whole exported document) into records.
 * Recognises flat events, OTLP/JSON export requests and single OTLP records, Elasticsearch/Kibana
 * hits, Datadog log exports (API v1 and v2) and Loki (`logcli --output=jsonl` and query_range answers).
 */
export function recordsFromJson(value: unknown): Parsed[] {
  if (Array.isArray(value)) return value.flatMap((v) => recordsFromJson(v));
  if (!isObj(value)) return [{ reject: 'not a JSON object' }];
  const shape = shapeOfRecord(value);
  switch (shape) {
    case 'otlp-request':
      try {
        return parseOtlpRequest(otlpSignalOf(value)!, value);
      } catch (err) {
        return [{ reject: (err as Error).message }];
      }
    case 'kibana-hit':
      return [fromFlat(flatten(value._source as Record<string, unknown>))];
    case 'kibana-search':
      return ((value.hits as { hits: unknown[] }).hits).flatMap((h) => recordsFromJson(h));
    case 'loki-query':
      return ((value.data as { result: unknown[] }).result).flatMap(fromLokiStream);
    case 'loki-stream':
      return fromLokiStream(value);
    case 'loki-line':
      return [fromLoki(value.labels as Record<string, unknown>, value.line as string, value.timestamp)];
    case 'datadog-v2-page':
      return (value.data as unknown[]).flatMap((d) => recordsFromJson(d));
    case 'datadog-v1-page':
      return (value.logs as unknown[]).flatMap((d) => recordsFromJson(d));
    case 'datadog-v2-log':
      return [fromDatadog(value.attributes as Record<string, unknown>)];
    case 'datadog-v1-log':
      return [fromDatadog(value.content as Record<string, unknown>)];
    case 'otlp-span':
      return [parseSpan(value, {})];
    case 'otlp-log':
      return [parseLogRecord(value, {})];
    case 'otlp-metric':
      return parseMetric(value, {});
    case 'flat':
      return [fromFlat(flatten(value))];
  }
}

type RecordShape = 'otlp-request' | 'kibana-hit' | 'kibana-search' | 'loki-query' | 'loki-stream' | 'loki-line' | 'datadog-v2-page' | 'datadog-v1-page' | 'datadog-v2-log' | 'datadog-v1-log' | 'otlp-span' | 'otlp-log' | 'otlp-metric' | 'flat';

/** Which export format a JSON object is, tested in this order (the first match wins). */
export function shapeOfRecord(value: Record<string, unknown>): RecordShape {
  if (otlpSignalOf(value)) return 'otlp-request';
  if (isObj(value._source)) return 'kibana-hit';
  if (isObj(value.hits) && Array.isArray(value.hits.hits)) return 'kibana-search';
  if (isObj(value.data) && Array.isArray(value.data.result)) return 'loki-query';
  if (isObj(value.stream) && Array.isArray(value.values)) return 'loki-stream';
  if (isObj(value.labels) && typeof value.line === 'string') return 'loki-line';
  if (Array.isArray(value.data) && value.data.every((d) => isObj(d) && isObj(d.attributes))) return 'datadog-v2-page';
  if (Array.isArray(value.logs) && value.logs.every((d) => isObj(d) && isObj(d.content))) return 'datadog-v1-page';
  if (value.type === 'log' && isObj(value.attributes)) return 'datadog-v2-log';
  if (isObj(value.content) && ('timestamp' in value.content || 'message' in value.content)) return 'datadog-v1-log';
  if (typeof value.spanId === 'string' && 'startTimeUnixNano' in value) return 'otlp-span';
  if (('timeUnixNano' in value || 'observedTimeUnixNano' in value) && ('body' in value || 'severityNumber' in value || 'severityText' in value)) return 'otlp-log';
  if (typeof value.name === 'string' && ['gauge', 'sum', 'histogram', 'exponentialHistogram', 'summary'].some((t) => isObj(value[t]))) return 'otlp-metric';
  return 'flat';
}

// The well-known keys of a flat event, in the order `fromFlat` takes them (the first present wins).
export const timeKeys = ['time', 'timestamp', '@timestamp', 'ts', 'date', 'datetime', 'eventTime', 'event_time'];
export const kindKeys = ['kind', 'type', 'signal'];
export const bodyKeys = ['message', 'body', 'msg', 'log', 'event.original'];
export const levelKeys = ['severity', 'level', 'log.level', 'severityText', 'severity_text', 'loglevel', 'status'];
export const nameKeys = ['name', 'event', 'event.name', 'eventName', 'span.name', 'operation'];
export const metricNameKeys = ['metric', 'metricName', 'metric_name', 'metric.name'];
export const metricValueKeys = ['value', 'metricValue', 'metric_value', 'metric.value'];
export const ecsDurationKeys = ['event.duration'];
export const errorKeys = ['error', 'isError', 'is_error'];

/** A flat event: well-known keys become fields, everything else an attribute. */
export function fromFlat(input: Record<string, unknown>): Parsed {
  // Well-known keys are taken out by copying the rest (deleting keys would slow every later lookup).
  const taken = new Set<string>();
  const take = (keys: readonly string[]): unknown => {
    for (const k of keys) {
      const v = input[k];
      if (v !== null && v !== undefined && !taken.has(k)) {
        taken.add(k);
        return v;
      }
    }
    return undefined;
  };
  const flat: Record<string, unknown> = {};
  const timeRaw = take(timeKeys);
  if (timeRaw === undefined) return { reject: `no timestamp (one of ${timeKeys.join(', ')})` };
  const tsMs = parseTime(timeRaw);
  if (tsMs === null) return { reject: `timestamp ${JSON.stringify(timeRaw).slice(0, 60)} is not ISO-8601 or epoch time` };
  const kindRaw = take(kindKeys);
  const metricName = take(metricNameKeys);
  const metricValueRaw = metricName !== undefined ? take(metricValueKeys) : undefined;
  let kind: EventKind = metricName !== undefined ? 'metric' : 'log';
  if (typeof kindRaw === 'string' && (eventKinds as readonly string[]).includes(kindRaw)) kind = kindRaw as EventKind;
  else if (kindRaw !== undefined) flat.kind = kindRaw;
  let severityRaw = take(levelKeys);
  if (typeof severityRaw === 'number' && severityRaw >= 100) {
    flat.statusCode = severityRaw;
    severityRaw = undefined;
  }
  const severity = severityFromText(severityRaw);
  if (severityRaw !== undefined && severity === null) flat.level = severityRaw;
  const ecsNs = take(ecsDurationKeys);
  const durationNs = typeof ecsNs === 'number' ? ecsNs : typeof ecsNs === 'string' ? Number(ecsNs) : NaN;
  const errorFlag = take(errorKeys);
  const nameRaw = take(nameKeys);
  const body = take(bodyKeys) ?? null;
  for (const k in input) if (!taken.has(k)) flat[k] = input[k];
  const out: RawEvent = {
    kind,
    tsMs,
    attrs: flat,
    body,
    severity,
    name: typeof nameRaw === 'string' ? nameRaw : null,
    isError: errorFlag === true || errorFlag === 'true',
  };
  if (errorFlag !== undefined && typeof errorFlag !== 'boolean' && errorFlag !== 'true' && errorFlag !== 'false') flat['error.value'] = errorFlag;
  if (Number.isFinite(durationNs)) out.durationMs = durationNs / 1e6;
  if (kind === 'metric') {
    const v = typeof metricValueRaw === 'number' ? metricValueRaw : typeof metricValueRaw === 'string' ? Number(metricValueRaw) : NaN;
    if (typeof metricName !== 'string' || !Number.isFinite(v)) return { reject: 'a metric needs a metric name and a numeric value' };
    out.metricName = metricName;
    out.metricValue = v;
  }
  return out;
}

/** Datadog log content: top-level fields, custom `attributes`, and `key:value` tags. */
function fromDatadog(content: Record<string, unknown>): Parsed {
  const { attributes, tags, ...top } = content;
  const flat = flatten(top);
  if (isObj(attributes)) {
    const custom = flatten(attributes);
    const durationNs = custom.duration;
    delete custom.duration;
    Object.assign(flat, custom);
    if (typeof durationNs === 'number') flat['event.duration'] = durationNs;
  }
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (typeof tag !== 'string') continue;
      const i = tag.indexOf(':');
      if (i > 0) {
        const k = tag.slice(0, i);
        if (!(k in flat)) flat[k] = tag.slice(i + 1);
      }
    }
  }
  return fromFlat(flat);
}

function fromLokiStream(stream: unknown): Parsed[] {
  if (!isObj(stream) || !isObj(stream.stream) || !Array.isArray(stream.values)) return [{ reject: 'Loki stream needs stream labels and values' }];
  const labels = stream.stream;
  return stream.values.map((pair) => (Array.isArray(pair) && typeof pair[1] === 'string' ? fromLoki(labels, pair[1], pair[0]) : { reject: 'Loki value is not [timestamp, line]' }));
}

/** A Loki line with its labels; a JSON line contributes its own fields. */
function fromLoki(labels: Record<string, unknown>, line: string, timestamp: unknown): Parsed {
  const flat: Record<string, unknown> = { ...labels };
  let parsedLine: unknown;
  if (line.startsWith('{')) {
    try {
      parsedLine = JSON.parse(line);
    } catch {
      parsedLine = undefined;
    }
  }
  if (isObj(parsedLine)) {
    Object.assign(flat, flatten(parsedLine));
    if (!bodyKeys.some((k) => k in flat)) flat.message = line;
  } else flat.message = line;
  if (!timeKeys.some((k) => k in flat)) flat.timestamp = timestamp;
  else flat['loki.timestamp'] = timestamp;
  const tsMs = parseTime(timestamp);
  const parsed = fromFlat(flat);
  if (!('reject' in parsed) && tsMs !== null && parsed.tsMs === null) parsed.tsMs = tsMs;
  return parsed;
}
