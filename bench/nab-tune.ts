// Tunes the combined detector and its live alert policy on the NAB subset, one set of parameters
// for every file. Each detector variant runs once per file (the strengths of its three pieces of
// evidence are cached), then a coarse grid of combination rule × firing threshold × hold-off ×
// regrouping is replayed over the cache. Reports the best on all files and a 2-fold split (tune
// variant and policy on one half of the files, score the other half).
// Usage: npx tsx bench/nab-tune.ts [--data DIR] [--variants JSON-array-of-option-patches] [--cache DIR]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CombinedDetector, defaultCombinedOptions, defaultLivePolicy, type CombinedOptions, type LivePolicy } from '../src/monitor/index.ts';
import { foldOf, liveFromScores, loadCorpus, type FileData } from './nab-corpus.ts';
import { normalisedScore, profiles, scoreFile } from './nab-score.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '/work/shared/benchmarks/nab' },
    variants: { type: 'string', default: '[{}]' },
    cache: { type: 'string', default: '/tmp/opsdesk-nab' },
    top: { type: 'string', default: '8' },
  },
});

interface Parts {
  point: Float64Array;
  shift: Float64Array;
  volatility: Float64Array;
}
type Rule = 'max' | 'point+shift' | 'rss' | 'sum';
const rules: Rule[] = ['max', 'point+shift', 'rss', 'sum'];
/** How the three strengths become one: the largest, the largest of point and shift, their root sum of squares, or their sum. */
function combine(rule: Rule, pt: number, sh: number, vol: number): number {
  if (rule === 'max') return Math.max(pt, sh, vol);
  if (rule === 'point+shift') return Math.max(pt, sh);
  if (rule === 'rss') return Math.sqrt(pt * pt + sh * sh + vol * vol);
  return pt + sh + vol;
}
interface Candidate {
  variant: number;
  rule: Rule;
  policy: LivePolicy;
}

const files = loadCorpus(args.data);
const folds = foldOf(files);
const source = readFileSync(new URL('../src/monitor/detectors/combined.ts', import.meta.url), 'utf8') + readFileSync(new URL('../src/monitor/detectors/daily-echo.ts', import.meta.url), 'utf8');

function partsOf(f: FileData, opts: CombinedOptions): Parts {
  const d = new CombinedDetector(opts);
  const n = f.points.length;
  const p: Parts = { point: new Float64Array(n), shift: new Float64Array(n), volatility: new Float64Array(n) };
  f.points.forEach((pt, i) => {
    d.step(pt);
    p.point[i] = d.lastParts.point;
    p.shift[i] = d.lastParts.shift;
    p.volatility[i] = d.lastParts.volatility;
  });
  return p;
}

/** Strengths per file of one detector variant, from the cache when the detector source and options are unchanged. */
function cachedParts(opts: CombinedOptions): Parts[] {
  const hash = createHash('sha256').update(source).update(JSON.stringify(opts)).update(args.data).digest('hex').slice(0, 12);
  mkdirSync(args.cache, { recursive: true });
  const file = join(args.cache, `strengths-${hash}.json`);
  if (existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<keyof Parts, number[]>>;
    return raw.map((r) => ({ point: Float64Array.from(r.point), shift: Float64Array.from(r.shift), volatility: Float64Array.from(r.volatility) }));
  }
  const t0 = performance.now();
  const parts = files.map((f) => partsOf(f, opts));
  console.error(`detector variant ${hash} over ${files.length} files: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  writeFileSync(file, JSON.stringify(parts.map((p) => ({ point: Array.from(p.point), shift: Array.from(p.shift), volatility: Array.from(p.volatility) }))));
  return parts;
}

const patches = JSON.parse(args.variants) as Array<Partial<CombinedOptions>>;
const variants = patches.map((patch) => {
  const opts: CombinedOptions = { ...defaultCombinedOptions, ...patch };
  const parts = cachedParts(opts);
  const logistic = (r: number) => (r === 0 ? 0 : 1 / (1 + Math.exp(-opts.sharpness * (r - 1))));
  const combined = new Map<Rule, { scores: Float64Array[]; strengths: Float64Array[] }>();
  for (const rule of rules) {
    const strengths = parts.map((p) => Float64Array.from(p.point, (x, i) => combine(rule, x, p.shift[i]!, p.volatility[i]!)));
    combined.set(rule, { strengths, scores: strengths.map((s) => Float64Array.from(s, logistic)) });
  }
  return { patch, combined };
});

const candidates: Candidate[] = [];
for (let variant = 0; variant < variants.length; variant++)
  for (const rule of rules)
    for (const fireAt of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
      for (const holdoffPoints of [12, 72])
        for (const [regroupPoints, escalation] of [
          [0, 1],
          [288, 2],
        ] as const)
          candidates.push({ variant, rule, policy: { ...defaultLivePolicy, fireAt, holdoffPoints, rearmBelow: Math.min(defaultLivePolicy.rearmBelow, fireAt), regroupPoints, escalation } });

/** Raw standard-profile score per file for one candidate. */
function rawPerFile(c: Candidate): number[] {
  const { scores, strengths } = variants[c.variant]!.combined.get(c.rule)!;
  return files.map((f, i) => scoreFile(liveFromScores(scores[i]!, c.policy, strengths[i]), f.windows, profiles.standard).raw);
}
const results = candidates.map((c) => ({ c, raw: rawPerFile(c) }));
const scoreOn = (raw: number[], keep: (i: number) => boolean) =>
  normalisedScore(
    files.flatMap((f, i) => (keep(i) ? [{ raw: raw[i]!, windows: f.windows.length }] : [])),
    profiles.standard,
  );
const describe = (c: Candidate) =>
  `variant ${JSON.stringify(variants[c.variant]!.patch)} ${c.rule} fireAt ${c.policy.fireAt} holdoff ${c.policy.holdoffPoints} regroup ${c.policy.regroupPoints}×${c.policy.escalation}`;
const best = (keep: (i: number) => boolean) => results.reduce((a, r) => (scoreOn(r.raw, keep) > scoreOn(a.raw, keep) ? r : a));

const all = best(() => true);
console.log(`${files.length} files, ${candidates.length} candidates (${variants.length} detector variants)`);
const defaultRule: Rule = defaultCombinedOptions.combination === 'rss' ? 'rss' : 'max';
console.log(`default detector and policy: ${scoreOn(rawPerFile({ variant: 0, rule: defaultRule, policy: defaultLivePolicy }), () => true).toFixed(1)} (variant 0, ${defaultRule})`);
console.log(`best on all files: ${scoreOn(all.raw, () => true).toFixed(1)}  (${describe(all.c)})`);
let heldOut = 0;
for (const k of [0, 1]) {
  const tuned = best((i) => folds[i] === k);
  const train = scoreOn(tuned.raw, (i) => folds[i] === k);
  const test = scoreOn(tuned.raw, (i) => folds[i] !== k);
  heldOut += test / 2;
  console.log(`tune on half ${k} (${train.toFixed(1)}), score on half ${1 - k}: ${test.toFixed(1)}  (${describe(tuned.c)})`);
}
console.log(`2-fold held-out mean: ${heldOut.toFixed(1)}`);
[...results]
  .sort((a, b) => scoreOn(b.raw, () => true) - scoreOn(a.raw, () => true))
  .slice(0, Number(args.top))
  .forEach((r) => console.log(`  ${scoreOn(r.raw, () => true).toFixed(1)}  ${describe(r.c)}`));
