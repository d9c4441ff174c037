import { z } from 'zod';
import { SlaSettingsInvalidError } from './errors.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');

/** A business-hours period of one day; `end` before `start` runs overnight into the next day, `24:00` is midnight. */
export const BusinessPeriod = z.object({ start: hhmm, end: hhmm });
export type BusinessPeriod = z.infer<typeof BusinessPeriod>;

/** Business hours in a time zone: several periods per weekday, and holidays (local dates, `YYYY-MM-DD`) with no new periods. */
export const BusinessCalendar = z.object({
  timeZone: z.string().describe('IANA time zone, e.g. America/Sao_Paulo.'),
  periods: z.partialRecord(z.enum(weekdays), z.array(BusinessPeriod)).describe('Open periods per weekday (local time).'),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]).describe('Local dates on which no period starts.'),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** Round the clock, every day. */
export const alwaysOpen: BusinessCalendar = { timeZone: 'UTC', periods: Object.fromEntries(weekdays.map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

export type Interval = readonly [startMs: number, endMs: number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new SlaSettingsInvalidError(`unknown time zone ${JSON.stringify(timeZone)}`, ['Use an IANA name such as America/Sao_Paulo, America/Mexico_City or America/New_York.']);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local calendar fields of an instant in a time zone. */
export function localParts(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMs(ms, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds() };
}

// UTC offsets change only at transitions, which fall on quarter hours of UTC in the time-zone database
// for every zone in use today: one Intl lookup per zone and quarter hour serves every instant in it.
const quarterHourMs = 15 * 60_000;
const offsets = new Map<string, number>();

function formattedOffset(ms: number, timeZone: string): number {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return Date.UTC(out.year!, out.month! - 1, out.day!, out.hour! % 24, out.minute!, out.second!) - Math.floor(ms / 1000) * 1000;
}

/** UTC offset of a time zone at an instant, in ms (São Paulo: −3 h). */
export function offsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / quarterHourMs) * quarterHourMs;
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = formattedOffset(bucket, timeZone);
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant of a local wall time (minutes may pass 1440 for the next day). A time skipped by a DST
 * change moves forward by the gap (00:30 on a São Paulo DST start day is 01:30); a repeated time is the earlier one.
 */
export function localToUtc(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = offsetMs(guess, timeZone);
  const t = guess - first;
  const second = offsetMs(t, timeZone);
  if (second === first) return t;
  const t2 = guess - second;
  return offsetMs(t2, timeZone) === second ? t2 : t;
}

const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Checks a calendar (time zone exists, some open period) and returns it parsed. */
export function checkCalendar(input: unknown): BusinessCalendar {
  const r = BusinessCalendar.safeParse(input);
  if (!r.success) throw new SlaSettingsInvalidError('a business calendar is malformed', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  formatter(r.data.timeZone);
  const open = Object.values(r.data.periods).some((ps) => ps?.some((p) => p.start !== p.end));
  if (!open) throw new SlaSettingsInvalidError('a business calendar has no open period', ['Give at least one period, e.g. "mon": [{ "start": "09:00", "end": "18:00" }].']);
  return r.data;
}

const dayCache = new WeakMap<BusinessCalendar, Map<number, Interval[]>>();

/** The open intervals of one local date (UTC ms at local midnight of the date as a plain day number), cached per calendar. */
function periodsOfDay(cal: BusinessCalendar, date: number): Interval[] {
  let cache = dayCache.get(cal);
  if (!cache) dayCache.set(cal, (cache = new Map()));
  const hit = cache.get(date);
  if (hit) return hit;
  const d = new Date(date);
  const out: Interval[] = [];
  if (!cal.holidays.includes(d.toISOString().slice(0, 10))) {
    const periods = [...(cal.periods[weekdays[d.getUTCDay()]!] ?? [])].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (const p of periods) {
      const s = minutesOf(p.start);
      let e = minutesOf(p.end);
      if (e === s) continue;
      if (e < s) e += 1440;
      const a = localToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), s, cal.timeZone);
      const b = localToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), e, cal.timeZone);
      if (b > a) out.push([a, b]);
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(date, out);
  return out;
}

function* dayIntervals(cal: BusinessCalendar, fromMs: number): Generator<Interval> {
  const start = localParts(fromMs, cal.timeZone);
  // Begin a day early: yesterday's overnight period may still be running.
  let date = Date.UTC(start.year, start.month - 1, start.day) - 86_400_000;
  for (let i = 0; i < 3700; i++, date += 86_400_000) yield* periodsOfDay(cal, date);
  throw new SlaSettingsInvalidError('the business calendar has no open time in ten years');
}

const roundTheClock = new WeakMap<BusinessCalendar, boolean>();

/** Whether a calendar is open all the time (every weekday 00:00–24:00, no holidays): its open time is wall time. */
function isRoundTheClock(cal: BusinessCalendar): boolean {
  let r = roundTheClock.get(cal);
  if (r === undefined) {
    r = !cal.holidays.length && weekdays.every((d) => cal.periods[d]?.some((p) => p.start === '00:00' && p.end === '24:00'));
    roundTheClock.set(cal, r);
  }
  return r;
}

/** Open intervals from an instant on, clipped to it, without overlaps and in order (minus the given pauses, which may be open-ended). */
export function* openIntervals(cal: BusinessCalendar, fromMs: number, pauses: readonly Interval[] = []): Generator<Interval> {
  const sortedPauses = [...pauses].sort((x, y) => x[0] - y[0]);
  const stopAt = Math.min(...sortedPauses.filter((p) => !Number.isFinite(p[1])).map((p) => p[0]));
  // Round the clock: one interval instead of one per day (a ticket months old costs as little as a new one).
  if (isRoundTheClock(cal)) {
    if (fromMs < stopAt) yield* subtract([fromMs, Infinity], sortedPauses);
    return;
  }
  let lastEnd = fromMs;
  for (const [a0, b] of dayIntervals(cal, fromMs)) {
    // An overnight period may overlap the next day's first one: count that time once.
    const a = Math.max(a0, lastEnd);
    if (b <= a) continue;
    if (a >= stopAt) return;
    lastEnd = b;
    yield* subtract([a, b], sortedPauses);
  }
}

function* subtract(iv: Interval, pauses: readonly Interval[]): Generator<Interval> {
  const b = iv[1];
  let a = iv[0];
  for (const [pa, pb] of pauses) {
    if (pb <= a || pa >= b) continue;
    if (pa > a) yield [a, pa];
    a = Math.max(a, pb);
    if (a >= b) return;
  }
  if (a < b) yield [a, b];
}

/** Open (business) time between two instants, minus pauses, in ms. */
export function businessTimeBetween(cal: BusinessCalendar, fromMs: number, toMs: number, pauses: readonly Interval[] = []): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  for (const [a, b] of openIntervals(cal, fromMs, pauses)) {
    if (a >= toMs) break;
    total += Math.min(b, toMs) - a;
    if (b >= toMs) break;
  }
  return total;
}

/** The instant at which `durationMs` of open time (minus pauses) has passed since `fromMs`; undefined when an open-ended pause stops the clock first. */
export function addBusinessTime(cal: BusinessCalendar, fromMs: number, durationMs: number, pauses: readonly Interval[] = []): number | undefined {
  let left = durationMs;
  if (left <= 0) return fromMs;
  for (const [a, b] of openIntervals(cal, fromMs, pauses)) {
    if (b - a >= left) return a + left;
    left -= b - a;
  }
  return undefined;
}

/** Whether an instant falls in open hours. */
export function isOpenAt(cal: BusinessCalendar, ms: number): boolean {
  const first = openIntervals(cal, ms).next();
  return !first.done && first.value[0] <= ms && ms < first.value[1];
}
