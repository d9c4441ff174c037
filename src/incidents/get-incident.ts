import type { IncidentsDeps } from './deps.ts';
import type { ComponentStatus, IncidentDetail, TimelineEntry, TimelineKind } from './incident.ts';
import { loadIncident, toComponent, toUpdate } from './internal.ts';
import { listLinks } from './link-items.ts';
import { listProviderLog } from './log-provider.ts';

export type { IncidentDetail };

/** Gets an incident with its links, updates, components, provider log and timeline; throws when missing. */
export async function getIncident(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<IncidentDetail> {
  const { db } = deps.store;
  const incident = await loadIncident(db, id);
  const [links, updates, comps, providers, timeline] = await Promise.all([
    listLinks(deps, id),
    db.selectFrom('incident_updates').selectAll().where('incident_id', '=', id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('incident_components').innerJoin('status_components', 'status_components.id', 'incident_components.component_id').selectAll('status_components').select('incident_components.status as incident_status').where('incident_components.incident_id', '=', id).execute(),
    listProviderLog(deps, id),
    listTimeline(deps, id),
  ]);
  return {
    incident,
    links,
    updates: updates.map(toUpdate),
    components: comps.map((c) => ({ component: toComponent(c), status: c.incident_status as ComponentStatus })),
    providers,
    timeline,
  };
}

/** The incident's timeline, oldest first. */
export async function listTimeline(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<TimelineEntry[]> {
  const rows = await deps.store.db.selectFrom('incident_timeline').selectAll().where('incident_id', '=', id).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, incidentId: r.incident_id, at: r.at, kind: r.kind as TimelineKind, actorId: r.actor_id, actorName: r.actor_name, text: r.text, data: r.data ? (JSON.parse(r.data) as unknown) : null }));
}
