import type { SeriesPoint } from '../series.ts';
import { ChangePointDetector, defaultChangePointOptions, type ChangePointOptions } from './change-point.ts';
import { type DetectorStep, type StreamingDetector } from './detector.ts';
import { defaultEwmaOptions, EwmaDetector, type EwmaOptions } from './ewma.ts';
import { defaultRobustOptions, RobustDetector, robustScale, type RobustOptions } from './robust.ts';
import { RollingWindow } from './rolling.ts';
import { defaultVolatilityOptions, VolatilityDetector, type VolatilityOptions } from './volatility.ts';
import { defaultSeasonalOptions, SeasonalDetector, type SeasonalOptions } from './seasonal.ts';

export interface CombinedOptions {
  level: RobustOptions;
  ewma: EwmaOptions;
  hourOfDay: SeasonalOptions;
  dayOfWeek: SeasonalOptions;
  changePoint: ChangePointOptions;
  volatility: VolatilityOptions;
  /** |z| of a volatility change that scores 0.5. */
  volatilityThreshold: number;
  /** Smoothing of each baseline's absolute error, used to pick the baseline that predicts best. */
  errorAlpha: number;
  /** |z| of a single point that scores 0.5. */
  pointThreshold: number;
  /** |z| of a level shift that scores 0.5. */
  shiftThreshold: number;
  /** Past |z| values remembered to judge how unusual the current one is for this series. */
  historyWindow: number;
  /** A point must also exceed `historyFactor` × this quantile of the remembered |z| values to score above 0.5. */
  historyQuantile: number;
  historyFactor: number;
  /** `best`: deviation against the baseline with the lowest recent error; `consensus`: the smallest deviation over every ready baseline. */
  selection: 'best' | 'consensus';
  /** A deviation seen more than `maxSimilar` times (within `similarRatio` of it) in the history window is routine for this series. */
  maxSimilar: number;
  similarRatio: number;
  /** Take each baseline's z from the spread of its own past residuals (instead of the spread of the values). */
  residualZ: boolean;
  residualWindow: number;
  /** Steepness of the score around the effective threshold. */
  sharpness: number;
}

export const defaultCombinedOptions: CombinedOptions = {
  level: defaultRobustOptions,
  ewma: defaultEwmaOptions,
  hourOfDay: defaultSeasonalOptions,
  dayOfWeek: { ...defaultSeasonalOptions, profile: 'day-of-week', perBucket: 8, minPerBucket: 3 },
  changePoint: defaultChangePointOptions,
  volatility: { ...defaultVolatilityOptions, recent: 24 },
  volatilityThreshold: 5,
  errorAlpha: 0.01,
  pointThreshold: 6,
  shiftThreshold: 4,
  historyWindow: 2000,
  historyQuantile: 0.999,
  historyFactor: 0.5,
  sharpness: 8,
  residualZ: true,
  residualWindow: 500,
  maxSimilar: 10,
  similarRatio: 0.9,
  selection: 'best',
};

interface Candidate {
  detector: StreamingDetector;
  error: number;
  residuals: RollingWindow;
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
  private readonly volatility: VolatilityDetector;
  private readonly volatilityHistory: RollingWindow;
  constructor(private readonly opts: CombinedOptions = defaultCombinedOptions) {
    const detectors: StreamingDetector[] = [new RobustDetector(opts.level), new EwmaDetector(opts.ewma), new SeasonalDetector(opts.hourOfDay), new SeasonalDetector(opts.dayOfWeek)];
    this.candidates = detectors.map((detector) => ({ detector, error: Number.NaN, residuals: new RollingWindow(opts.residualWindow) }));
    this.shift = new ChangePointDetector(opts.changePoint);
    this.history = new RollingWindow(opts.historyWindow);
    this.shiftHistory = new RollingWindow(opts.historyWindow);
    this.volatility = new VolatilityDetector(opts.volatility);
    this.volatilityHistory = new RollingWindow(opts.historyWindow);
  }

  step(p: SeriesPoint): DetectorStep {
    let best: { step: DetectorStep; error: number } | undefined;
    for (const c of this.candidates) {
      let s = c.detector.step(p);
      if (Number.isNaN(s.expected)) continue;
      if (this.opts.residualZ) {
        const r = p.value - s.expected;
        const z = c.residuals.size >= 50 ? (r - c.residuals.median()) / robustScale(c.residuals) : 0;
        c.residuals.push(r);
        s = { ...s, deviation: z };
      }
      const usable = !Number.isNaN(c.error) && s.deviation !== 0;
      const better = this.opts.selection === 'best' ? !best || c.error < best.error : !best || Math.abs(s.deviation) < Math.abs(best.step.deviation);
      if (usable && better) best = { step: s, error: c.error };
      const e = Math.abs(p.value - s.expected);
      c.error = Number.isNaN(c.error) ? e : c.error + this.opts.errorAlpha * (e - c.error);
    }
    const shift = this.shift.step(p);
    const point = best?.step ?? { score: 0, value: p.value, expected: Number.NaN, deviation: 0, basis: 'level', sinceMs: p.timeMs };
    const pointScore = this.relativeScore(point.deviation, this.opts.pointThreshold, this.history);
    const shiftScore = this.relativeScore(shift.deviation, this.opts.shiftThreshold, this.shiftHistory);
    const vol = this.volatility.step(p);
    const volScore = this.relativeScore(vol.deviation, this.opts.volatilityThreshold, this.volatilityHistory);
    if (!Number.isNaN(vol.expected)) this.volatilityHistory.push(Math.min(Math.abs(vol.deviation), 1e6));
    if (best) this.history.push(Math.min(Math.abs(point.deviation), 1e6));
    if (!Number.isNaN(shift.expected)) this.shiftHistory.push(Math.min(Math.abs(shift.deviation), 1e6));
    if (volScore > pointScore && volScore > shiftScore) return { ...vol, score: volScore };
    return shiftScore > pointScore ? { ...shift, score: shiftScore } : { ...point, score: pointScore };
  }

  /**
   * Score of a deviation against an effective threshold: the fixed one, raised to `historyFactor`
   * × the `historyQuantile` of this series' own past |z| when its deviations are usually large.
   */
  private relativeScore(z: number, threshold: number, past: RollingWindow): number {
    if (z === 0 || Number.isNaN(z)) return 0;
    const usual = past.size >= 100 ? this.opts.historyFactor * past.quantile(this.opts.historyQuantile) : 0;
    let effective = Math.max(threshold, usual);
    if (past.size >= 100) {
      const similar = past.tailFraction(this.opts.similarRatio * Math.abs(z)) * past.size;
      if (similar > this.opts.maxSimilar) effective = Math.max(effective, past.quantile(1 - (this.opts.maxSimilar + 1) / past.size) / this.opts.similarRatio);
    }
    return 1 / (1 + Math.exp(-this.opts.sharpness * (Math.abs(z) / effective - 1)));
  }
}
