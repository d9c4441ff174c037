import { createChainRegistry } from '../../chains/index.ts';
import { createEntityExtractor } from '../../entities/index.ts';
import { loadTriageModel, shippedTriageDir, triageDirOf } from './load.ts';
import { findLatestModelFile } from './model.ts';
import type { OpenTriagerOptions } from './open.ts';
import { createTriager, type Triager } from './triage.ts';

/** A triager that can swap in a newer model version while the server runs. */
export interface ReloadingTriager extends Triager {
  /** Loads the newest model file if its version differs from the one in use; returns the new version, or undefined. */
  reload(): number | undefined;
}

/** Builds a triager over the newest model whose model can be replaced without a restart. */
export async function openReloadingTriager(options: OpenTriagerOptions): Promise<ReloadingTriager> {
  const entities = await createEntityExtractor(options.registry ?? createChainRegistry());
  const build = () => createTriager({ model: loadTriageModel(options.dataDir), entities, ...(options.kbSearch ? { kbSearch: options.kbSearch } : {}) });
  let current = build();
  return {
    get modelVersion() {
      return current.modelVersion;
    },
    triage: (input) => current.triage(input),
    reload() {
      // Listing two folders is cheap; the model file is read only when a newer version appeared.
      const newest = Math.max(findLatestModelFile(triageDirOf(options.dataDir))?.version ?? 0, findLatestModelFile(shippedTriageDir)?.version ?? 0);
      if (newest === current.modelVersion) return undefined;
      const next = build();
      if (next.modelVersion === current.modelVersion) return undefined;
      current = next;
      return next.modelVersion;
    },
  };
}
