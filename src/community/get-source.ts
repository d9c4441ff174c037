import type { CommunityDeps } from './deps.ts';
import { CommunitySourceNotFoundError } from './errors.ts';
import { toSource } from './internal.ts';
import type { Source } from './source.ts';

/** A source by id or name; throws when there is none. */
export async function getSource(deps: Pick<CommunityDeps, 'store'>, ref: string): Promise<Source> {
  const row = await deps.store.db.selectFrom('community_sources').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst();
  if (!row) throw new CommunitySourceNotFoundError(ref);
  return toSource(row);
}
