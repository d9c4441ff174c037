import type { SeriesPoint } from '../series.ts';
import { ChangePointDetector, defaultChangePointOptions, type ChangePointOptions } from './change-point.ts';
import { zScore01, type DetectorStep, type StreamingDetector } from './detector.ts';
import { defaultEwmaOptions, EwmaDetector, type EwmaOptions } from './ewma.ts';
import { defaultRobustOptions, RobustDetector, type RobustOptions } from './robust.ts';
import { RollingWindow } from './rolling.ts';
import { defaultSeasonalOptions, SeasonalDetector, type SeasonalOptions } from './seasonal.ts';

export interface CombinedOptions {
  level: RobustOptions;
  ewma: EwmaOptions;
  hourOfDay: SeasonalOptions;
  dayOfWeek: SeasonalOptions;
  changePoint: ChangePointOptions;
  /** Smoothing of each baseline's absolute error, used to pick the baseline that predicts best. */
  errorAlpha: number;
  /** |z| of a single point that scores 0.5. */
  pointThreshold: number;
  /** |z| of a level shift that scores 0.5. */
  shiftThreshold: number;
  /** Past |z| values remembered to judge how unusual the current one is for this series. */
  historyWindow: number;
  /** A point must also exceed this quantile of the remembered |z| values to score above 0.5. */
  historyQuantile: number;
}

export const defaultCombinedOptions: CombinedOptions = {
  level: defaultRobustOptions,
  ewma: defaultEwmaOptions,
  hourOfDay: defaultSeasonalOptions,
  dayOfWeek: { ...defaultSeasonalOptions, profile: 'day-of-week', perBucket: 8, minPerBucket: 3 },
  changePoint: defaultChangePointOptions,
  errorAlpha: 0.01,
  pointThreshold: 5,
  shiftThreshold: 4,
  historyWindow: 2000,
  historyQuantile: 0.999,
};

interface Candidate {
  detector: StreamingDetector;
  error: number;
}

/**
 * The default detector: runs the level (median/MAD), EWMA, hour-of-day and day-of-week baselines
 * and the change-point test side by side; a point's deviation is taken against whichever baseline
 * has predicted this series best so far, and only counts as anomalous when it is also rare among
 * this series' own past deviations. The score is the larger of the point and the shift evidence.
 */
export class CombinedDetector implements StreamingDetector {
  readonly name = 'opsdesk-combined';
  private readonly candidates: Candidate[];
  private readonly shift: ChangePointDetector;
  private readonly history: RollingWindow;
  private readonly shiftHistory: RollingWindow;
  constructor(private readonly opts: CombinedOptions = defaultCombinedOptions) {
    this.candidates = [new RobustDetector(opts.level), new EwmaDetector(opts.ewma), new SeasonalDetector(opts.hourOfDay), new SeasonalDetector(opts.dayOfWeek)].map((detector) => ({
      detector,
      error: Number.NaN,
    }));
    this.shift = new ChangePointDetector(opts.changePoint);
    this.history = new RollingWindow(opts.historyWindow);
    this.shiftHistory = new RollingWindow(opts.historyWindow);
  }

  step(p: SeriesPoint): DetectorStep {
    let best: { step: DetectorStep; error: number } | undefined;
    for (const c of this.candidates) {
      const s = c.detector.step(p);
      if (Number.isNaN(s.expected)) continue;
      const usable = !Number.isNaN(c.error) && s.deviation !== 0;
      if (usable && (!best || c.error < best.error)) best = { step: s, error: c.error };
      const e = Math.abs(p.value - s.expected);
      c.error = Number.isNaN(c.error) ? e : c.error + this.opts.errorAlpha * (e - c.error);
    }
    const shift = this.shift.step(p);
    const point = best?.step ?? { score: 0, value: p.value, expected: Number.NaN, deviation: 0, basis: 'level', sinceMs: p.timeMs };
    const pointScore = this.gate(zScore01(point.deviation, this.opts.pointThreshold, 0.5), Math.abs(point.deviation), this.history);
    const shiftScore = this.gate(zScore01(shift.deviation, this.opts.shiftThreshold, 0.5), Math.abs(shift.deviation), this.shiftHistory);
    if (best) this.history.push(Math.min(Math.abs(point.deviation), 1e6));
    if (!Number.isNaN(shift.expected)) this.shiftHistory.push(Math.min(Math.abs(shift.deviation), 1e6));
    return shiftScore > pointScore ? { ...shift, score: shiftScore } : { ...point, score: pointScore };
  }

  /** Caps a score below 0.5 unless |z| is also rare among this series' own past |z|. */
  private gate(score: number, absZ: number, past: RollingWindow): number {
    if (score < 0.5 || past.size < 100) return score;
    const usual = past.quantile(this.opts.historyQuantile);
    if (absZ > usual) return score;
    return Math.min(score, 0.49 * (absZ / Math.max(usual, 1e-9)));
  }
}
