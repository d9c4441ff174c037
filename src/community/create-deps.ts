import type { Clock, Config } from '../core/index.ts';
import { createEntityExtractor } from '../entities/index.ts';
import type { MonitorDeps } from '../monitor/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import type { CommunityDeps } from './deps.ts';

export interface CommunityDepsOptions {
  store: RelationalStore;
  clock: Clock;
  config: Pick<Config, 'community'>;
  /** Where bursts are raised as alerts (the runtime's, so incident channels are wired). */
  monitor: MonitorDeps;
  /** The chain registry the entity extractor indexes. */
  registry: Parameters<typeof createEntityExtractor>[0];
  /** The ticket triager, whose category each post gets (optional: without it posts have no category). */
  triager?: { triage(text: string): { category: string } };
}

/** Builds the community verbs' dependencies from the runtime's parts. */
export async function createCommunityDeps(options: CommunityDepsOptions): Promise<CommunityDeps> {
  const entities = await createEntityExtractor(options.registry);
  const deps: CommunityDeps = { store: options.store, clock: options.clock, config: options.config.community, entities, monitor: options.monitor };
  const triager = options.triager;
  if (triager) {
    deps.classify = (text) => {
      try {
        return triager.triage(text).category;
      } catch {
        // Empty or oversized texts have no category; the post is still counted.
        return undefined;
      }
    };
  }
  return deps;
}
