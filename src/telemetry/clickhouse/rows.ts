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
 * Fields go into one array joined once: measured ~2× less CPU than building the rows by concatenation.
 */
export function toTsv(events: readonly TelemetryEvent[], from: number, to: number): string {
  const f: string[] = [];
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    f.push(
      String(e.tsMs), e.kind, s(e.service), s(e.severity), e.isError ? '1' : '0', s(e.name), s(e.route), n(e.statusCode), n(e.durationMs), s(e.chain), s(e.appVersion), s(e.platform), s(e.country), s(e.rpcProvider),
      s(e.userId), s(e.deviceId), s(e.address), s(e.txHash), s(e.traceId), s(e.spanId), s(e.metricName), n(e.metricValue), s(e.body), `${s(e.attrs)}\n`,
    );
  }
  return f.join('\t').replace(/\n\t/g, '\n');
}
