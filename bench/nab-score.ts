// NAB scoring (Lavin & Ahmad 2015; rules as summarised in /work/shared/benchmarks/nab/README.md),
// re-implemented here: windows, probation, scaled sigmoid, profile weights, normalisation, plus the
// simpler windowed metrics. The same functions score every detector of the benchmark.

export interface Profile {
  tpWeight: number;
  fnWeight: number;
  fpWeight: number;
}

export const profiles: Record<'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate', Profile> = {
  standard: { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 },
  reward_low_FP_rate: { tpWeight: 1, fnWeight: 1, fpWeight: 0.22 },
  reward_low_FN_rate: { tpWeight: 1, fnWeight: 2, fpWeight: 0.11 },
};

/** NAB's scaled sigmoid: 2·sigmoid(−5y) − 1, and −1 well past a window (y > 3). */
export function scaledSigmoid(y: number): number {
  if (y > 3) return -1;
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

/** `min(floor(0.15·N), 0.15·5000)` rows of warm-up that are not scored. */
export function probationRows(n: number): number {
  return Math.min(Math.floor(0.15 * n), 750);
}

/** NAB label timestamps carry `.000000`; data rows do not. */
export function normaliseTs(ts: string): string {
  return ts.replace(/\.0+$/, '').replace('T', ' ');
}

export interface IndexWindow {
  start: number;
  end: number;
}

/** Window bounds as row indices (inclusive), dropping windows that start inside the probation. */
export function windowIndices(timestamps: readonly string[], windows: ReadonlyArray<readonly [string, string]>): IndexWindow[] {
  const norm = timestamps.map(normaliseTs);
  const out: IndexWindow[] = [];
  const p = probationRows(timestamps.length);
  for (const [a, b] of windows) {
    const sa = normaliseTs(a);
    const sb = normaliseTs(b);
    let start = norm.findIndex((t) => t >= sa);
    let end = -1;
    for (let i = norm.length - 1; i >= 0; i--) {
      if (norm[i]! <= sb) {
        end = i;
        break;
      }
    }
    if (start < 0 || end < start) continue;
    if (start < p) continue;
    start = Math.max(start, 0);
    out.push({ start, end });
  }
  return out;
}

export interface FileScore {
  raw: number;
  windows: number;
  tp: number;
  fn: number;
  fpRows: number;
  /** The best (earliest) detection score per window, NaN when missed. */
  perWindow: number[];
}

/** Raw NAB score of one file for boolean detections (detections in the probation are ignored). */
export function scoreFile(detections: readonly boolean[], windows: readonly IndexWindow[], profile: Profile): FileScore {
  const n = detections.length;
  const p = probationRows(n);
  const maxTp = scaledSigmoid(-1);
  const perWindow = windows.map(() => Number.NaN);
  let fpScore = 0;
  let fpRows = 0;
  let w = 0;
  let prev: IndexWindow | undefined;
  for (let i = 0; i < n; i++) {
    while (w < windows.length && i > windows[w]!.end) prev = windows[w++];
    if (i < p || !detections[i]) continue;
    const cur = windows[w];
    if (cur && i >= cur.start && i <= cur.end) {
      const width = cur.end - cur.start + 1;
      const s = (scaledSigmoid(-(cur.end - i + 1) / width) * profile.tpWeight) / maxTp;
      if (Number.isNaN(perWindow[w]!) || s > perWindow[w]!) perWindow[w] = s;
    } else {
      fpRows++;
      if (!prev) fpScore += -1 * profile.fpWeight;
      else {
        const width = prev.end - prev.start + 1;
        fpScore += scaledSigmoid(Math.abs(prev.end - i) / (width - 1)) * profile.fpWeight;
      }
    }
  }
  let tpScore = 0;
  let tp = 0;
  let fn = 0;
  for (const s of perWindow) {
    if (Number.isNaN(s)) fn++;
    else {
      tp++;
      tpScore += s;
    }
  }
  return { raw: tpScore - fn * profile.fnWeight + fpScore, windows: windows.length, tp, fn, fpRows, perWindow };
}

/** `100·(raw − null)/(perfect − null)` over pooled files: null flags nothing, perfect finds every window at its left edge. */
export function normalisedScore(files: ReadonlyArray<Pick<FileScore, 'raw' | 'windows'>>, profile: Profile): number {
  const raw = files.reduce((a, f) => a + f.raw, 0);
  const windows = files.reduce((a, f) => a + f.windows, 0);
  const nul = -windows * profile.fnWeight;
  const perfect = windows * profile.tpWeight;
  return (100 * (raw - nul)) / (perfect - nul);
}

export interface WindowedMetrics {
  windows: number;
  detected: number;
  early: number;
  fpRows: number;
  fpEvents: number;
  scoredOutside: number;
  latencies: number[];
}

/** The simpler windowed metrics of the README (recall, early recall, FP rows and events, latency). */
export function windowedMetrics(detections: readonly boolean[], windows: readonly IndexWindow[]): WindowedMetrics {
  const n = detections.length;
  const p = probationRows(n);
  const inWindow = new Uint8Array(n);
  for (const w of windows) for (let i = w.start; i <= w.end; i++) inWindow[i] = 1;
  let detected = 0;
  let early = 0;
  const latencies: number[] = [];
  for (const w of windows) {
    let first = -1;
    for (let i = w.start; i <= w.end; i++)
      if (detections[i]) {
        first = i;
        break;
      }
    if (first < 0) continue;
    detected++;
    const len = w.end - w.start + 1;
    // NAB credit >= S(-0.5)/S(-1) = 0.86 ⇔ y = -(end - first + 1)/len <= -0.5 ⇔ first - start <= len/2.
    if (first - w.start <= len / 2) early++;
    latencies.push((first - w.start) / len);
  }
  let fpRows = 0;
  let fpEvents = 0;
  let scoredOutside = 0;
  let prevFp = false;
  for (let i = p; i < n; i++) {
    if (inWindow[i]) {
      prevFp = false;
      continue;
    }
    scoredOutside++;
    const fp = Boolean(detections[i]);
    if (fp) {
      fpRows++;
      if (!prevFp) fpEvents++;
    }
    prevFp = fp;
  }
  return { windows: windows.length, detected, early, fpRows, fpEvents, scoredOutside, latencies };
}

