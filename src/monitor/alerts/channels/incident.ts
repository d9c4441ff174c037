import { z } from 'zod';
import { ChannelDeliveryError } from '../../errors.ts';
import type { AlertRecord, Channel, IncidentHooks } from '../alert.ts';
import type { NotifyKind } from './send.ts';

const incidentSeverities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
const componentStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;

/** Options of an `incident` channel: how an alert routed to it becomes an incident. */
export const IncidentChannelOptions = z.strictObject({
  publish: z.boolean().default(false).describe('Post the incident on the public status page at once; by default it stays internal until a person publishes it.'),
  components: z
    .array(z.strictObject({ id: z.string().min(1).max(100), status: z.enum(componentStatuses) }))
    .max(50)
    .default([])
    .describe('Status-page components to mark (applied when published; kept as a suggestion on internal incidents).'),
  severity: z.partialRecord(z.enum(['critical', 'page', 'warning', 'ticket', 'info']), z.enum(incidentSeverities)).default({}).describe('Incident severity per alert severity; unmapped ones use the from-alert default.'),
  resolveIncident: z.boolean().default(false).describe('Resolve the (published) incident when its alert resolves; by default only a timeline entry is added.'),
});
export type IncidentChannelOptions = z.infer<typeof IncidentChannelOptions>;

/** Reads the options an incident channel stores in its target column. */
export function incidentOptionsOf(target: string): IncidentChannelOptions {
  try {
    return IncidentChannelOptions.parse(target ? JSON.parse(target) : {});
  } catch {
    return IncidentChannelOptions.parse({});
  }
}

/**
 * Opens (or links to) the incident for a firing alert, or records the resolution on it, through the
 * injected incident hooks; returns a short note for the alert's history.
 */
export async function sendToIncident(channel: Channel, alert: AlertRecord, kind: NotifyKind, hooks: IncidentHooks | undefined): Promise<string> {
  if (!hooks) throw new ChannelDeliveryError(channel.name, 'incident channels are not wired in this process (the server and the monitor scheduler wire them)');
  const options = channel.options ?? incidentOptionsOf(channel.target);
  try {
    if (kind === 'resolved') {
      const res = await hooks.alertResolved(alert, options, channel.name);
      return res ? `incident ${res.incidentId} ${res.action}` : 'no open incident for this alert';
    }
    const res = await hooks.openIncident(alert, options, channel.name);
    return `incident ${res.incidentId} ${res.action}`;
  } catch (err) {
    throw new ChannelDeliveryError(channel.name, `could not open the incident: ${(err as Error).message.split('\n')[0]}`, err);
  }
}
