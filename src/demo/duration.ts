import { ValidationError } from '../core/index.ts';

/** Parses "20s", "3m", "1500ms" or a bare number of milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!m) throw new ValidationError(`${flag} must be a duration like 20s, 3m or 1500ms, got ${JSON.stringify(text)}.`);
  const n = Number(m[1]);
  return Math.round(n * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 1));
}
