import type { TelemetryEvent } from '../event.ts';

const special = /[\\\t\n\r]/;
const specialAll = /[\\\t\n\r]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A TabSeparated field: \N for NULL, backslash escapes for \ tab newline CR. */
function s(v: string | null): string {
  if (v === null) return '\\N';
  return special.test(v) ? v.replace(specialAll, (c) => escapes[c]!) : v;
}

function n(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '\\N' : String(v);
}

/**
 * Events as TabSeparated rows in `insertColumns` order (ClickHouse parses TSV faster than JSON).
 * One template literal per row appended to one string: measured ~2.3 µs per event with the UTF-8
 * encoding, vs ~3.5 µs for pushing the fields into an array, joining and fixing the row ends.
 */
export function toTsv(events: readonly TelemetryEvent[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    out += `${e.tsMs}\t${e.kind}\t${s(e.service)}\t${s(e.severity)}\t${e.isError ? '1' : '0'}\t${s(e.name)}\t${s(e.route)}\t${n(e.statusCode)}\t${n(e.durationMs)}\t${s(e.chain)}\t${s(e.appVersion)}\t${s(e.platform)}\t${s(e.country)}\t${s(e.rpcProvider)}\t${s(e.userId)}\t${s(e.deviceId)}\t${s(e.address)}\t${s(e.txHash)}\t${s(e.traceId)}\t${s(e.spanId)}\t${s(e.metricName)}\t${n(e.metricValue)}\t${s(e.body)}\t${s(e.attrs)}\n`;
  }
  return out;
}
