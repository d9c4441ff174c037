import type { SeriesPoint } from '../series.ts';
import { zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { robustScale } from './robust.ts';
import { RollingWindow } from './rolling.ts';

export interface ChangePointOptions {
  /** Recent points whose median is tested. */
  recent: number;
  /** Points before them that form the reference. */
  reference: number;
  minReference: number;
  threshold: number;
}

export const defaultChangePointOptions: ChangePointOptions = { recent: 12, reference: 288, minReference: 60, threshold: 4 };

/**
 * Level shift / change point: the median of the last `recent` points against the median of the
 * `reference` points before them, in robust spread units. One spike does not move a median, a
 * sustained shift does; `sinceMs` is when the shifted run began.
 */
export class ChangePointDetector implements StreamingDetector {
  readonly name = 'change-point';
  private readonly recentW: RollingWindow;
  private readonly refW: RollingWindow;
  private readonly queue: SeriesPoint[] = [];
  constructor(private readonly opts: ChangePointOptions = defaultChangePointOptions) {
    this.recentW = new RollingWindow(opts.recent);
    this.refW = new RollingWindow(opts.reference);
  }

  step(p: SeriesPoint): DetectorStep {
    this.recentW.push(p.value);
    this.queue.push(p);
    if (this.queue.length > this.opts.recent) this.refW.push(this.queue.shift()!.value);
    let expected = Number.NaN;
    let z = 0;
    if (this.refW.size >= this.opts.minReference && this.recentW.size === this.opts.recent) {
      expected = this.refW.median();
      const scale = robustScale(this.refW);
      z = (this.recentW.median() - expected) / scale;
    }
    let sinceMs = p.timeMs;
    if (z !== 0) {
      const side = Math.sign(z);
      for (const q of this.queue) {
        if ((q.value - expected) * side > 0) {
          sinceMs = q.timeMs;
          break;
        }
      }
    }
    return { score: zScore01(z, this.opts.threshold, 0.5), value: p.value, expected, deviation: z, basis: 'shift', sinceMs };
  }
}
