import type { SeriesPoint } from '../series.ts';
import { DailyEcho, defaultDailyEchoOptions, type DailyEchoOptions } from './daily-echo.ts';
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
  /**
   * How the point, shift and volatility strengths become one: `max` takes the strongest; `rss` their
   * root sum of squares, so two pieces of evidence that agree (a spike that is also a shift) count
   * more than either alone.
   */
  combination: 'max' | 'rss';
  /** A point (or volatility) excursion that recurred at this time of day on previous days is routine (scores 0). */
  dailyEcho: DailyEchoOptions;
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
  combination: 'rss',
  dailyEcho: defaultDailyEchoOptions,
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
 * this series' own past deviations. The score combines the point, shift and volatility evidence
 * (root sum of squares of their strengths by default).
 */
export class CombinedDetector implements StreamingDetector {
  readonly name = 'opsdesk-combined';
  private readonly candidates: Candidate[];
  private readonly shift: ChangePointDetector;
  private readonly history: RollingWindow;
  private readonly shiftHistory: RollingWindow;
  private readonly volatility: VolatilityDetector;
  private readonly volatilityHistory: RollingWindow;
  private readonly echo: DailyEcho;
  private readonly volatilityEcho: DailyEcho;
  /** The strengths (|z| over the effective threshold) of the three pieces of evidence behind the last step (for benchmarks and tuning). */
  lastParts = { point: 0, shift: 0, volatility: 0 };
  constructor(private readonly opts: CombinedOptions = defaultCombinedOptions) {
    const detectors: StreamingDetector[] = [new RobustDetector(opts.level), new EwmaDetector(opts.ewma), new SeasonalDetector(opts.hourOfDay), new SeasonalDetector(opts.dayOfWeek)];
    this.candidates = detectors.map((detector) => ({ detector, error: Number.NaN, residuals: new RollingWindow(opts.residualWindow) }));
    this.shift = new ChangePointDetector(opts.changePoint);
    this.history = new RollingWindow(opts.historyWindow);
    this.shiftHistory = new RollingWindow(opts.historyWindow);
    this.volatility = new VolatilityDetector(opts.volatility);
    this.volatilityHistory = new RollingWindow(opts.historyWindow);
    this.echo = new DailyEcho(opts.dailyEcho);
    this.volatilityEcho = new DailyEcho(opts.dailyEcho);
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
    let pointStrength = this.strength(point.deviation, this.opts.pointThreshold, this.history);
    if (pointStrength >= 0.7 && this.echo.routine(p.timeMs, p.value, point.expected)) pointStrength = 0;
    this.echo.observe(p.timeMs, p.value);
    const shiftStrength = this.strength(shift.deviation, this.opts.shiftThreshold, this.shiftHistory);
    const vol = this.volatility.step(p);
    let volStrength = this.strength(vol.deviation, this.opts.volatilityThreshold, this.volatilityHistory);
    // The same for volatility, on its deviation: a burst of jitter at the same time every day is routine too.
    if (volStrength >= 0.7 && this.volatilityEcho.routine(p.timeMs, vol.deviation, 0)) volStrength = 0;
    if (!Number.isNaN(vol.expected)) this.volatilityEcho.observe(p.timeMs, vol.deviation);
    if (!Number.isNaN(vol.expected)) this.volatilityHistory.push(Math.min(Math.abs(vol.deviation), 1e6));
    if (best) this.history.push(Math.min(Math.abs(point.deviation), 1e6));
    if (!Number.isNaN(shift.expected)) this.shiftHistory.push(Math.min(Math.abs(shift.deviation), 1e6));
    this.lastParts = { point: pointStrength, shift: shiftStrength, volatility: volStrength };
    const strength = this.opts.combination === 'rss' ? Math.hypot(pointStrength, shiftStrength, volStrength) : Math.max(pointStrength, shiftStrength, volStrength);
    // The explanation (expected value, basis, start) comes from the strongest piece of evidence.
    const lead = volStrength > pointStrength && volStrength > shiftStrength ? vol : shiftStrength > pointStrength ? shift : point;
    return { ...lead, score: this.score(strength), strength };
  }

  /**
   * Strength of a deviation: |z| over an effective threshold, the fixed one raised to
   * `historyFactor` × the `historyQuantile` of this series' own past |z| when its deviations are
   * usually large (1 = at the threshold, the score's 0.5).
   */
  private strength(z: number, threshold: number, past: RollingWindow): number {
    if (z === 0 || Number.isNaN(z)) return 0;
    const usual = past.size >= 100 ? this.opts.historyFactor * past.quantile(this.opts.historyQuantile) : 0;
    let effective = Math.max(threshold, usual);
    if (past.size >= 100) {
      const similar = past.tailFraction(this.opts.similarRatio * Math.abs(z)) * past.size;
      if (similar > this.opts.maxSimilar) effective = Math.max(effective, past.quantile(1 - (this.opts.maxSimilar + 1) / past.size) / this.opts.similarRatio);
    }
    return Math.abs(z) / effective;
  }

  /** The score in [0,1] of a strength: logistic, 0.5 at 1, `sharpness` steep. */
  private score(strength: number): number {
    return strength === 0 ? 0 : 1 / (1 + Math.exp(-this.opts.sharpness * (strength - 1)));
  }
}
