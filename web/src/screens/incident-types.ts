import type { ComponentStatus, Lang, Severity } from '../../../src/incidents/incident.ts';

// The API's shapes, from the server's own definitions (type-only: nothing of the server is bundled).
export type { ComponentStatus, Incident, IncidentDetail, IncidentUpdate, Lang, ProviderLogEntry, Severity, StatusComponent, TimelineEntry } from '../../../src/incidents/incident.ts';

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
