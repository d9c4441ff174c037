import { ValidationError, newId } from '../core/index.ts';
import type { Db, Selectable, Database } from '../storage/index.ts';
import type { z } from 'zod';
import type { Actor, IncidentsDeps } from './deps.ts';
import { IncidentNotFoundError } from './errors.ts';
import type { AffectedCell, ComponentStatus, Incident, IncidentUpdate, Localized, StatusComponent, TimelineKind, AnyStatus, Severity, Impact, SourceType, ProviderDirection, ProviderLogEntry, Subscriber, Lang } from './incident.ts';

/** Parses input with a zod schema into one validation error listing every issue. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ValidationError(`Invalid ${what}.`, {
    metaMessages: r.error.issues.map((i) => `- ${i.path.join('.') || '(input)'}: ${i.message}`),
    context: { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  });
}

export function toIncident(r: Selectable<Database['incidents']>): Incident {
  return {
    id: r.id,
    kind: r.kind as Incident['kind'],
    title: r.title,
    summary: r.summary,
    severity: r.severity as Severity,
    status: r.status as AnyStatus,
    impact: r.impact as Impact,
    source: { type: r.source_type as SourceType, id: r.source_id },
    roles: { commander: r.commander_id, comms: r.comms_id, scribe: r.scribe_id },
    affected: JSON.parse(r.affected) as AffectedCell[],
    workaround: r.workaround,
    nextUpdateAt: r.next_update_at,
    usersAffected: r.users_affected === null ? null : Number(r.users_affected),
    errorRatio: r.error_ratio === null ? null : Number(r.error_ratio),
    published: Number(r.published) === 1,
    startedAt: r.started_at,
    identifiedAt: r.identified_at,
    monitoringAt: r.monitoring_at,
    resolvedAt: r.resolved_at,
    scheduledFor: r.scheduled_for,
    scheduledUntil: r.scheduled_until,
    postmortem: r.postmortem,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toUpdate(r: Selectable<Database['incident_updates']>): IncidentUpdate {
  return {
    id: r.id,
    incidentId: r.incident_id,
    status: r.status as AnyStatus,
    bodies: JSON.parse(r.bodies) as Localized,
    affectedComponents: JSON.parse(r.affected_components) as IncidentUpdate['affectedComponents'],
    deliverNotifications: Number(r.deliver_notifications) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    displayAt: r.display_at,
  };
}

export function toComponent(r: Selectable<Database['status_components']>): StatusComponent {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    group: Number(r.is_group) === 1,
    groupId: r.group_id,
    position: Number(r.position),
    status: r.status as ComponentStatus,
    onlyShowIfDegraded: Number(r.only_show_if_degraded) === 1,
    showcase: Number(r.showcase) === 1,
    provider: r.provider,
    providerComponentId: r.provider_component_id,
    startDate: r.start_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toProviderEntry(r: Selectable<Database['incident_provider_log']>): ProviderLogEntry {
  return {
    id: r.id,
    incidentId: r.incident_id,
    provider: r.provider,
    direction: r.direction as ProviderDirection,
    reference: r.reference,
    text: r.text,
    providerStatus: r.provider_status,
    actorId: r.actor_id,
    at: r.at,
  };
}

export function toSubscriber(r: Selectable<Database['status_subscribers']>): Subscriber {
  return {
    id: r.id,
    channel: r.channel as Subscriber['channel'],
    email: r.email,
    webhookUrl: r.webhook_url,
    lang: r.lang as Lang,
    componentIds: JSON.parse(r.component_ids) as string[],
    confirmed: Number(r.confirmed) === 1,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  };
}

export async function loadIncident(db: Db, id: string): Promise<Incident> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new IncidentNotFoundError(id);
  return toIncident(row);
}

/** Appends one timeline entry; every change to an incident goes through here. */
export async function appendTimeline(
  db: Db,
  deps: Pick<IncidentsDeps, 'clock'>,
  incidentId: string,
  actor: Actor,
  kind: TimelineKind,
  text: string,
  data?: unknown,
): Promise<void> {
  await db
    .insertInto('incident_timeline')
    .values({
      id: newId('itl', deps.clock.nowMs()),
      incident_id: incidentId,
      at: deps.clock.now().toISOString(),
      kind,
      actor_id: actor.id,
      actor_name: actor.name,
      text,
      data: data === undefined ? null : JSON.stringify(data),
    })
    .execute();
}

export async function touch(db: Db, deps: Pick<IncidentsDeps, 'clock'>, id: string): Promise<void> {
  await db.updateTable('incidents').set({ updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
}

export const componentRank: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** Records a component status change (and its uptime event) when the status differs. */
export async function setComponentStatusRow(db: Db, deps: Pick<IncidentsDeps, 'clock'>, component: StatusComponent, status: ComponentStatus): Promise<boolean> {
  if (component.status === status) return false;
  const now = deps.clock.now().toISOString();
  await db.updateTable('status_components').set({ status, updated_at: now }).where('id', '=', component.id).execute();
  await db.insertInto('status_component_events').values({ id: newId('sce', deps.clock.nowMs()), component_id: component.id, status, at: now }).execute();
  return true;
}
