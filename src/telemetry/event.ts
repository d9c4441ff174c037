import { z } from 'zod';

export const eventKinds = ['log', 'span', 'metric'] as const;
export type EventKind = (typeof eventKinds)[number];

export const severities = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type Severity = (typeof severities)[number];

/** One stored telemetry row: common fields as columns, the rest of the attributes as JSON. Every string is already redacted. */
export interface TelemetryEvent {
  /** Event time, epoch milliseconds. */
  tsMs: number;
  kind: EventKind;
  service: string | null;
  severity: Severity | null;
  isError: boolean;
  name: string | null;
  route: string | null;
  statusCode: number | null;
  durationMs: number | null;
  chain: string | null;
  appVersion: string | null;
  platform: string | null;
  country: string | null;
  rpcProvider: string | null;
  userId: string | null;
  deviceId: string | null;
  address: string | null;
  txHash: string | null;
  traceId: string | null;
  spanId: string | null;
  metricName: string | null;
  metricValue: number | null;
  body: string | null;
  /** Remaining attributes, serialised JSON object text. */
  attrs: string;
}

/** An event with the given fields and every other one empty (a log with no attributes unless `kind`/`attrs` say otherwise). */
export function telemetryEvent(fields: Partial<TelemetryEvent> & { tsMs: number }): TelemetryEvent {
  return {
    kind: 'log', service: null, severity: null, isError: false, name: null, route: null, statusCode: null, durationMs: null, chain: null, appVersion: null, platform: null, country: null,
    rpcProvider: null, userId: null, deviceId: null, address: null, txHash: null, traceId: null, spanId: null, metricName: null, metricValue: null, body: null, attrs: '{}',
    ...fields,
  };
}

/** String columns that may be filtered on and grouped by (the allowlist for user-chosen columns). */
export const dimensionColumns = {
  service: 'service',
  severity: 'severity',
  kind: 'kind',
  name: 'name',
  route: 'route',
  statusCode: 'status_code',
  chain: 'chain',
  appVersion: 'app_version',
  platform: 'platform',
  country: 'country',
  rpcProvider: 'rpc_provider',
  metricName: 'metric_name',
} as const;
export type Dimension = keyof typeof dimensionColumns;
export const dimensions = Object.keys(dimensionColumns) as Dimension[];

/** Identity columns that find one user's events. */
export const identityColumns = {
  userId: 'user_id',
  deviceId: 'device_id',
  address: 'address',
  txHash: 'tx_hash',
  traceId: 'trace_id',
} as const;
export type Identity = keyof typeof identityColumns;

/** A group-by key: a dimension name, or `attr.<dotted.path>` into the JSON attributes. */
export const GroupKey = z.string().max(200).refine((k) => (dimensions as string[]).includes(k) || /^attr\.[A-Za-z0-9_.:-]{1,150}$/.test(k), {
  message: `must be one of ${dimensions.join(', ')} or attr.<attribute.key>`,
});

/** Attribute keys (OpenTelemetry semantic conventions, our `wallet.*` names, and common flat spellings) that fill each column. */
export const columnAliases: Record<string, readonly string[]> = {
  service: ['service.name', 'service', 'serviceName', 'app', 'application'],
  route: ['http.route', 'route', 'url.path', 'http.target', 'path', 'endpoint', 'http.url_details.path'],
  statusCode: ['http.response.status_code', 'http.status_code', 'statusCode', 'status_code', 'http.status', 'rpc.status_code', 'status'],
  durationMs: ['durationMs', 'duration_ms', 'latencyMs', 'latency_ms', 'elapsed_ms'],
  chain: ['wallet.chain.id', 'wallet.chain', 'chain', 'chainId', 'chain_id', 'network'],
  appVersion: ['app.version', 'wallet.app.version', 'appVersion', 'app_version', 'client.version', 'version'],
  platform: ['platform', 'device.platform', 'os.type', 'os.name', 'client.platform'],
  country: ['geo.country.iso_code', 'client.geo.country_iso_code', 'country', 'countryCode', 'country_code', 'network.client.geoip.country.iso_code'],
  rpcProvider: ['wallet.rpc.provider', 'rpc.provider', 'rpcProvider', 'rpc_provider', 'wallet.rpc.node', 'provider'],
  userId: ['user.id', 'user.hash', 'userId', 'user_id', 'usr.id', 'enduser.id'],
  deviceId: ['device.id', 'deviceId', 'device_id'],
  address: ['wallet.address', 'address', 'walletAddress', 'wallet_address'],
  txHash: ['wallet.tx.hash', 'txHash', 'tx_hash', 'transactionHash', 'tx.hash'],
  traceId: ['trace_id', 'traceId', 'trace.id', 'dd.trace_id', 'traceID'],
  spanId: ['span_id', 'spanId', 'span.id', 'dd.span_id', 'spanID'],
};

/** Attribute key -> column, built once from `columnAliases`. */
export const aliasToColumn: ReadonlyMap<string, string> = new Map(Object.entries(columnAliases).flatMap(([col, keys]) => keys.map((k) => [k, col] as const)));
