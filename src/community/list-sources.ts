import type { CommunityDeps } from './deps.ts';
import { toSource } from './internal.ts';
import type { Source } from './source.ts';

/** Every source, by name. */
export async function listSources(deps: Pick<CommunityDeps, 'store'>): Promise<Source[]> {
  const rows = await deps.store.db.selectFrom('community_sources').selectAll().orderBy('name').execute();
  return rows.map(toSource);
}
