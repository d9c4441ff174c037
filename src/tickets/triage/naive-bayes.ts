import { z } from 'zod';

/** The serialised classifier (a versioned JSON file in data/triage/). */
export const NaiveBayesFile = z.object({
  format: z.literal('opsdesk-naive-bayes'),
  labels: z.array(z.string()).min(2),
  alpha: z.number().positive(),
  /** Softmax temperature per feature: confidence = softmax(score / (temperature * sqrt(features))). */
  temperature: z.number().positive(),
  charWeight: z.number().min(0),
  docCounts: z.array(z.number().int().min(0)),
  /** feature -> documents per label containing it (same order as `labels`). */
  features: z.record(z.string(), z.array(z.number().min(0))),
});
export type NaiveBayesFile = z.infer<typeof NaiveBayesFile>;

export interface Prediction {
  label: string;
  confidence: number;
  /** Per-label probabilities, same order as the model's labels. */
  probabilities: number[];
  /** Features that pushed the winning label up the most, with the word they came from. */
  evidence: Array<{ feature: string; source: string; weight: number }>;
  /** Log scores before the softmax (rule boosts are added to these). */
  scores: number[];
}

export interface TrainOptions {
  alpha?: number;
  minDocs?: number;
  temperature?: number;
  charWeight?: number;
}

/** A multinomial naive Bayes text classifier over presence features; small, deterministic, fast. */
export class NaiveBayes {
  readonly labels: readonly string[];
  private readonly priors: Float64Array;
  private readonly logp = new Map<string, Float64Array>();
  private readonly avg = new Map<string, number>();

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

  /** Trains from labelled feature sets. */
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
      for (const f of new Set(doc.features)) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Array<number>(k).fill(0)));
        row[c]! += 1;
        df.set(f, (df.get(f) ?? 0) + 1);
      }
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

  /** Scores a feature map (`feature -> source word`); `boosts` are log-space additions per label. */
  predict(features: ReadonlyMap<string, string>, boosts?: ArrayLike<number>): Prediction {
    const k = this.labels.length;
    const scores = Float64Array.from(this.priors);
    let seen = 0;
    const hits: Array<[string, Float64Array]> = [];
    for (const key of features.keys()) {
      const row = this.logp.get(key);
      if (!row) continue;
      seen++;
      hits.push([key, row]);
      for (let c = 0; c < k; c++) scores[c]! += row[c]!;
    }
    const scale = 1 / (this.file.temperature * Math.sqrt(Math.max(1, seen)));
    if (boosts) for (let c = 0; c < k; c++) scores[c]! += (boosts[c] ?? 0) / scale;
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
    const probabilities = softmax(scores, scale);
    const evidence = hits
      .map(([key, row]) => ({ feature: key, source: features.get(key) ?? key, weight: row[best]! - this.avg.get(key)! }))
      .filter((e) => e.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 12);
    return { label: this.labels[best]!, confidence: probabilities[best]!, probabilities, evidence, scores: [...scores] };
  }
}

function softmax(scores: Float64Array, scale: number): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const exps = Array.from(scores, (s) => Math.exp((s - max) * scale));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
