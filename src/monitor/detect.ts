import { CombinedDetector, defaultCombinedOptions, type CombinedOptions } from './detectors/combined.ts';
import { explainStep, type ExplainOptions } from './detectors/explain.ts';
import { defaultLivePolicy, LiveMonitor, type LivePolicy } from './detectors/live.ts';
import type { SeriesPoint } from './series.ts';

export interface DetectedAlert {
  /** The row's timestamp exactly as given. */
  timestamp: string;
  /** Row index in the input (0-based, header excluded). */
  index: number;
  score: number;
  value: number;
  expected: number | null;
  basis: string;
  since: string;
  message: string;
}

export interface DetectResult {
  points: number;
  detector: string;
  alerts: DetectedAlert[];
}

export interface DetectOptions extends ExplainOptions {
  detector?: Partial<CombinedOptions>;
  policy?: Partial<LivePolicy>;
}

/** Runs the default detector over a series as a live monitor would, returning the rows where it fires. */
export function detectSeries(points: readonly SeriesPoint[], options: DetectOptions = {}): DetectResult {
  const monitor = new LiveMonitor(new CombinedDetector({ ...defaultCombinedOptions, ...options.detector }), { ...defaultLivePolicy, ...options.policy });
  const alerts: DetectedAlert[] = [];
  for (const p of points) {
    const s = monitor.step(p);
    if (!s.fired) continue;
    alerts.push({
      timestamp: p.timestamp,
      index: s.index,
      score: Math.round(s.score * 1000) / 1000,
      value: p.value,
      expected: Number.isFinite(s.expected) ? Number(s.expected.toPrecision(6)) : null,
      basis: s.basis,
      since: new Date(s.sinceMs).toISOString(),
      message: explainStep(s, p.timeMs, options),
    });
  }
  return { points: points.length, detector: monitor.detector.name, alerts };
}
