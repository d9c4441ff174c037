import { z } from 'zod';

export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const IncidentStatus = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const MaintenanceStatus = z.enum(maintenanceStatuses);
export type MaintenanceStatus = z.infer<typeof MaintenanceStatus>;

export type AnyStatus = IncidentStatus | MaintenanceStatus;

export const impacts = ['none', 'minor', 'major', 'critical'] as const;
export const Impact = z.enum(impacts);
export type Impact = z.infer<typeof Impact>;

export const incidentRoles = ['commander', 'comms', 'scribe'] as const;
export const IncidentRole = z.enum(incidentRoles);
export type IncidentRole = z.infer<typeof IncidentRole>;

export const linkKinds = ['alert', 'ticket', 'cluster', 'signal'] as const;
export const LinkKind = z.enum(linkKinds);
export type LinkKind = z.infer<typeof LinkKind>;

export const sourceTypes = ['alert', 'cluster', 'signal', 'manual'] as const;
export const SourceType = z.enum(sourceTypes);
export type SourceType = z.infer<typeof SourceType>;

export const features = ['send', 'receive', 'swap', 'bridge', 'staking', 'card', 'buy'] as const;
export const Feature = z.enum(features);
export type Feature = z.infer<typeof Feature>;

export const platforms = ['ios', 'android', 'extension', 'desktop', 'web'] as const;

/** One cell of the affected matrix; a missing field means "all" (every chain, platform, version). */
export const AffectedCell = z.strictObject({
  chain: z.string().regex(/^[a-z0-9-]{2,32}$/, 'a lowercase chain slug').optional(),
  feature: Feature.optional(),
  platform: z.enum(platforms).optional(),
  appVersion: z.string().regex(/^[0-9][0-9A-Za-z.+-]{0,31}$/, 'a version such as 9.1.2 or 9.1.x').optional(),
});
export type AffectedCell = z.infer<typeof AffectedCell>;

export const langs = ['en', 'es', 'pt-BR'] as const;
export const Lang = z.enum(langs);
export type Lang = z.infer<typeof Lang>;
export type Localized = Record<Lang, string>;

export const componentStatuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export const ComponentStatus = z.enum(componentStatuses);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export interface Incident {
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  /** Internal summary; never published. */
  summary: string | null;
  severity: Severity;
  status: AnyStatus;
  impact: Impact;
  source: { type: SourceType; id: string | null };
  roles: Record<IncidentRole, string | null>;
  affected: AffectedCell[];
  workaround: string | null;
  nextUpdateAt: string | null;
  usersAffected: number | null;
  errorRatio: number | null;
  /** True once a public update was posted; only published incidents appear on the status page. */
  published: boolean;
  startedAt: string;
  identifiedAt: string | null;
  monitoringAt: string | null;
  resolvedAt: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  postmortem: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentLink {
  kind: LinkKind;
  refId: string;
  createdAt: string;
  createdBy: string | null;
}

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface IncidentUpdate {
  id: string;
  incidentId: string;
  status: AnyStatus;
  bodies: Localized;
  affectedComponents: AffectedComponent[];
  deliverNotifications: boolean;
  createdBy: string | null;
  createdAt: string;
  displayAt: string;
}

export const timelineKinds = ['declared', 'status', 'severity', 'role', 'link', 'update', 'provider', 'note', 'component', 'notification', 'postmortem', 'field'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineEntry {
  id: string;
  incidentId: string;
  at: string;
  kind: TimelineKind;
  actorId: string | null;
  actorName: string;
  text: string;
  data: unknown;
}

export const providerDirections = ['reported', 'reply', 'status_page', 'note'] as const;
export const ProviderDirection = z.enum(providerDirections);
export type ProviderDirection = z.infer<typeof ProviderDirection>;

export interface ProviderLogEntry {
  id: string;
  incidentId: string;
  provider: string;
  direction: ProviderDirection;
  reference: string | null;
  text: string;
  providerStatus: string | null;
  actorId: string | null;
  at: string;
}

export interface StatusComponent {
  id: string;
  name: string;
  description: string | null;
  group: boolean;
  groupId: string | null;
  position: number;
  status: ComponentStatus;
  onlyShowIfDegraded: boolean;
  showcase: boolean;
  provider: string | null;
  providerComponentId: string | null;
  startDate: string;
  createdAt: string;
  updatedAt: string;
}

/** An incident with everything the console shows on its page (`GET /api/incidents/:id`). */
export interface IncidentDetail {
  incident: Incident;
  links: IncidentLink[];
  /** Newest first. */
  updates: IncidentUpdate[];
  components: { component: StatusComponent; status: ComponentStatus }[];
  providers: Record<string, ProviderLogEntry[]>;
  timeline: TimelineEntry[];
}

export interface Subscriber {
  id: string;
  channel: 'email' | 'webhook';
  email: string | null;
  webhookUrl: string | null;
  lang: Lang;
  componentIds: string[];
  confirmed: boolean;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

/** SEV → the Statuspage impact shown publicly. */
export const impactOfSeverity: Record<Severity, Impact> = { SEV1: 'critical', SEV2: 'major', SEV3: 'minor', SEV4: 'minor' };
