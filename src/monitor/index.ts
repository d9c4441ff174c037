export { parseSeriesCsv, parseTimestamp, type SeriesPoint } from './series.ts';
export { type DetectorStep, type StreamingDetector } from './detectors/detector.ts';
export { CombinedDetector, defaultCombinedOptions, type CombinedOptions } from './detectors/combined.ts';
export { LiveMonitor, defaultLivePolicy, type LivePolicy, type LiveStep } from './detectors/live.ts';
