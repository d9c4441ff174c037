import type { SeriesPoint } from '../series.ts';
import { ExcursionTracker, zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { Ewma } from './rolling.ts';

export interface EwmaOptions {
  /** Smoothing factor of mean and variance (0..1; smaller remembers longer). */
  alpha: number;
  minPoints: number;
  threshold: number;
}

export const defaultEwmaOptions: EwmaOptions = { alpha: 0.02, minPoints: 30, threshold: 5 };

/** Exponentially weighted mean and variance: `z = (x − mean) / std`. */
export class EwmaDetector implements StreamingDetector {
  readonly name = 'ewma';
  private readonly e: Ewma;
  private readonly excursion = new ExcursionTracker(3);
  constructor(private readonly opts: EwmaOptions = defaultEwmaOptions) {
    this.e = new Ewma(opts.alpha);
  }

  step(p: SeriesPoint): DetectorStep {
    let expected = Number.NaN;
    let z = 0;
    if (this.e.count >= this.opts.minPoints) {
      expected = this.e.mean;
      z = (p.value - expected) / Math.max(this.e.std(), 1e-9 + 1e-6 * Math.abs(expected));
    }
    this.e.push(p.value);
    return { score: zScore01(z, this.opts.threshold, 0.5), value: p.value, expected, deviation: z, basis: 'ewma', sinceMs: this.excursion.update(p.timeMs, z) };
  }
}
