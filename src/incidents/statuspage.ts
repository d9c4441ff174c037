import type { IncidentsDeps } from './deps.ts';
import type { ComponentStatus, Impact, Lang, StatusComponent } from './incident.ts';
import { componentRank } from './internal.ts';
import { loadComponents, loadPublicIncidents, type PublicIncident } from './public-data.ts';

/** Statuspage `page` object. */
export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export type SpIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export interface SpStatus {
  indicator: SpIndicator;
  description: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  description: string | null;
  position: number;
  group: boolean;
  group_id: string | null;
  components?: string[];
  only_show_if_degraded: boolean;
  showcase: boolean;
  start_date: string;
  created_at: string;
  updated_at: string;
  page_id: string;
}

export interface SpIncidentUpdate {
  id: string;
  incident_id: string;
  status: string;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus }[];
  deliver_notifications: boolean;
}

export interface SpIncident {
  id: string;
  name: string;
  status: string;
  impact: Impact | 'maintenance';
  shortlink: string;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  page_id: string;
  components: SpComponent[];
  incident_updates: SpIncidentUpdate[];
  scheduled_for?: string | null;
  scheduled_until?: string | null;
}

export const indicatorDescriptions: Record<SpIndicator, Record<Lang, string>> = {
  none: { en: 'All Systems Operational', es: 'Todos los sistemas operativos', 'pt-BR': 'Todos os sistemas operacionais' },
  minor: { en: 'Minor Service Outage', es: 'Interrupción menor del servicio', 'pt-BR': 'Interrupção parcial leve' },
  major: { en: 'Partial System Outage', es: 'Interrupción parcial del sistema', 'pt-BR': 'Interrupção parcial do sistema' },
  critical: { en: 'Major Service Outage', es: 'Interrupción mayor del servicio', 'pt-BR': 'Interrupção grave do serviço' },
  maintenance: { en: 'Service Under Maintenance', es: 'Servicio en mantenimiento', 'pt-BR': 'Serviço em manutenção' },
};

const indicatorRank: Record<SpIndicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const indicatorOfComponent: Record<ComponentStatus, SpIndicator> = { operational: 'none', under_maintenance: 'maintenance', degraded_performance: 'minor', partial_outage: 'major', major_outage: 'critical' };

export interface StatusPageContext {
  deps: Pick<IncidentsDeps, 'store' | 'statusPage' | 'publicUrl' | 'clock'>;
  lang: Lang;
}

/** The page's overall status: the worst of its components and its unresolved incidents' impact. */
export function overallStatus(components: readonly StatusComponent[], unresolved: readonly PublicIncident[], lang: Lang): SpStatus {
  let worst: SpIndicator = 'none';
  const bump = (i: SpIndicator) => {
    if (indicatorRank[i] > indicatorRank[worst]) worst = i;
  };
  for (const c of components) if (!c.group) bump(indicatorOfComponent[c.status]);
  for (const p of unresolved) bump(p.incident.impact === 'none' ? 'none' : p.incident.impact);
  return { indicator: worst, description: indicatorDescriptions[worst][lang] };
}

export function spPage(ctx: StatusPageContext, updatedAt: string): SpPage {
  return { id: ctx.deps.statusPage.pageId, name: ctx.deps.statusPage.name, url: `${ctx.deps.publicUrl}/status`, time_zone: ctx.deps.statusPage.timeZone, updated_at: updatedAt };
}

/** A component in the Statuspage shape; a group shows the worst status of its components. */
export function spComponent(c: StatusComponent, all: readonly StatusComponent[], pageId: string): SpComponent {
  const children = c.group ? all.filter((x) => x.groupId === c.id) : [];
  const out: SpComponent = {
    id: c.id,
    name: c.name,
    status: c.group ? worstStatus(children.map((x) => x.status)) : c.status,
    description: c.description,
    position: c.position,
    group: c.group,
    group_id: c.groupId,
    only_show_if_degraded: c.onlyShowIfDegraded,
    showcase: c.showcase,
    start_date: c.startDate.slice(0, 10),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    page_id: pageId,
  };
  if (c.group) out.components = children.map((x) => x.id);
  return out;
}

/** A published incident or maintenance in the Statuspage shape, in one language. */
export function spIncident(p: PublicIncident, ctx: StatusPageContext, all: readonly StatusComponent[]): SpIncident {
  const i = p.incident;
  const pageId = ctx.deps.statusPage.pageId;
  const out: SpIncident = {
    id: i.id,
    name: i.title,
    status: i.status,
    impact: i.kind === 'maintenance' ? 'maintenance' : i.impact,
    shortlink: `${ctx.deps.publicUrl}/status/incidents/${i.id}`,
    created_at: i.createdAt,
    updated_at: p.updates[0]?.createdAt ?? i.createdAt,
    started_at: i.startedAt,
    monitoring_at: i.monitoringAt,
    resolved_at: i.resolvedAt,
    page_id: pageId,
    components: p.components.map((c) => spComponent(c.component, all, pageId)),
    incident_updates: p.updates.map((u) => ({
      id: u.id,
      incident_id: i.id,
      status: u.status,
      body: u.bodies[ctx.lang] ?? u.bodies.en,
      created_at: u.createdAt,
      updated_at: u.createdAt,
      display_at: u.displayAt,
      affected_components: u.affectedComponents,
      deliver_notifications: u.deliverNotifications,
    })),
  };
  if (i.kind === 'maintenance') {
    out.scheduled_for = i.scheduledFor;
    out.scheduled_until = i.scheduledUntil;
  }
  return out;
}

export type SpDocument = 'summary' | 'status' | 'components' | 'incidents' | 'incidents/unresolved' | 'scheduled-maintenances' | 'scheduled-maintenances/upcoming' | 'scheduled-maintenances/active';

const unresolvedStatuses = ['investigating', 'identified', 'monitoring'];

/** Builds one of the Statuspage v2 public JSON documents. */
export async function statuspageDocument(ctx: StatusPageContext, doc: SpDocument): Promise<Record<string, unknown>> {
  const deps = ctx.deps;
  const components = await loadComponents(deps);
  const pageId = deps.statusPage.pageId;
  const spComponents = components.map((c) => spComponent(c, components, pageId));
  const needsUnresolved = doc === 'summary' || doc === 'status' || doc === 'incidents/unresolved';
  const unresolved = needsUnresolved ? await loadPublicIncidents(deps, { kind: 'incident', statuses: unresolvedStatuses }) : [];
  let incidents: PublicIncident[] = [];
  let maintenances: PublicIncident[] = [];
  if (doc === 'incidents') incidents = await loadPublicIncidents(deps, { kind: 'incident', limit: 50 });
  if (doc === 'incidents/unresolved') incidents = unresolved;
  if (doc === 'summary') maintenances = await loadPublicIncidents(deps, { kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] });
  if (doc === 'scheduled-maintenances') maintenances = await loadPublicIncidents(deps, { kind: 'maintenance', limit: 50 });
  if (doc === 'scheduled-maintenances/upcoming') maintenances = await loadPublicIncidents(deps, { kind: 'maintenance', statuses: ['scheduled'] });
  if (doc === 'scheduled-maintenances/active') maintenances = await loadPublicIncidents(deps, { kind: 'maintenance', statuses: ['in_progress', 'verifying'] });
  if (doc === 'summary' || doc.startsWith('scheduled')) maintenances.sort((a, b) => (a.incident.scheduledFor ?? '').localeCompare(b.incident.scheduledFor ?? ''));
  const stamps = [...components.map((c) => c.updatedAt), ...[...unresolved, ...incidents, ...maintenances].map((p) => p.updates[0]?.createdAt ?? p.incident.updatedAt)];
  const updatedAt = stamps.sort().at(-1) ?? deps.clock.now().toISOString();
  const page = spPage(ctx, updatedAt);
  const activeMaintenance = needsUnresolved ? await loadPublicIncidents(deps, { kind: 'maintenance', statuses: ['in_progress', 'verifying'] }) : [];
  const status = overallStatus(components, unresolved, ctx.lang);
  if (status.indicator === 'none' && activeMaintenance.length) Object.assign(status, { indicator: 'maintenance', description: indicatorDescriptions.maintenance[ctx.lang] });
  switch (doc) {
    case 'summary':
      return { page, status, components: spComponents, incidents: unresolved.map((p) => spIncident(p, ctx, components)), scheduled_maintenances: maintenances.map((p) => spIncident(p, ctx, components)) };
    case 'status':
      return { page, status };
    case 'components':
      return { page, components: spComponents };
    case 'incidents':
    case 'incidents/unresolved':
      return { page, incidents: incidents.map((p) => spIncident(p, ctx, components)) };
    default:
      return { page, scheduled_maintenances: maintenances.map((p) => spIncident(p, ctx, components)) };
  }
}

/** The worst status of a set of components (for group rows). */
export function worstStatus(statuses: readonly ComponentStatus[]): ComponentStatus {
  return [...statuses].sort((a, b) => componentRank[b] - componentRank[a])[0] ?? 'operational';
}
