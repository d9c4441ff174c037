import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TriageModelInvalidError } from '../errors.ts';
import { findLatestModelFile, readTriageModel, type TriageModel } from './model.ts';

/** The triage data shipped with OpsDesk: `assets/triage/` (corpus and model-vN.json) of the package, outside the data dir so resetting a workspace cannot delete it. */
export const shippedTriageDir = fileURLToPath(new URL('../../../assets/triage/', import.meta.url));

/** Where retrained models go: `<dataDir>/triage/` (workspace data, unlike the shipped model). */
export function triageDirOf(dataDir: string): string {
  return join(dataDir, 'triage');
}

/** The corpus directory (`assets/triage/corpus` of the package). */
export function corpusDirOf(triageDir: string = shippedTriageDir): string {
  return join(triageDir, 'corpus');
}

/** Loads the newest model: a retrained one in the data dir, or the one shipped with OpsDesk. */
export function loadTriageModel(dataDir: string): TriageModel {
  const candidates = [findLatestModelFile(triageDirOf(dataDir)), findLatestModelFile(shippedTriageDir)].filter((c) => c !== undefined);
  candidates.sort((a, b) => b.version - a.version);
  const best = candidates[0];
  if (!best || !existsSync(best.path)) throw new TriageModelInvalidError(join(shippedTriageDir, 'model-v1.json'), 'no model-vN.json was found');
  return readTriageModel(best.path);
}
