import type { SeriesPoint } from '../series.ts';
import { ExcursionTracker, zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { robustScale } from './robust.ts';
import { RollingWindow } from './rolling.ts';

export interface VolatilityOptions {
  /** Recent steps whose mean absolute change is measured. */
  recent: number;
  /** Past measurements that form the reference. */
  reference: number;
  minReference: number;
  threshold: number;
}

export const defaultVolatilityOptions: VolatilityOptions = { recent: 12, reference: 2000, minReference: 200, threshold: 4 };

/**
 * Volatility change: the mean absolute step of the last `recent` points, on a log scale, against
 * its own history. Fires both on a series that turns jittery and on one that goes flat (a stalled
 * counter, a stuck sensor, a node that stopped producing blocks).
 */
export class VolatilityDetector implements StreamingDetector {
  readonly name = 'volatility';
  private readonly steps: RollingWindow;
  private readonly history: RollingWindow;
  private readonly excursion = new ExcursionTracker(3);
  private prev = Number.NaN;
  private floor = 0;
  constructor(private readonly opts: VolatilityOptions = defaultVolatilityOptions) {
    this.steps = new RollingWindow(opts.recent);
    this.history = new RollingWindow(opts.reference);
  }

  step(p: SeriesPoint): DetectorStep {
    let z = 0;
    let expected = Number.NaN;
    if (!Number.isNaN(this.prev)) {
      const d = Math.abs(p.value - this.prev);
      if (d > 0) this.floor = this.floor === 0 ? d : Math.min(this.floor, d);
      this.steps.push(d);
    }
    this.prev = p.value;
    if (this.steps.size === this.opts.recent && this.floor > 0) {
      const v = Math.log(this.steps.mean() + this.floor / 10);
      if (this.history.size >= this.opts.minReference) {
        expected = Math.exp(this.history.median());
        z = (v - this.history.median()) / robustScale(this.history);
      }
      this.history.push(v);
    }
    return { score: zScore01(z, this.opts.threshold, 0.5), value: p.value, expected, deviation: z, basis: 'volatility', sinceMs: this.excursion.update(p.timeMs, z) };
  }
}
