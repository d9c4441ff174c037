import type { AlertRecord, IncidentChannelOptions, IncidentHooks } from '../monitor/index.ts';
import { addNote } from './add-note.ts';
import { declareFromAlert } from './declare-from-alert.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { linkItems } from './link-items.ts';
import { postIncidentUpdate } from './post-update.ts';
import { resolveIncident } from './resolve.ts';

const closed = ['resolved', 'completed'];

/** The open incident that has an alert of this fingerprint linked, oldest first. */
async function openIncidentFor(deps: IncidentsDeps, fingerprint: string): Promise<{ id: string; published: boolean } | undefined> {
  const row = await deps.store.db
    .selectFrom('incidents as i')
    .innerJoin('incident_links as l', (j) => j.onRef('l.incident_id', '=', 'i.id').on('l.kind', '=', 'alert'))
    .innerJoin('monitor_alerts as a', 'a.id', 'l.ref_id')
    .select(['i.id', 'i.published'])
    .where('a.fingerprint', '=', fingerprint)
    .where('i.kind', '=', 'incident')
    .where('i.status', 'not in', closed)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .executeTakeFirst();
  return row ? { id: row.id, published: Number(row.published) === 1 } : undefined;
}

const actorOf = (channel: string): Actor => ({ id: null, name: `OpsDesk monitor (channel ${channel})` });

/**
 * Incident-channel hooks for the monitor: a firing alert opens an incident through the same path as
 * `POST /api/incidents/from-alert` unless one is already open for its fingerprint (then the alert is
 * linked to it); a resolved alert adds a timeline entry, and resolves a published incident when the
 * channel asks for it.
 */
export function alertIncidentHooks(deps: IncidentsDeps): IncidentHooks {
  return {
    async openIncident(alert: AlertRecord, options: IncidentChannelOptions, channel: string) {
      const actor = actorOf(channel);
      const open = await openIncidentFor(deps, alert.fingerprint);
      if (open) {
        await linkItems(deps, open.id, [{ kind: 'alert', id: alert.id }], actor);
        return { incidentId: open.id, action: 'linked' as const };
      }
      const severity = options.severity[alert.severity];
      const { id, fingerprint, title, summary, status, startedAt } = alert;
      const incident = await declareFromAlert(deps, { id, fingerprint, title, summary, severity: alert.severity, series: alert.series, status, startedAt }, actor, severity ? { severity } : {});
      if (options.publish) {
        await postIncidentUpdate(deps, incident.id, { status: 'investigating', ...(options.components.length ? { components: options.components } : {}) }, actor);
      } else {
        const marks = options.components.map((c) => `${c.id} → ${c.status}`).join(', ');
        await addNote(deps, incident.id, `Opened by alert channel ${channel}; internal until someone publishes it.${marks ? ` Suggested components: ${marks}.` : ''}`, actor);
      }
      return { incidentId: incident.id, action: 'opened' as const };
    },
    async alertResolved(alert: AlertRecord, options: IncidentChannelOptions, channel: string) {
      const actor = actorOf(channel);
      const open = await openIncidentFor(deps, alert.fingerprint);
      if (!open) return undefined;
      await addNote(deps, open.id, `Alert ${alert.id} resolved at ${alert.resolvedAt ?? deps.clock.now().toISOString()}${alert.resolvedBy ? ` by ${alert.resolvedBy}` : ''}: ${alert.title}`, actor);
      if (options.resolveIncident && open.published) {
        await resolveIncident(deps, open.id, {}, actor);
        return { incidentId: open.id, action: 'resolved' as const };
      }
      return { incidentId: open.id, action: 'noted' as const };
    },
  };
}
