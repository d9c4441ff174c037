import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { categories, severities, type Category, type Severity } from '../ticket.ts';
import { TriageModelInvalidError } from '../errors.ts';
import { NaiveBayes, NaiveBayesFile, type Prediction } from './naive-bayes.ts';
import { matchRules, type RuleHit } from './rules.ts';
import { docFeatureKeys, docOf, foldText, tokenize, type Doc } from './text.ts';

export const TriageModelFile = z.object({
  format: z.literal('opsdesk-triage-model'),
  version: z.number().int().positive(),
  createdAt: z.string(),
  /** How much the domain rules add to the model's log-odds (0 = model alone). */
  ruleBoost: z.number().min(0),
  trainedOn: z.object({ corpus: z.number().int(), corrections: z.number().int() }),
  heldOut: z.object({ examples: z.number().int(), categoryAccuracy: z.number(), severityWithinOne: z.number() }),
  category: NaiveBayesFile,
  severity: NaiveBayesFile,
});
export type TriageModelFile = z.infer<typeof TriageModelFile>;

/** A text prepared for the classifiers: folded text, tokens, features and rule hits. */
export interface Prepared {
  folded: string;
  tokens: string[];
  doc: Doc;
  hits: RuleHit[];
}

/** Folds, tokenises, extracts features and applies the domain rules (rule hits become features too). */
export function prepare(text: string): Prepared {
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const doc = docOf(tokens);
  const hits = matchRules(folded, undefined, tokens);
  for (const h of hits) doc.extra.set(`r:${h.rule.category}:${h.rule.name}`, h.match);
  return { folded, tokens, doc, hits };
}

export interface ModelDecision {
  category: Category;
  categoryConfidence: number;
  categoryPrediction: Prediction;
  severity: Severity;
  severityPrediction: Prediction;
}

/** The trained triage classifiers (category and severity) with the domain-rule boost. */
export class TriageModel {
  readonly category: NaiveBayes;
  readonly severity: NaiveBayes;
  constructor(readonly file: TriageModelFile) {
    this.category = new NaiveBayes(file.category);
    this.severity = new NaiveBayes(file.severity);
  }

  get version(): number {
    return this.file.version;
  }

  decide(p: Prepared): ModelDecision {
    const boosts = new Array<number>(this.category.labels.length).fill(0);
    for (const h of p.hits) boosts[this.category.labels.indexOf(h.rule.category)]! += h.rule.weight * this.file.ruleBoost;
    const cat = this.category.predict(p.doc, boosts);
    const sev = this.severity.predict(p.doc, undefined, { evidence: false });
    return { category: cat.label as Category, categoryConfidence: cat.confidence, categoryPrediction: cat, severity: sev.label as Severity, severityPrediction: sev };
  }
}

export interface TrainingExample {
  text: string;
  category: Category;
  severity: Severity;
}

export interface TrainOptions {
  version: number;
  ruleBoost?: number;
  corrections?: number;
  heldOut?: readonly TrainingExample[];
  now?: Date;
}

/** Trains both classifiers; the held-out scores are measured and stored in the file. */
export function trainTriageModel(examples: readonly TrainingExample[], options: TrainOptions): TriageModel {
  const prepared = examples.map((e) => ({ e, features: docFeatureKeys(prepare(e.text).doc) }));
  const category = NaiveBayes.train(prepared.map((x) => ({ features: x.features, label: x.e.category })), categories, { alpha: 0.3, charWeight: 0.5, minDocs: 1, temperature: 0.35 });
  const severity = NaiveBayes.train(prepared.map((x) => ({ features: x.features, label: x.e.severity })), severities, { alpha: 0.3, charWeight: 0.5, minDocs: 1, temperature: 0.35 });
  const draft: TriageModelFile = {
    format: 'opsdesk-triage-model',
    version: options.version,
    createdAt: (options.now ?? new Date()).toISOString(),
    ruleBoost: options.ruleBoost ?? 2,
    trainedOn: { corpus: examples.length - (options.corrections ?? 0), corrections: options.corrections ?? 0 },
    heldOut: { examples: 0, categoryAccuracy: 0, severityWithinOne: 0 },
    category: category.file,
    severity: severity.file,
  };
  const model = new TriageModel(draft);
  if (options.heldOut?.length) {
    const score = scoreModel(model, options.heldOut);
    draft.heldOut = { examples: options.heldOut.length, categoryAccuracy: score.categoryAccuracy, severityWithinOne: score.severityWithinOne };
  }
  return new TriageModel(draft);
}

export interface ModelScore {
  categoryAccuracy: number;
  severityExact: number;
  severityWithinOne: number;
}

/** Category accuracy and severity agreement of a model on labelled examples. */
export function scoreModel(model: TriageModel, examples: readonly TrainingExample[]): ModelScore {
  let cat = 0;
  let sevExact = 0;
  let sevNear = 0;
  for (const e of examples) {
    const d = model.decide(prepare(e.text));
    if (d.category === e.category) cat++;
    const gap = Math.abs(severities.indexOf(d.severity) - severities.indexOf(e.severity));
    if (gap === 0) sevExact++;
    if (gap <= 1) sevNear++;
  }
  const n = Math.max(1, examples.length);
  return { categoryAccuracy: cat / n, severityExact: sevExact / n, severityWithinOne: sevNear / n };
}

const modelName = /^model-v(\d+)\.json$/;

/** The newest `model-vN.json` in `dir`, or undefined. */
export function findLatestModelFile(dir: string): { path: string; version: number } | undefined {
  if (!existsSync(dir)) return undefined;
  let best: { path: string; version: number } | undefined;
  for (const name of readdirSync(dir)) {
    const m = modelName.exec(name);
    if (m && (!best || Number(m[1]) > best.version)) best = { path: join(dir, name), version: Number(m[1]) };
  }
  return best;
}

/** Reads and validates a model file. */
export function readTriageModel(path: string): TriageModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TriageModelInvalidError(path, (err as Error).message);
  }
  const parsed = TriageModelFile.safeParse(raw);
  if (!parsed.success) throw new TriageModelInvalidError(path, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  return new TriageModel(parsed.data);
}

/** Writes `model-v<version>.json` into `dir` atomically; returns its path. */
export function writeTriageModel(dir: string, model: TriageModel): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `model-v${model.version}.json`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(model.file) + '\n');
  renameSync(tmp, path);
  return path;
}
