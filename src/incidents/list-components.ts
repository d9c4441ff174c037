import type { IncidentsDeps } from './deps.ts';
import { ComponentNotFoundError } from './errors.ts';
import type { StatusComponent } from './incident.ts';
import { loadComponents } from './public-data.ts';
import { toComponent } from './internal.ts';

/** Lists the status page components, in display order. */
export async function listComponents(deps: Pick<IncidentsDeps, 'store'>): Promise<StatusComponent[]> {
  return loadComponents(deps);
}

/** Gets one component; throws when missing. */
export async function getComponent(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<StatusComponent> {
  const row = await deps.store.db.selectFrom('status_components').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ComponentNotFoundError(id);
  return toComponent(row);
}

/** Checks the ids name existing components (so subscriptions cannot hold junk); returns them deduplicated. */
export async function knownComponentIds(deps: Pick<IncidentsDeps, 'store'>, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await deps.store.db.selectFrom('status_components').select('id').where('id', 'in', unique).execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new ComponentNotFoundError(missing);
  return unique;
}
