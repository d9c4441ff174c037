import type { SeriesPoint } from '../series.ts';
import { ExcursionTracker, zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { RollingWindow } from './rolling.ts';

export interface RobustOptions {
  /** Points in the rolling baseline. */
  window: number;
  /** Points needed before scoring. */
  minPoints: number;
  /** |z| that maps to score 0.5. */
  threshold: number;
}

export const defaultRobustOptions: RobustOptions = { window: 288, minPoints: 30, threshold: 5 };

/** Robust scale: 1.4826 × MAD, floored so flat or discrete series do not divide by zero. */
export function robustScale(w: RollingWindow): number {
  const mad = 1.4826 * w.mad();
  const iqr = (w.quantile(0.75) - w.quantile(0.25)) / 1.349;
  const floor = Math.max(0.1 * w.std(), 1e-9 + 1e-6 * Math.abs(w.median()));
  return Math.max(mad, iqr, floor);
}

/** Median/MAD of the last `window` points: `z = (x − median) / (1.4826·MAD)`. */
export class RobustDetector implements StreamingDetector {
  readonly name = 'robust-median-mad';
  private readonly w: RollingWindow;
  private readonly excursion = new ExcursionTracker(3);
  constructor(private readonly opts: RobustOptions = defaultRobustOptions) {
    this.w = new RollingWindow(opts.window);
  }

  step(p: SeriesPoint): DetectorStep {
    let expected = Number.NaN;
    let z = 0;
    if (this.w.size >= this.opts.minPoints) {
      expected = this.w.median();
      z = (p.value - expected) / robustScale(this.w);
    }
    this.w.push(p.value);
    return { score: zScore01(z, this.opts.threshold, 0.5), value: p.value, expected, deviation: z, basis: 'level', sinceMs: this.excursion.update(p.timeMs, z) };
  }
}
