export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
export type Lang = 'en' | 'es' | 'pt-BR';

export interface Incident {
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  summary: string | null;
  severity: Severity;
  status: string;
  impact: string;
  source: { type: string; id: string | null };
  roles: Record<'commander' | 'comms' | 'scribe', string | null>;
  affected: Array<{ chain?: string; feature?: string; platform?: string; appVersion?: string }>;
  workaround: string | null;
  nextUpdateAt: string | null;
  usersAffected: number | null;
  published: boolean;
  startedAt: string;
  resolvedAt: string | null;
  postmortem: string | null;
}

export interface StatusComponent {
  id: string;
  name: string;
  description: string | null;
  group: boolean;
  groupId: string | null;
  position: number;
  status: ComponentStatus;
  provider: string | null;
}

export interface IncidentUpdate {
  id: string;
  status: string;
  bodies: Record<Lang, string>;
  affectedComponents: Array<{ code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus }>;
  createdBy: string | null;
  createdAt: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorName: string;
  text: string;
}

export interface ProviderLogEntry {
  id: string;
  provider: string;
  direction: 'reported' | 'reply' | 'status_page' | 'note';
  reference: string | null;
  text: string;
  providerStatus: string | null;
  at: string;
}

export interface IncidentDetail {
  incident: Incident;
  links: Array<{ kind: string; refId: string; createdAt: string }>;
  updates: IncidentUpdate[];
  components: Array<{ component: StatusComponent; status: ComponentStatus }>;
  providers: Record<string, ProviderLogEntry[]>;
  timeline: TimelineEntry[];
}

export const severities: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
export const componentStatuses: ComponentStatus[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
export const incidentPhases = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const maintenancePhases = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const langs: Array<{ tag: Lang; label: string }> = [
  { tag: 'en', label: 'English' },
  { tag: 'es', label: 'Español' },
  { tag: 'pt-BR', label: 'Português (Brasil)' },
];

export const human = (s: string) => s.replace(/_/g, ' ');
