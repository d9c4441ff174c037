import type { MonitorDeps } from '../alerts/alert.ts';
import { getMonitor } from './list-monitors.ts';
import type { MonitorDefinition } from './definition.ts';

/** Deletes a monitor (by id or name); its open alerts stay until resolved. */
export async function removeMonitor(deps: Pick<MonitorDeps, 'store'>, idOrName: string): Promise<MonitorDefinition> {
  const monitor = await getMonitor(deps, idOrName);
  await deps.store.db.deleteFrom('monitor_definitions').where('id', '=', monitor.id).execute();
  return monitor;
}
