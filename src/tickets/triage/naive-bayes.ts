import { z } from 'zod';
import { sourceOf, tokenFeatureKeys, type Doc } from './text.ts';

/** The serialised classifier (a versioned JSON file: shipped in assets/triage/, retrained ones in <dataDir>/triage/). */
export const NaiveBayesFile = z.object({
  format: z.literal('opsdesk-naive-bayes'),
  labels: z.array(z.string()).min(2),
  alpha: z.number().positive(),
  /** Softmax temperature per feature: confidence = softmax(score / (temperature * sqrt(features))). */
  temperature: z.number().positive(),
  charWeight: z.number().min(0),
  docCounts: z.array(z.number().int().min(0)),
  /** feature -> occurrences per label (same order as `labels`). */
  features: z.record(z.string(), z.array(z.number().min(0))),
});
export type NaiveBayesFile = z.infer<typeof NaiveBayesFile>;

export interface Prediction {
  label: string;
  confidence: number;
  /** Per-label probabilities, same order as the model's labels. */
  probabilities: number[];
  /** Words and phrases that pushed the winning label up the most. */
  evidence: Array<{ feature: string; source: string; weight: number }>;
  scores: number[];
}

export interface TrainOptions {
  alpha?: number;
  minDocs?: number;
  temperature?: number;
  charWeight?: number;
}

interface TokenScore {
  vec: Float64Array;
  seen: number;
  avg: number;
}

const maxCachedTokens = 200_000;

/**
 * A multinomial naive Bayes text classifier; small, deterministic and fast: a word's contribution
 * (its unigram and character 4-grams) is computed once and cached.
 */
export class NaiveBayes {
  readonly labels: readonly string[];
  private readonly priors: Float64Array;
  private readonly logp = new Map<string, Float64Array>();
  private readonly avg = new Map<string, number>();
  private readonly tokenCache = new Map<string, TokenScore>();

  constructor(readonly file: NaiveBayesFile) {
    const k = file.labels.length;
    this.labels = file.labels;
    const totalDocs = file.docCounts.reduce((a, b) => a + b, 0);
    this.priors = Float64Array.from(file.docCounts, (n) => Math.log((n + 1) / (totalDocs + k)));
    const totals = new Float64Array(k);
    for (const counts of Object.values(file.features)) for (let c = 0; c < k; c++) totals[c]! += counts[c] ?? 0;
    const vocab = Object.keys(file.features).length;
    for (const [key, counts] of Object.entries(file.features)) {
      const w = key.startsWith('c:') ? file.charWeight : 1;
      const row = new Float64Array(k);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        row[c] = w * Math.log(((counts[c] ?? 0) + file.alpha) / (totals[c]! + file.alpha * vocab));
        sum += row[c]!;
      }
      this.logp.set(key, row);
      this.avg.set(key, sum / k);
    }
  }

  /** Trains from labelled feature lists (repeats count). */
  static train(docs: ReadonlyArray<{ features: Iterable<string>; label: string }>, labels: readonly string[], options: TrainOptions = {}): NaiveBayes {
    const k = labels.length;
    const index = new Map(labels.map((l, i) => [l, i]));
    const docCounts = new Array<number>(k).fill(0);
    const counts = new Map<string, number[]>();
    const df = new Map<string, number>();
    for (const doc of docs) {
      const c = index.get(doc.label);
      if (c === undefined) throw new Error(`unknown label ${doc.label}`);
      docCounts[c]! += 1;
      const list = [...doc.features];
      for (const f of list) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Array<number>(k).fill(0)));
        row[c]! += 1;
      }
      for (const f of new Set(list)) df.set(f, (df.get(f) ?? 0) + 1);
    }
    const minDocs = options.minDocs ?? 2;
    const features: Record<string, number[]> = {};
    for (const key of [...counts.keys()].sort()) if ((df.get(key) ?? 0) >= minDocs) features[key] = counts.get(key)!;
    return new NaiveBayes({
      format: 'opsdesk-naive-bayes',
      labels: [...labels],
      alpha: options.alpha ?? 0.3,
      temperature: options.temperature ?? 1,
      charWeight: options.charWeight ?? 0.5,
      docCounts,
      features,
    });
  }

  private tokenScore(token: string): TokenScore {
    let hit = this.tokenCache.get(token);
    if (hit) return hit;
    const vec = new Float64Array(this.labels.length);
    let seen = 0;
    let avg = 0;
    for (const key of tokenFeatureKeys(token)) {
      const row = this.logp.get(key);
      if (!row) continue;
      seen++;
      avg += this.avg.get(key)!;
      for (let c = 0; c < vec.length; c++) vec[c]! += row[c]!;
    }
    hit = { vec, seen, avg };
    if (this.tokenCache.size >= maxCachedTokens) this.tokenCache.clear();
    this.tokenCache.set(token, hit);
    return hit;
  }

  /** Scores a doc; `boosts` are additions per label (scaled by the evidence size); `evidence` lists the top contributors. */
  predict(doc: Doc, boosts?: ArrayLike<number>, options: { evidence?: boolean } = {}): Prediction {
    const k = this.labels.length;
    const scores = Float64Array.from(this.priors);
    let seen = 0;
    const tokenHits: Array<[string, TokenScore]> = [];
    for (const t of doc.tokens) {
      const ts = this.tokenScore(t);
      if (!ts.seen) continue;
      seen += ts.seen;
      tokenHits.push([t, ts]);
      for (let c = 0; c < k; c++) scores[c]! += ts.vec[c]!;
    }
    const extraHits: Array<[string, Float64Array]> = [];
    for (const key of doc.extra.keys()) {
      const row = this.logp.get(key);
      if (!row) continue;
      seen++;
      extraHits.push([key, row]);
      for (let c = 0; c < k; c++) scores[c]! += row[c]!;
    }
    const scale = 1 / (this.file.temperature * Math.sqrt(Math.max(1, seen)));
    // Boosts scale with the evidence size so that rules weigh the same in short and long texts.
    if (boosts) for (let c = 0; c < k; c++) scores[c]! += (boosts[c] ?? 0) * Math.sqrt(Math.max(1, seen));
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
    const probabilities = softmax(scores, scale);
    const evidence: Prediction['evidence'] = [];
    if (options.evidence !== false) {
      const top = new TopK(10);
      for (const [t, ts] of tokenHits) top.add({ feature: `w:${t}`, source: t, weight: ts.vec[best]! - ts.avg });
      for (const [key, row] of extraHits) top.add({ feature: key, source: sourceOf(key, doc.extra.get(key) ?? ''), weight: row[best]! - this.avg.get(key)! });
      evidence.push(...top.items.filter((e) => e.weight > 0));
    }
    return { label: this.labels[best]!, confidence: probabilities[best]!, probabilities, evidence, scores: [...scores] };
  }
}

class TopK {
  readonly items: Array<{ feature: string; source: string; weight: number }> = [];
  constructor(private readonly k: number) {}
  add(item: { feature: string; source: string; weight: number }): void {
    if (this.items.length === this.k && item.weight <= this.items[this.k - 1]!.weight) return;
    let i = this.items.length;
    while (i > 0 && this.items[i - 1]!.weight < item.weight) i--;
    this.items.splice(i, 0, item);
    if (this.items.length > this.k) this.items.pop();
  }
}

function softmax(scores: Float64Array, scale: number): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const exps = Array.from(scores, (s) => Math.exp((s - max) * scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
