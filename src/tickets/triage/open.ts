import { createChainRegistry, type ChainRegistry } from '../../chains/index.ts';
import { createEntityExtractor } from '../../entities/index.ts';
import { loadTriageModel } from './load.ts';
import { createTriager, type KbSearch, type Triager } from './triage.ts';

export interface OpenTriagerOptions {
  dataDir: string;
  registry?: ChainRegistry;
  kbSearch?: KbSearch;
}

/** Adapts a knowledge base (`KbService.search` of src/kb) to the triager's KB search. */
export function kbSearchFrom(kb: { search(query: string, options: { limit: number; chains?: readonly string[]; locale?: string }): Array<{ slug: string; title: string; score: number }> }): KbSearch {
  return (query, options) => kb.search(query, options).map((h) => ({ slug: h.slug, title: h.title, score: h.score }));
}

/** Builds the triager from the newest model and the chain registry's entity extractor. */
export async function openTriager(options: OpenTriagerOptions): Promise<Triager> {
  const model = loadTriageModel(options.dataDir);
  const entities = await createEntityExtractor(options.registry ?? createChainRegistry());
  return createTriager({ model, entities, ...(options.kbSearch ? { kbSearch: options.kbSearch } : {}) });
}
