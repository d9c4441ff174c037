import type { TelemetryEvent } from '../event.ts';
import { userKeyOf } from './user-key.ts';

/** Column order of the `events` table; the appender writes in this order. */
export const eventColumns = [
  ['ts', 'TIMESTAMP NOT NULL'],
  ['kind', 'VARCHAR NOT NULL'],
  ['service', 'VARCHAR'],
  ['severity', 'VARCHAR'],
  ['is_error', 'BOOLEAN NOT NULL'],
  ['name', 'VARCHAR'],
  ['route', 'VARCHAR'],
  ['status_code', 'INTEGER'],
  ['duration_ms', 'DOUBLE'],
  ['chain', 'VARCHAR'],
  ['app_version', 'VARCHAR'],
  ['platform', 'VARCHAR'],
  ['country', 'VARCHAR'],
  ['rpc_provider', 'VARCHAR'],
  ['user_id', 'VARCHAR'],
  ['device_id', 'VARCHAR'],
  ['address', 'VARCHAR'],
  ['tx_hash', 'VARCHAR'],
  ['trace_id', 'VARCHAR'],
  ['span_id', 'VARCHAR'],
  ['metric_name', 'VARCHAR'],
  ['metric_value', 'DOUBLE'],
  ['body', 'VARCHAR'],
  ['attrs', 'VARCHAR'],
  // Added after the first release (ALTER TABLE appends it, see `upgradeEventsTable`), hence last.
  ['user_key', 'UINTEGER'],
] as const;

export const createEventsTable = `CREATE TABLE IF NOT EXISTS events (${eventColumns.map(([n, t]) => `${n} ${t}`).join(', ')})`;

/** Column-major values of a slice of events, in `eventColumns` order (timestamps filled by the caller). */
export function toColumns(events: readonly TelemetryEvent[], from: number, to: number): unknown[][] {
  const n = to - from;
  const cols: unknown[][] = eventColumns.map(() => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const e = events[from + i]!;
    cols[1]![i] = e.kind;
    cols[2]![i] = e.service;
    cols[3]![i] = e.severity;
    cols[4]![i] = e.isError;
    cols[5]![i] = e.name;
    cols[6]![i] = e.route;
    cols[7]![i] = e.statusCode;
    cols[8]![i] = e.durationMs;
    cols[9]![i] = e.chain;
    cols[10]![i] = e.appVersion;
    cols[11]![i] = e.platform;
    cols[12]![i] = e.country;
    cols[13]![i] = e.rpcProvider;
    cols[14]![i] = e.userId;
    cols[15]![i] = e.deviceId;
    cols[16]![i] = e.address;
    cols[17]![i] = e.txHash;
    cols[18]![i] = e.traceId;
    cols[19]![i] = e.spanId;
    cols[20]![i] = e.metricName;
    cols[21]![i] = e.metricValue;
    cols[22]![i] = e.body;
    cols[23]![i] = e.attrs;
    cols[24]![i] = e.userId === null ? null : userKeyOf(e.userId);
  }
  return cols;
}
