export { createEntityExtractor } from './create-entity-extractor.ts';
export { normalizeNumber } from './text-facts.ts';
export type { Entities, EntityExtractor } from './entities.ts';
