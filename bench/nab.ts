// NAB benchmark over the local subset: our combined detector (as live alerts) against a windowed
// Gaussian and a seeded random detector, all scored by bench/nab-score.ts. Every detector gets the
// same threshold optimisation (NAB's --optimize: the firing and re-arm levels that maximise the
// standard score over all files, one pair for every file), plus a 2-fold split of that choice.
// Usage: npx tsx bench/nab.ts [--data DIR] [--seed N] [--only SUBSTR] [--options JSON] [--json] [--per-file]
import { parseArgs } from 'node:util';
import { CombinedDetector, defaultCombinedOptions, defaultLivePolicy, LiveMonitor, type CombinedOptions, type LivePolicy, type StreamingDetector } from '../src/monitor/index.ts';
import { RandomDetector, WindowedGaussianDetector } from './nab-baselines.ts';
import { foldOf, liveFromScores, loadCorpus, type FileData } from './nab-corpus.ts';
import { normalisedScore, profiles, scoreFile, windowedMetrics, type WindowedMetrics } from './nab-score.ts';
import { median } from './timing.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/shared/benchmarks/nab' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
    options: { type: 'string' },
    json: { type: 'boolean', default: false },
    'per-file': { type: 'boolean', default: false },
  },
});

const combinedOptions: CombinedOptions = { ...defaultCombinedOptions, ...(args.options ? (JSON.parse(args.options) as Partial<CombinedOptions>) : {}) };
const seed = Number(args.seed);

interface Run {
  scores: Float64Array;
  strengths: Float64Array;
}

function run(make: () => StreamingDetector, f: FileData): Run {
  const d = make();
  const scores = new Float64Array(f.points.length);
  const strengths = new Float64Array(f.points.length);
  f.points.forEach((p, i) => {
    const s = d.step(p);
    scores[i] = s.score;
    strengths[i] = s.strength ?? s.score;
  });
  return { scores, strengths };
}

/** Live alerts of our detector exactly as `opsdesk monitor detect` sends them (default policy). */
function ourAlerts(f: FileData): boolean[] {
  const monitor = new LiveMonitor(new CombinedDetector(combinedOptions), defaultLivePolicy);
  return f.points.map((p) => monitor.step(p).fired);
}

interface Summary {
  detector: string;
  mode: string;
  threshold: string;
  standard: number;
  lowFp: number;
  lowFn: number;
  windows: number;
  detected: number;
  early: number;
  fpPer1000: number;
  fpEventsPer1000: number;
  medianLatency: number;
  alerts: number;
}

function summarise(detector: string, mode: string, threshold: string, files: FileData[], detections: boolean[][]): Summary {
  const score = (profile: (typeof profiles)[keyof typeof profiles]) => normalisedScore(files.map((f, i) => scoreFile(detections[i]!, f.windows, profile)), profile);
  const m: WindowedMetrics[] = files.map((f, i) => windowedMetrics(detections[i]!, f.windows));
  const sum = (k: 'windows' | 'detected' | 'early' | 'fpRows' | 'fpEvents' | 'scoredOutside') => m.reduce((a, x) => a + x[k], 0);
  return {
    detector,
    mode,
    threshold,
    standard: score(profiles.standard),
    lowFp: score(profiles.reward_low_FP_rate),
    lowFn: score(profiles.reward_low_FN_rate),
    windows: sum('windows'),
    detected: sum('detected'),
    early: sum('early'),
    fpPer1000: (1000 * sum('fpRows')) / sum('scoredOutside'),
    fpEventsPer1000: (1000 * sum('fpEvents')) / sum('scoredOutside'),
    medianLatency: median(m.flatMap((x) => x.latencies)),
    alerts: detections.reduce((a, d) => a + d.filter(Boolean).length, 0),
  };
}

const grid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9999, 0.99995, 0.99999, 0.999999];
const rearmGrid = [0.3, 0.9, 0.99];

type Decide = (r: Run, policy: LivePolicy) => boolean[];
const live: Decide = (r, policy) => liveFromScores(r.scores, policy, r.strengths);
const everyRow: Decide = (r, policy) => Array.from(r.scores, (x) => x >= policy.fireAt);
const policyOf = (fireAt: number, rearm: number): LivePolicy => ({ ...defaultLivePolicy, fireAt, rearmBelow: Math.min(rearm, fireAt) });

/** NAB's --optimize over our grid: the firing (and re-arm) level with the best standard score on the files kept. */
function optimise(files: FileData[], runs: Run[], decide: Decide, keep: (i: number) => boolean, rearms: number[]): LivePolicy {
  let best = { policy: defaultLivePolicy, v: -Infinity };
  const idx = files.map((_, i) => i).filter(keep);
  for (const rearm of rearms)
    for (const t of grid) {
      const policy = policyOf(t, rearm);
      const v = normalisedScore(
        idx.map((i) => scoreFile(decide(runs[i]!, policy), files[i]!.windows, profiles.standard)),
        profiles.standard,
      );
      if (v > best.v) best = { policy, v };
    }
  return best.policy;
}

/** Tune on one half of the files, score the other half, both ways; the mean of the two held-out scores. */
function twoFold(files: FileData[], runs: Run[], decide: Decide, rearms: number[]): { heldOut: number; thresholds: string } {
  const folds = foldOf(files);
  let heldOut = 0;
  const chosen: string[] = [];
  for (const k of [0, 1]) {
    const policy = optimise(files, runs, decide, (i) => folds[i] === k, rearms);
    const test = files.map((_, i) => i).filter((i) => folds[i] !== k);
    heldOut += normalisedScore(
      test.map((i) => scoreFile(decide(runs[i]!, policy), files[i]!.windows, profiles.standard)),
      profiles.standard,
    ) / 2;
    chosen.push(`${policy.fireAt}/${policy.rearmBelow}`);
  }
  return { heldOut, thresholds: chosen.join(' ') };
}

const started = performance.now();
const files = loadCorpus(args.data, args.only);
const rows: Summary[] = [];
const folds: Array<{ detector: string; mode: string; heldOut: number; thresholds: string }> = [];
const ours = files.map(ourAlerts);
rows.push(summarise('opsdesk-combined', 'live alerts, default policy', `${defaultLivePolicy.fireAt}/${defaultLivePolicy.rearmBelow}`, files, ours));
const detectors: Array<[string, () => StreamingDetector]> = [
  ['opsdesk-combined', () => new CombinedDetector(combinedOptions)],
  ['windowed-gaussian', () => new WindowedGaussianDetector()],
  ['random', () => new RandomDetector(seed)],
];
const runs = new Map(detectors.map(([name, make]) => [name, files.map((f) => run(make, f))]));
for (const [mode, decide, rearms] of [
  ['live alerts, optimised', live, rearmGrid],
  ['every row, optimised', everyRow, [1]],
] as Array<[string, Decide, number[]]>) {
  for (const [name] of detectors) {
    const r = runs.get(name)!;
    const policy = optimise(files, r, decide, () => true, rearms);
    rows.push(summarise(name, mode, decide === live ? `${policy.fireAt}/${policy.rearmBelow}` : String(policy.fireAt), files, r.map((x) => decide(x, policy))));
    folds.push({ detector: name, mode, ...twoFold(files, r, decide, rearms) });
  }
}
const perFolder = [...new Set(files.map((f) => f.folder))].map((folder) => {
  const idx = files.map((f, i) => (f.folder === folder ? i : -1)).filter((i) => i >= 0);
  return summarise('opsdesk-combined', folder, `${defaultLivePolicy.fireAt}/${defaultLivePolicy.rearmBelow}`, idx.map((i) => files[i]!), idx.map((i) => ours[i]!));
});
const perFile = files.map((f, i) => ({ file: f.key, ...scoreFile(ours[i]!, f.windows, profiles.standard), perWindow: undefined }));
const seconds = (performance.now() - started) / 1000;

if (args.json) {
  process.stdout.write(JSON.stringify({ files: files.length, points: files.reduce((a, f) => a + f.points.length, 0), seconds, rows, twoFold: folds, perFolder, ...(args['per-file'] ? { perFile } : {}) }, null, 2) + '\n');
} else {
  const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const header = 'detector            mode                          fire/rearm     std   lowFP  lowFN  recall      early  FP/1k  FPev/1k  latency  alerts';
  const line = (r: Summary) =>
    `${r.detector.padEnd(19)} ${r.mode.padEnd(29)} ${r.threshold.padEnd(13)} ${fmt(r.standard).padStart(6)} ${fmt(r.lowFp).padStart(6)} ${fmt(r.lowFn).padStart(6)}  ${`${r.detected}/${r.windows}`.padEnd(10)} ${String(r.early).padStart(5)} ${fmt(r.fpPer1000, 2).padStart(6)} ${fmt(r.fpEventsPer1000, 2).padStart(8)} ${fmt(r.medianLatency, 2).padStart(8)} ${String(r.alerts).padStart(7)}`;
  console.log(`NAB subset: ${files.length} files, ${files.reduce((a, f) => a + f.points.length, 0)} points, ${rows[0]!.windows} scored windows (${seconds.toFixed(1)} s)\n`);
  console.log(header);
  rows.forEach((r) => console.log(line(r)));
  console.log('\n2-fold (levels optimised on one half of the files, standard score on the other half; mean of both ways):');
  folds.forEach((f) => console.log(`${f.detector.padEnd(19)} ${f.mode.padEnd(29)} ${f.thresholds.padEnd(24)} ${fmt(f.heldOut).padStart(6)}`));
  console.log('\nopsdesk-combined live alerts (default policy) per folder:');
  perFolder.forEach((r) => console.log(line(r)));
  if (args['per-file']) perFile.forEach((p) => console.log(`${p.file.padEnd(60)} raw ${p.raw.toFixed(2).padStart(6)}  tp ${p.tp}/${p.windows}  fp ${p.fpRows}`));
}
