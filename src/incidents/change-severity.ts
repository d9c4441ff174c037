import type { Actor, IncidentsDeps } from './deps.ts';
import { Severity, impactOfSeverity, type Incident } from './incident.ts';
import { appendTimeline, loadIncident, parseInput } from './internal.ts';
import { isClosed } from './transition.ts';
import { IncidentResolvedError } from './errors.ts';

/** Changes an incident's severity (and its public impact, following the severity). */
export async function changeSeverity(deps: IncidentsDeps, id: string, severityInput: string, actor: Actor): Promise<Incident> {
  const severity = parseInput(Severity, severityInput, 'severity');
  return deps.store.db.transaction().execute(async (trx) => {
    const incident = await loadIncident(trx, id);
    if (isClosed(incident)) throw new IncidentResolvedError(id);
    if (incident.severity === severity) return incident;
    await trx.updateTable('incidents').set({ severity, impact: impactOfSeverity[severity], updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendTimeline(trx, deps, id, actor, 'severity', `Severity ${incident.severity} → ${severity}`, { from: incident.severity, to: severity });
    return loadIncident(trx, id);
  });
}
