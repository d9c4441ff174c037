import type { IncidentsDeps } from './deps.ts';
import type { ComponentStatus, Incident, IncidentUpdate, StatusComponent } from './incident.ts';
import { toComponent, toIncident, toUpdate } from './internal.ts';

/** A published incident or maintenance with what the public may see of it. */
export interface PublicIncident {
  incident: Incident;
  /** Newest first. */
  updates: IncidentUpdate[];
  components: { component: StatusComponent; status: ComponentStatus }[];
}

export interface PublicIncidentFilter {
  kind: 'incident' | 'maintenance';
  /** Only these statuses. */
  statuses?: readonly string[];
  limit?: number;
  /** Only incidents started (or scheduled) at or after this ISO time. */
  since?: string;
  ids?: readonly string[];
}

/** Loads published incidents (those with at least one public update), newest first. */
export async function loadPublicIncidents(deps: Pick<IncidentsDeps, 'store'>, filter: PublicIncidentFilter): Promise<PublicIncident[]> {
  const { db } = deps.store;
  let q = db.selectFrom('incidents').selectAll().where('published', '=', 1).where('kind', '=', filter.kind);
  if (filter.statuses?.length) q = q.where('status', 'in', [...filter.statuses]);
  if (filter.since) q = q.where('started_at', '>=', filter.since);
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? [...filter.ids] : ['']);
  const rows = await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(Math.min(filter.limit ?? 50, 500)).execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const updates = await db.selectFrom('incident_updates').selectAll().where('incident_id', 'in', ids).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const comps = await db
    .selectFrom('incident_components')
    .innerJoin('status_components', 'status_components.id', 'incident_components.component_id')
    .selectAll('status_components')
    .select(['incident_components.incident_id as incident_id', 'incident_components.status as incident_status'])
    .where('incident_components.incident_id', 'in', ids)
    .orderBy('status_components.position')
    .execute();
  return rows.map((r) => ({
    incident: toIncident(r),
    updates: updates.filter((u) => u.incident_id === r.id).map(toUpdate),
    components: comps.filter((c) => c.incident_id === r.id).map((c) => ({ component: toComponent(c), status: c.incident_status as ComponentStatus })),
  }));
}

/** Loads every status page component, in display order. */
export async function loadComponents(deps: Pick<IncidentsDeps, 'store'>): Promise<StatusComponent[]> {
  const rows = await deps.store.db.selectFrom('status_components').selectAll().orderBy('position').orderBy('created_at').orderBy('id').execute();
  return rows.map(toComponent);
}

/** Loads one published incident, or undefined when it does not exist or is not public. */
export async function findPublicIncident(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<PublicIncident | undefined> {
  const row = await deps.store.db.selectFrom('incidents').select(['kind']).where('id', '=', id).where('published', '=', 1).executeTakeFirst();
  if (!row) return undefined;
  const [found] = await loadPublicIncidents(deps, { kind: row.kind as 'incident' | 'maintenance', ids: [id] });
  return found;
}
