// The two reference detectors the NAB benchmark runs beside ours, through the same scorer.
import type { DetectorStep, SeriesPoint, StreamingDetector } from '../src/monitor/index.ts';

function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7).
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

/**
 * NAB's windowed Gaussian: mean and standard deviation of the last `window` points (refreshed every
 * `step` points); score = 1 − two-sided Gaussian tail probability of the point.
 */
export class WindowedGaussianDetector implements StreamingDetector {
  readonly name = 'windowed-gaussian';
  private data: number[] = [];
  private buffer: number[] = [];
  private mean = 0;
  private std = 1;
  constructor(
    private readonly window = 6400,
    private readonly stepSize = 100,
  ) {}

  private refresh(): void {
    const n = this.data.length;
    this.mean = this.data.reduce((a, b) => a + b, 0) / n;
    const v = this.data.reduce((a, b) => a + (b - this.mean) ** 2, 0) / n;
    this.std = Math.sqrt(v) || 1e-6;
  }

  step(p: SeriesPoint): DetectorStep {
    let score = 0;
    const z = this.data.length ? (p.value - this.mean) / this.std : 0;
    if (this.data.length) score = erf(Math.abs(z) / Math.SQRT2);
    if (this.data.length < this.window) {
      this.data.push(p.value);
      this.refresh();
    } else {
      this.buffer.push(p.value);
      if (this.buffer.length === this.stepSize) {
        this.data = this.data.slice(this.stepSize).concat(this.buffer);
        this.buffer = [];
        this.refresh();
      }
    }
    return { score, value: p.value, expected: this.mean, deviation: z, basis: 'level', sinceMs: p.timeMs };
  }
}

/** Uniform random scores from a seeded generator (mulberry32). */
export class RandomDetector implements StreamingDetector {
  readonly name = 'random';
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  step(p: SeriesPoint): DetectorStep {
    return { score: this.next(), value: p.value, expected: Number.NaN, deviation: 0, basis: 'level', sinceMs: p.timeMs };
  }
}
