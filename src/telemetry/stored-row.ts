import type { StoredEvent } from './store.ts';

/** A result row of a store's SQL, column names as in both stores' schemas (snake_case). */
export type StoredRow = Record<string, unknown>;

export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function numOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isNaN(n) ? null : n;
}

/** The stored attributes JSON; a value that is not valid JSON reads as no attributes. */
export function parseAttrs(v: unknown): Record<string, unknown> {
  if (typeof v !== 'string') return {};
  try {
    return JSON.parse(v) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The group-by values of an aggregate row (selected as g0, g1, …) keyed by dimension. */
export function groupOf(r: StoredRow, keys: readonly string[]): Record<string, string | null> {
  const g: Record<string, string | null> = {};
  keys.forEach((k, i) => (g[k] = str(r[`g${i}`])));
  return g;
}

/** One event row as the port returns it; the store converts its own timestamp and boolean encodings. */
export function storedEventFrom(r: StoredRow, ts: string, isError: boolean): StoredEvent {
  return {
    ts,
    kind: r.kind as StoredEvent['kind'],
    service: str(r.service),
    severity: str(r.severity) as StoredEvent['severity'],
    isError,
    name: str(r.name),
    route: str(r.route),
    statusCode: numOrNull(r.status_code),
    durationMs: numOrNull(r.duration_ms),
    chain: str(r.chain),
    appVersion: str(r.app_version),
    platform: str(r.platform),
    country: str(r.country),
    rpcProvider: str(r.rpc_provider),
    userId: str(r.user_id),
    deviceId: str(r.device_id),
    address: str(r.address),
    txHash: str(r.tx_hash),
    traceId: str(r.trace_id),
    spanId: str(r.span_id),
    metricName: str(r.metric_name),
    metricValue: numOrNull(r.metric_value),
    body: str(r.body),
    attrs: parseAttrs(r.attrs),
  };
}
