import type { SeriesPoint } from '../series.ts';
import { ExcursionTracker, zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { robustScale } from './robust.ts';
import { RollingWindow } from './rolling.ts';

export type SeasonalProfile = 'hour-of-day' | 'day-of-week';

export interface SeasonalOptions {
  profile: SeasonalProfile;
  /** Values remembered per bucket (the most recent ones). */
  perBucket: number;
  /** Values a bucket needs before it predicts. */
  minPerBucket: number;
  /** Residuals remembered for the spread. */
  residualWindow: number;
  minResiduals: number;
  threshold: number;
}

export const defaultSeasonalOptions: SeasonalOptions = { profile: 'hour-of-day', perBucket: 36, minPerBucket: 6, residualWindow: 500, minResiduals: 50, threshold: 5 };

const hourMs = 3_600_000;

/**
 * Seasonal profile: the expected value is the median of the recent values in the same hour of the
 * day (or hour of the week); the spread is the MAD of past residuals against that profile.
 */
export class SeasonalDetector implements StreamingDetector {
  readonly name: string;
  private readonly buckets = new Map<number, RollingWindow>();
  private readonly residuals: RollingWindow;
  private readonly excursion = new ExcursionTracker(3);
  private firstMs = Number.NaN;
  constructor(private readonly opts: SeasonalOptions = defaultSeasonalOptions) {
    this.name = `seasonal-${opts.profile}`;
    this.residuals = new RollingWindow(opts.residualWindow);
  }

  private bucketOf(timeMs: number): number {
    const hour = Math.floor(timeMs / hourMs);
    return this.opts.profile === 'hour-of-day' ? hour % 24 : hour % 168;
  }

  /** The profile's expectation for a time, or NaN when that bucket has too little history. */
  expect(timeMs: number): number {
    const spanDays = (timeMs - this.firstMs) / (24 * hourMs);
    if (!(spanDays >= (this.opts.profile === 'hour-of-day' ? 2 : 14))) return Number.NaN;
    const b = this.buckets.get(this.bucketOf(timeMs));
    return b && b.size >= this.opts.minPerBucket ? b.median() : Number.NaN;
  }

  step(p: SeriesPoint): DetectorStep {
    if (Number.isNaN(this.firstMs)) this.firstMs = p.timeMs;
    const expected = this.expect(p.timeMs);
    let z = 0;
    if (!Number.isNaN(expected)) {
      const r = p.value - expected;
      if (this.residuals.size >= this.opts.minResiduals) z = (r - this.residuals.median()) / robustScale(this.residuals);
      this.residuals.push(r);
    }
    const key = this.bucketOf(p.timeMs);
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new RollingWindow(this.opts.perBucket)));
    b.push(p.value);
    return { score: zScore01(z, this.opts.threshold, 0.5), value: p.value, expected, deviation: z, basis: this.opts.profile, sinceMs: this.excursion.update(p.timeMs, z) };
  }

  /** Whether the profile can predict yet (enough residuals). */
  get ready(): boolean {
    return this.residuals.size >= this.opts.minResiduals;
  }

  residualScale(): number {
    return robustScale(this.residuals);
  }
}
