export interface DailyEchoOptions {
  /** Previous days looked at (0 turns the test off). */
  days: number;
  /** How far from the same time of day a previous value may be (clock jitter, a job that starts a little later). */
  toleranceMs: number;
  /** A previous day echoes the current excursion when it went the same way by at least this share of it. */
  ratio: number;
  /** Days that must echo it before the excursion counts as this series' routine at this time of day. */
  minDays: number;
}

export const defaultDailyEchoOptions: DailyEchoOptions = { days: 7, toleranceMs: 15 * 60_000, ratio: 0.7, minDays: 2 };

const slotMs = 5 * 60_000;
const dayMs = 86_400_000;

/**
 * Remembers each 5-minute slot's lowest and highest value over the last days, and tells how many of
 * the previous days had a comparable excursion at the same time of day (a nightly batch job, a
 * daily report): an excursion that recurs daily is routine for this series, not an incident.
 */
export class DailyEcho {
  private readonly slots = new Map<number, { lo: number; hi: number }>();
  private lastPurge = Number.NEGATIVE_INFINITY;
  constructor(private readonly opts: DailyEchoOptions = defaultDailyEchoOptions) {}

  /** Days (among the previous `days`) whose value near this time of day was at least `ratio` × as far from `expected`, on the same side. */
  echoes(timeMs: number, value: number, expected: number): number {
    if (this.opts.days <= 0 || !Number.isFinite(expected)) return 0;
    const excess = value - expected;
    if (excess === 0) return 0;
    const reach = Math.ceil(this.opts.toleranceMs / slotMs);
    const slot = Math.floor(timeMs / slotMs);
    let days = 0;
    for (let d = 1; d <= this.opts.days; d++) {
      const centre = slot - (d * dayMs) / slotMs;
      for (let k = -reach; k <= reach; k++) {
        const s = this.slots.get(centre + k);
        if (!s) continue;
        const past = excess > 0 ? s.hi - expected : s.lo - expected;
        if (past * Math.sign(excess) >= this.opts.ratio * Math.abs(excess)) {
          days++;
          break;
        }
      }
    }
    return days;
  }

  /** Whether the excursion recurred on at least `minDays` previous days at this time of day. */
  routine(timeMs: number, value: number, expected: number): boolean {
    return this.opts.days > 0 && this.echoes(timeMs, value, expected) >= this.opts.minDays;
  }

  observe(timeMs: number, value: number): void {
    if (this.opts.days <= 0) return;
    const slot = Math.floor(timeMs / slotMs);
    const s = this.slots.get(slot);
    if (s) {
      s.lo = Math.min(s.lo, value);
      s.hi = Math.max(s.hi, value);
    } else this.slots.set(slot, { lo: value, hi: value });
    if (timeMs - this.lastPurge > dayMs) {
      const oldest = slot - ((this.opts.days + 1) * dayMs) / slotMs - Math.ceil(this.opts.toleranceMs / slotMs);
      for (const k of this.slots.keys()) if (k < oldest) this.slots.delete(k);
      this.lastPurge = timeMs;
    }
  }
}
