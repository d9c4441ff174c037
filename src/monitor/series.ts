import { SeriesCsvInvalidError } from './errors.ts';

/** One observation of a numeric series; `timestamp` is kept exactly as it was given. */
export interface SeriesPoint {
  timestamp: string;
  /** Milliseconds since the epoch; naive timestamps are read as UTC. */
  timeMs: number;
  value: number;
}

const naive = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

/** Reads a timestamp (ISO 8601, `YYYY-MM-DD HH:MM[:SS[.fff]]` read as UTC, or epoch seconds/ms); NaN when it is none of these. */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  const m = naive.exec(s);
  if (m) {
    const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) + Math.round(frac);
  }
  if (/^\d{9,13}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n < 1e11 ? n * 1000 : n;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return Date.parse(s);
  return Number.NaN;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Parses a `timestamp,value` CSV with a header. Rows are taken as a stream in file order (real
 * exports have clock jitter, so a timestamp may step back); a bad row is an error naming its line
 * (1-based, the header is line 1). Blank lines are skipped.
 */
export function parseSeriesCsv(text: string, file = 'input'): SeriesPoint[] {
  const lines = text.split(/\r?\n/);
  let header = true;
  const points: SeriesPoint[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    const cols = splitCsvLine(line);
    if (header) {
      header = false;
      if (cols.length < 2) throw new SeriesCsvInvalidError(file, i + 1, `the header needs at least two columns (timestamp,value), got ${JSON.stringify(line.slice(0, 80))}.`);
      continue;
    }
    if (cols.length < 2) throw new SeriesCsvInvalidError(file, i + 1, `expected two columns (timestamp,value), got ${JSON.stringify(line.slice(0, 80))}.`);
    const timestamp = cols[0]!.trim();
    const timeMs = parseTimestamp(timestamp);
    if (!Number.isFinite(timeMs)) throw new SeriesCsvInvalidError(file, i + 1, `${JSON.stringify(timestamp.slice(0, 40))} is not a timestamp.`);
    const raw = cols[1]!.trim();
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) throw new SeriesCsvInvalidError(file, i + 1, `${JSON.stringify(raw.slice(0, 40))} is not a number.`);
    points.push({ timestamp, timeMs, value });
  }
  if (header) throw new SeriesCsvInvalidError(file, 1, 'the file is empty (a header line is required).');
  return points;
}
