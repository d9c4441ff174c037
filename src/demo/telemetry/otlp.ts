/** Collects generated spans and log records per service and renders OTLP/JSON export requests. */

type AttrValue = string | number | boolean | undefined | null;

export interface OtlpKeyValue {
  key: string;
  value: { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean };
}

/** `{ key: value }` as OTLP attributes (undefined and null are left out). */
export function attributes(values: Record<string, AttrValue>): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const [key, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') out.push({ key, value: { stringValue: v } });
    else if (typeof v === 'boolean') out.push({ key, value: { boolValue: v } });
    else if (Number.isInteger(v)) out.push({ key, value: { intValue: String(v) } });
    else out.push({ key, value: { doubleValue: v } });
  }
  return out;
}

/** Epoch milliseconds (fractions allowed) as OTLP nanoseconds. */
export function nanos(ms: number): string {
  const whole = Math.floor(ms);
  const frac = Math.round((ms - whole) * 1e6);
  return (BigInt(whole) * 1_000_000n + BigInt(frac)).toString();
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  status: { code: number; message?: string };
}

export interface OtlpLogRecord {
  timeUnixNano: string;
  severityNumber: number;
  severityText: string;
  eventName?: string;
  body: { stringValue: string };
  attributes: OtlpKeyValue[];
  traceId?: string;
  spanId?: string;
}

export const severityNumbers = { info: 9, warn: 13, error: 17 } as const;

const scopeName = 'opsdesk-demo';
const resourceBase = { 'deployment.environment': 'demo', 'telemetry.sdk.name': 'opsdesk-demo' };

/** One batch of generated records, grouped by service. */
export class OtlpBatch {
  private readonly spans = new Map<string, OtlpSpan[]>();
  private readonly logs = new Map<string, OtlpLogRecord[]>();
  spanCount = 0;
  logCount = 0;

  addSpan(service: string, span: OtlpSpan): void {
    let list = this.spans.get(service);
    if (!list) this.spans.set(service, (list = []));
    list.push(span);
    this.spanCount++;
  }

  addLog(service: string, log: OtlpLogRecord): void {
    let list = this.logs.get(service);
    if (!list) this.logs.set(service, (list = []));
    list.push(log);
    this.logCount++;
  }

  get size(): number {
    return this.spanCount + this.logCount;
  }

  /** The ExportTraceServiceRequest, or undefined when there are no spans. */
  tracesRequest(): object | undefined {
    if (!this.spanCount) return undefined;
    return { resourceSpans: [...this.spans].map(([service, spans]) => ({ resource: { attributes: attributes({ 'service.name': service, ...resourceBase }) }, scopeSpans: [{ scope: { name: scopeName }, spans }] })) };
  }

  /** The ExportLogsServiceRequest, or undefined when there are no log records. */
  logsRequest(): object | undefined {
    if (!this.logCount) return undefined;
    return { resourceLogs: [...this.logs].map(([service, logRecords]) => ({ resource: { attributes: attributes({ 'service.name': service, ...resourceBase }) }, scopeLogs: [{ scope: { name: scopeName }, logRecords }] })) };
  }
}
