import { scrubText } from '../redaction/index.ts';
import type { EnvCount } from './report.ts';

/** Redacts every string of a JSON-like value (keys too), so nothing reaches a report unscrubbed. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v)) as T;
  if (typeof value === 'bigint') return value.toString() as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[scrubText(k)] = scrubDeep(v);
    return out as T;
  }
  return value;
}

/** Shortens text to `max` characters on a word boundary, marking the cut. */
export function trimText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Counts values in tickets and in events, most frequent first (ties by value). */
export class EnvCounter {
  private readonly rows = new Map<string, EnvCount>();
  add(value: string | null | undefined, where: 'tickets' | 'events'): void {
    if (!value) return;
    const v = value.trim();
    if (!v) return;
    const row = this.rows.get(v) ?? { value: v, tickets: 0, events: 0 };
    row[where]++;
    this.rows.set(v, row);
  }
  list(): EnvCount[] {
    return [...this.rows.values()].sort((a, b) => b.tickets + b.events - (a.tickets + a.events) || a.value.localeCompare(b.value));
  }
}

export const minIso = (xs: readonly string[]): string => xs.reduce((a, b) => (b < a ? b : a));
export const maxIso = (xs: readonly string[]): string => xs.reduce((a, b) => (b > a ? b : a));

/** Formats base units with `decimals` places, without trailing zeros. */
export function formatUnits(amount: bigint, decimals: number): string {
  const neg = amount < 0n;
  const abs = neg ? -amount : amount;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = decimals ? (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}
