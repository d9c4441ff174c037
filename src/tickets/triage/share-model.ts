import { readFileSync } from 'node:fs';
import type { RelationalStore } from '../../storage/index.ts';
import { TriageModelInvalidError } from '../errors.ts';
import { shippedTriageDir, triageDirOf } from './load.ts';
import { findLatestModelFile, TriageModel, TriageModelFile, writeTriageModel } from './model.ts';

/** Stores an accepted model file in the database so the other replicas can fetch it (a version is stored once). */
export async function publishTriageModel(store: RelationalStore, path: string, version: number, createdAt: string): Promise<void> {
  await store.db.insertInto('triage_models').values({ version, created_at: createdAt, file: readFileSync(path, 'utf8') }).onConflict((oc) => oc.column('version').doNothing()).execute();
}

/**
 * Writes the newest published model into `<dataDir>/triage/` when it is newer than every local
 * model file (another replica trained it); returns the version written, or undefined.
 */
export async function fetchPublishedTriageModel(store: RelationalStore, dataDir: string): Promise<number | undefined> {
  const local = Math.max(findLatestModelFile(triageDirOf(dataDir))?.version ?? 0, findLatestModelFile(shippedTriageDir)?.version ?? 0);
  const row = await store.db.selectFrom('triage_models').select(['version', 'file']).where('version', '>', local).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(row.file);
  } catch (err) {
    throw new TriageModelInvalidError(`triage_models version ${row.version}`, (err as Error).message);
  }
  const parsed = TriageModelFile.safeParse(raw);
  if (!parsed.success || parsed.data.version !== Number(row.version)) throw new TriageModelInvalidError(`triage_models version ${row.version}`, parsed.success ? 'the version inside the file differs' : (parsed.error.issues[0]?.message ?? 'invalid'));
  writeTriageModel(triageDirOf(dataDir), new TriageModel(parsed.data));
  return parsed.data.version;
}
