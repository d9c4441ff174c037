import type { Actor, IncidentsDeps } from './deps.ts';
import { IncidentRole, type Incident } from './incident.ts';
import { appendTimeline, loadIncident, parseInput } from './internal.ts';

const column = { commander: 'commander_id', comms: 'comms_id', scribe: 'scribe_id' } as const;

/** Gives an incident role (commander, comms, scribe) to a person, or clears it with null. */
export async function assignRole(deps: IncidentsDeps, id: string, roleInput: string, assignee: string | null, actor: Actor): Promise<Incident> {
  const role = parseInput(IncidentRole, roleInput, 'incident role');
  return deps.store.db.transaction().execute(async (trx) => {
    const incident = await loadIncident(trx, id);
    const before = incident.roles[role];
    if (before === assignee) return incident;
    await trx.updateTable('incidents').set({ [column[role]]: assignee, updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendTimeline(trx, deps, id, actor, 'role', `${role}: ${before ?? '(none)'} → ${assignee ?? '(none)'}`, { role, from: before, to: assignee });
    return loadIncident(trx, id);
  });
}
