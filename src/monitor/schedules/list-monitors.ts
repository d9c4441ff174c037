import type { MonitorDeps } from '../alerts/alert.ts';
import { MonitorNotFoundError } from '../errors.ts';
import type { MonitorDefinition } from './definition.ts';
import { toDefinition } from './internal.ts';

/** Every stored monitor by name (a team has tens to hundreds, so no paging). */
export async function listMonitors(deps: Pick<MonitorDeps, 'store'>, options: { enabledOnly?: boolean } = {}): Promise<MonitorDefinition[]> {
  let q = deps.store.db.selectFrom('monitor_definitions').selectAll().orderBy('name');
  if (options.enabledOnly) q = q.where('enabled', '=', 1);
  return (await q.execute()).map(toDefinition);
}

/** One monitor by id or name; throws when there is none. */
export async function getMonitor(deps: Pick<MonitorDeps, 'store'>, idOrName: string): Promise<MonitorDefinition> {
  const row = await deps.store.db
    .selectFrom('monitor_definitions')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst();
  if (!row) throw new MonitorNotFoundError(idOrName);
  return toDefinition(row);
}
