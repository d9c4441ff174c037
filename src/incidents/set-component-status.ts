import type { Actor, IncidentsDeps } from './deps.ts';
import { ComponentStatus, type StatusComponent } from './incident.ts';
import { parseInput, setComponentStatusRow } from './internal.ts';
import { getComponent } from './list-components.ts';

/** Sets a component's status directly (outside an incident); the change counts in its uptime. */
export async function setComponentStatus(deps: IncidentsDeps, id: string, statusInput: string, _actor: Actor): Promise<StatusComponent> {
  const status = parseInput(ComponentStatus, statusInput, 'component status');
  const component = await getComponent(deps, id);
  await deps.store.db.transaction().execute((trx) => setComponentStatusRow(trx, deps, component, status));
  return getComponent(deps, id);
}
