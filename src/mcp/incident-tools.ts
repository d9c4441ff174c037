import { z } from 'zod';
import type { IncidentsService } from '../incidents/index.ts';
import type { ToolSpec } from './tools.ts';

/** service_status and incident_status from the incidents module (status page components and incidents). */
export function incidentTools(incidents: IncidentsService): ToolSpec[] {
  const serviceStatus: ToolSpec<{ includeOperational: z.ZodOptional<z.ZodBoolean> }> = {
    name: 'service_status',
    title: 'Service status',
    description: 'Current status of every status-page component (wallet services, chains, card, providers) and the open incidents, to tell whether a user’s problem is a known outage.',
    input: { includeOperational: z.boolean().optional().describe('Also list components that are operational (default false).') },
    async run(args) {
      const [components, open] = await Promise.all([incidents.publicComponents(), incidents.list({ open: true, limit: 50 })]);
      const listed = components.filter((c) => !c.group && (args.includeOperational || c.status !== 'operational'));
      return {
        degraded: components.filter((c) => !c.group && c.status !== 'operational').length,
        components: listed.map((c) => ({ id: c.id, name: c.name, status: c.status })),
        openIncidents: open.items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, severity: i.severity, status: i.status, startedAt: i.startedAt })),
      };
    },
  };
  const incidentStatus: ToolSpec<{ id: z.ZodOptional<z.ZodString> }> = {
    name: 'incident_status',
    title: 'Incident status',
    description: 'One incident (status, severity, affected components, latest public updates, workaround), or the open incidents when no id is given.',
    input: { id: z.string().min(1).max(100).optional().describe('Incident id; omit to list open incidents.') },
    async run(args) {
      if (!args.id) {
        const open = await incidents.list({ open: true, limit: 50 });
        return { openIncidents: open.items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, severity: i.severity, status: i.status, startedAt: i.startedAt, workaround: i.workaround })) };
      }
      const d = await incidents.get(args.id);
      const i = d.incident;
      return {
        id: i.id,
        kind: i.kind,
        title: i.title,
        severity: i.severity,
        status: i.status,
        impact: i.impact,
        startedAt: i.startedAt,
        workaround: i.workaround,
        nextUpdateAt: i.nextUpdateAt,
        components: d.components.map((c) => ({ name: c.component.name, status: c.status })),
        updates: d.updates.slice(0, 5).map((u) => ({ status: u.status, at: u.displayAt, text: u.bodies })),
      };
    },
  };
  return [serviceStatus as unknown as ToolSpec, incidentStatus as unknown as ToolSpec];
}
