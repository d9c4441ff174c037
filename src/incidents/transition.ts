import type { Db } from '../storage/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { IncidentChangedError, IncidentResolvedError, IncidentTransitionError } from './errors.ts';
import { incidentStatuses, maintenanceStatuses, type AnyStatus, type Incident } from './incident.ts';
import { appendTimeline, componentRank, setComponentStatusRow, toComponent } from './internal.ts';

export function isClosed(incident: Pick<Incident, 'status'>): boolean {
  return incident.status === 'resolved' || incident.status === 'completed';
}

/** Checks a status belongs to the incident's kind and that the incident is still open. */
export function assertTransition(incident: Incident, to: AnyStatus): void {
  if (isClosed(incident)) throw new IncidentResolvedError(incident.id);
  const allowed: readonly string[] = incident.kind === 'maintenance' ? maintenanceStatuses : incidentStatuses;
  if (!allowed.includes(to)) throw new IncidentTransitionError(incident.id, incident.status, to);
}

/** Moves an incident to a status, stamping the phase time and writing the timeline. */
export async function applyStatus(db: Db, deps: Pick<IncidentsDeps, 'clock'>, incident: Incident, to: AnyStatus, actor: Actor): Promise<void> {
  assertTransition(incident, to);
  if (incident.status === to) return;
  const now = deps.clock.now().toISOString();
  const stamps: { identified_at?: string; monitoring_at?: string; resolved_at?: string } = {};
  if (to === 'identified' && !incident.identifiedAt) stamps.identified_at = now;
  if ((to === 'monitoring' || to === 'verifying') && !incident.monitoringAt) stamps.monitoring_at = now;
  if (to === 'resolved' || to === 'completed') stamps.resolved_at = now;
  const res = await db.updateTable('incidents').set({ status: to, updated_at: now, ...stamps }).where('id', '=', incident.id).where('status', '=', incident.status).executeTakeFirst();
  // Someone else moved it meanwhile (another replica, a double click): refuse rather than post twice.
  if (Number(res.numUpdatedRows) !== 1) throw new IncidentChangedError(incident.id);
  await appendTimeline(db, deps, incident.id, actor, 'status', `Status ${incident.status} → ${to}`, { from: incident.status, to });
  if (to === 'resolved' || to === 'completed') await restoreComponents(db, deps, incident.id, actor);
}

/** On resolution, puts each affected component back to the worst status other open incidents still give it. */
async function restoreComponents(db: Db, deps: Pick<IncidentsDeps, 'clock'>, incidentId: string, actor: Actor): Promise<void> {
  const affected = await db.selectFrom('incident_components').select('component_id').where('incident_id', '=', incidentId).execute();
  for (const { component_id } of affected) {
    const others = await db
      .selectFrom('incident_components')
      .innerJoin('incidents', 'incidents.id', 'incident_components.incident_id')
      .select('incident_components.status')
      .where('incident_components.component_id', '=', component_id)
      .where('incidents.id', '!=', incidentId)
      .where('incidents.status', 'not in', ['resolved', 'completed', 'scheduled'])
      .execute();
    const worst = others.map((o) => o.status as keyof typeof componentRank).sort((a, b) => componentRank[b] - componentRank[a])[0] ?? 'operational';
    const row = await db.selectFrom('status_components').selectAll().where('id', '=', component_id).executeTakeFirst();
    if (!row) continue;
    if (await setComponentStatusRow(db, deps, toComponent(row), worst)) {
      await appendTimeline(db, deps, incidentId, actor, 'component', `Component ${row.name}: ${row.status} → ${worst}`, { componentId: component_id, from: row.status, to: worst });
    }
  }
}
