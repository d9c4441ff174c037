import type { SeriesPoint } from '../series.ts';

/** What a streaming detector says about one point, using that point and the ones before it only. */
export interface DetectorStep {
  /** Anomaly score in [0,1]; 0.5 and above means "anomalous" for this detector. */
  score: number;
  value: number;
  /** What the detector expected here (NaN while warming up). */
  expected: number;
  /** Signed deviation in units of the usual spread (a robust z-score). */
  deviation: number;
  /** Which baseline gave `expected` (`level`, `ewma`, `hour-of-day`, `day-of-week`, `shift`). */
  basis: string;
  /** Epoch ms at which the current excursion began (the first of the run of unusual points). */
  sinceMs: number;
  /** How far past its threshold the evidence is (|z| over the effective threshold; 1 = score 0.5), when the detector knows. */
  strength?: number;
}

/** A causal detector: `step` sees each point once, in order, and never looks ahead. */
export interface StreamingDetector {
  readonly name: string;
  step(point: SeriesPoint): DetectorStep;
}

/** Maps |z| to [0,1] with 0.5 at `threshold` (logistic, `width` wide). */
export function zScore01(z: number, threshold: number, width: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 0 : 1;
  return 1 / (1 + Math.exp(-(Math.abs(z) - threshold) / width));
}

/** Tracks where the current run of unusual points began. */
export class ExcursionTracker {
  private since = Number.NaN;
  constructor(private readonly enterZ: number) {}
  update(timeMs: number, z: number): number {
    if (Math.abs(z) >= this.enterZ) {
      if (Number.isNaN(this.since)) this.since = timeMs;
      return this.since;
    }
    this.since = Number.NaN;
    return timeMs;
  }
}
