import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { Category, Severity } from '../ticket.ts';
import { RetrainRegressionError } from '../errors.ts';
import { loadCorpus } from './corpus.ts';
import { corpusDirOf, loadTriageModel, shippedTriageDir, triageDirOf } from './load.ts';
import { scoreModel, trainTriageModel, writeTriageModel, type TrainingExample, type TriageModel } from './model.ts';
import { findLatestModelFile } from './model.ts';

export interface RetrainOptions {
  dataDir: string;
  /** Directory holding `corpus/` (default: the shipped assets/triage). */
  triageDir?: string;
  /** Write the new model even when it is worse on the held-out set. */
  force?: boolean;
  clock?: Clock;
}

export interface RetrainReport {
  path: string;
  version: number;
  corpus: number;
  corrections: number;
  heldOut: number;
  previous: { version: number; categoryAccuracy: number; severityWithinOne: number } | null;
  categoryAccuracy: number;
  severityWithinOne: number;
}

/** Reads agent corrections (latest per ticket) as training examples. */
export async function listCorrectionExamples(db: Db): Promise<TrainingExample[]> {
  const rows = await db.selectFrom('triage_corrections').select(['ticket_id', 'category', 'severity', 'text', 'at']).orderBy('at').execute();
  const latest = new Map<string, TrainingExample>();
  for (const r of rows) {
    const category = Category.safeParse(r.category);
    const severity = Severity.safeParse(r.severity);
    if (category.success && severity.success) latest.set(r.ticket_id, { text: r.text, category: category.data, severity: severity.data });
  }
  return [...latest.values()];
}

/**
 * Retrains the triage model on the corpus' training split plus stored agent corrections, scores it
 * on the fixed held-out split and writes `model-v(N+1).json`, unless it is worse than the current model.
 */
export async function retrainTriage(db: Db | null, options: RetrainOptions): Promise<RetrainReport> {
  const clock = options.clock ?? systemClock;
  const examples = loadCorpus(corpusDirOf(options.triageDir ?? shippedTriageDir));
  const train = examples.filter((e) => e.split === 'train');
  const test = examples.filter((e) => e.split === 'test');
  const corrections = db ? await listCorrectionExamples(db) : [];
  let current: TriageModel | undefined;
  try {
    current = loadTriageModel(options.dataDir);
  } catch {
    current = undefined;
  }
  const outDir = triageDirOf(options.dataDir);
  const version = Math.max(current?.version ?? 0, findLatestModelFile(outDir)?.version ?? 0) + 1;
  const candidate = trainTriageModel([...train, ...corrections], { version, corrections: corrections.length, heldOut: test, now: clock.now() });
  const previousScore = current ? scoreModel(current, test) : undefined;
  const score = candidate.file.heldOut;
  if (previousScore && score.categoryAccuracy < previousScore.categoryAccuracy && !options.force) {
    throw new RetrainRegressionError(previousScore.categoryAccuracy, score.categoryAccuracy);
  }
  const path = writeTriageModel(outDir, candidate);
  return {
    path,
    version,
    corpus: train.length,
    corrections: corrections.length,
    heldOut: test.length,
    previous: current && previousScore ? { version: current.version, categoryAccuracy: previousScore.categoryAccuracy, severityWithinOne: previousScore.severityWithinOne } : null,
    categoryAccuracy: score.categoryAccuracy,
    severityWithinOne: score.severityWithinOne,
  };
}
