import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { IncidentChangedError } from './errors.ts';
import { assertSafeUpdateText } from './guard.ts';
import { ComponentStatus, incidentStatuses, langs, maintenanceStatuses, type AffectedComponent, type Incident, type IncidentUpdate, type Lang, type Localized } from './incident.ts';
import { appendTimeline, loadIncident, parseInput, setComponentStatusRow, toComponent, toUpdate } from './internal.ts';
import { getComponent } from './list-components.ts';
import { notifySubscribers, type NotifyResult } from './notify.ts';
import { findPublicIncident } from './public-data.ts';
import { describeAffected, renderUpdate } from './templates.ts';
import { applyStatus, assertTransition } from './transition.ts';

const LocalizedText = z.strictObject({ en: z.string().trim().min(1).max(5000).optional(), es: z.string().trim().min(1).max(5000).optional(), 'pt-BR': z.string().trim().min(1).max(5000).optional() });

export const PostUpdateInput = z.strictObject({
  status: z.enum([...incidentStatuses, ...maintenanceStatuses]),
  /** Own words per language; languages left out get the phase template. */
  text: LocalizedText.default({}),
  components: z.array(z.strictObject({ id: z.string().min(1).max(100), status: ComponentStatus })).max(200).optional(),
  workaround: z.string().trim().max(2000).nullable().optional(),
  nextUpdateAt: z.iso.datetime({ offset: true }).nullable().optional(),
  notify: z.boolean().default(true),
  replyToTickets: z.boolean().default(true),
});
export type PostUpdateInput = z.input<typeof PostUpdateInput>;

export interface PostUpdateResult {
  incident: Incident;
  update: IncidentUpdate;
  notifications: NotifyResult | null;
  ticketReplies: { sent: number; failed: number; skipped: number; wired: boolean };
}

/**
 * Posts a public update in one action: moves the incident to the update's phase, sets component
 * statuses, publishes the text (templates fill what is not written) on the status page, notifies
 * subscribers and replies to every linked ticket. Texts pass redaction and the impersonation guard first.
 */
export async function postIncidentUpdate(deps: IncidentsDeps, id: string, input: PostUpdateInput, actor: Actor): Promise<PostUpdateResult> {
  const data = parseInput(PostUpdateInput, input, 'incident update');
  const incident = await loadIncident(deps.store.db, id);
  assertTransition(incident, data.status);
  const existing = await deps.store.db.selectFrom('incident_components').select(['component_id', 'status']).where('incident_id', '=', id).execute();
  const planned = data.components ?? existing.map((e) => ({ id: e.component_id, status: (data.status === 'in_progress' ? 'under_maintenance' : e.status) as ComponentStatus }));
  const components = await Promise.all(planned.map(async (p) => ({ component: await getComponent(deps, p.id), status: p.status })));
  const closing = data.status === 'resolved' || data.status === 'completed';
  const workaround = data.workaround === undefined ? incident.workaround : data.workaround === null ? null : deps.redact(data.workaround);
  const nextUpdateAt = data.nextUpdateAt === undefined ? (closing ? null : incident.nextUpdateAt) : data.nextUpdateAt === null ? null : new Date(data.nextUpdateAt).toISOString();
  const names = components.map((c) => c.component.name);
  const facts = (lang: Lang) => ({ components: names.length ? names : describeAffected(incident.affected, lang), workaround, nextUpdateAt, scheduledFor: incident.scheduledFor, scheduledUntil: incident.scheduledUntil });
  const bodies = Object.fromEntries(langs.map((l) => [l, data.text[l] !== undefined ? deps.redact(data.text[l]) : renderUpdate(data.status, facts(l), l)])) as Localized;
  assertSafeUpdateText([incident.title, ...Object.values(bodies)], allowedHosts(deps));

  const now = deps.clock.now().toISOString();
  const live = data.status !== 'scheduled';
  const updateId = newId('upd', deps.clock.nowMs());
  await deps.store.db.transaction().execute(async (trx) => {
    const current = await loadIncident(trx, id);
    if (current.status !== incident.status) throw new IncidentChangedError(id);
    const affected: AffectedComponent[] = [];
    for (const c of components) {
      const fresh = toComponent(await trx.selectFrom('status_components').selectAll().where('id', '=', c.component.id).executeTakeFirstOrThrow());
      const target = closing ? 'operational' : c.status;
      affected.push({ code: fresh.id, name: fresh.name, old_status: fresh.status, new_status: live ? target : fresh.status });
      await trx.insertInto('incident_components').values({ incident_id: id, component_id: fresh.id, status: c.status }).onConflict((oc) => oc.columns(['incident_id', 'component_id']).doUpdateSet({ status: c.status })).execute();
      if (live && !closing && (await setComponentStatusRow(trx, deps, fresh, c.status))) {
        await appendTimeline(trx, deps, id, actor, 'component', `Component ${fresh.name}: ${fresh.status} → ${c.status}`, { componentId: fresh.id, from: fresh.status, to: c.status });
      }
    }
    await trx.updateTable('incidents').set({ workaround, next_update_at: nextUpdateAt, published: 1, updated_at: now }).where('id', '=', id).execute();
    await applyStatus(trx, deps, incident, data.status, actor);
    await trx
      .insertInto('incident_updates')
      .values({ id: updateId, incident_id: id, status: data.status, bodies: JSON.stringify(bodies), affected_components: JSON.stringify(affected), deliver_notifications: data.notify ? 1 : 0, created_by: actor.id, created_at: now, display_at: now })
      .execute();
    await appendTimeline(trx, deps, id, actor, 'update', `Posted a public ${data.status} update: ${bodies.en}`, { updateId, status: data.status });
  });

  const update = toUpdate(await deps.store.db.selectFrom('incident_updates').selectAll().where('id', '=', updateId).executeTakeFirstOrThrow());
  let notifications: NotifyResult | null = null;
  if (data.notify) {
    const published = await findPublicIncident(deps, id);
    if (published) notifications = await notifySubscribers(deps, published, update);
  }
  const ticketReplies = data.replyToTickets ? await replyToLinkedTickets(deps, id, bodies) : { sent: 0, failed: 0, skipped: 0, wired: Boolean(deps.replyToTicket) };
  if (notifications || ticketReplies.sent || ticketReplies.failed || ticketReplies.skipped) {
    const parts = [notifications ? `${notifications.emails} e-mails, ${notifications.webhooks} webhooks, ${notifications.failed.length} failed` : 'subscribers not notified'];
    parts.push(ticketReplies.wired ? `${ticketReplies.sent} ticket replies (${ticketReplies.failed} failed)` : `${ticketReplies.skipped} linked tickets not replied to (ticket replies are not wired)`);
    await appendTimeline(deps.store.db, deps, id, actor, 'notification', `Delivered update: ${parts.join('; ')}`, { updateId, notifications: notifications && { emails: notifications.emails, webhooks: notifications.webhooks, failed: notifications.failed.length }, ticketReplies });
  }
  return { incident: await loadIncident(deps.store.db, id), update, notifications, ticketReplies };
}

async function replyToLinkedTickets(deps: IncidentsDeps, id: string, bodies: Localized): Promise<PostUpdateResult['ticketReplies']> {
  const tickets = await deps.store.db.selectFrom('incident_links').select('ref_id').where('incident_id', '=', id).where('kind', '=', 'ticket').orderBy('ref_id').execute();
  if (!deps.replyToTicket) return { sent: 0, failed: 0, skipped: tickets.length, wired: false };
  let sent = 0;
  let failed = 0;
  for (const t of tickets) {
    try {
      await deps.replyToTicket(t.ref_id, bodies);
      sent++;
    } catch (err) {
      failed++;
      deps.logger.warn({ ticketId: t.ref_id, err }, 'could not reply to a linked ticket');
    }
  }
  return { sent, failed, skipped: 0, wired: true };
}

function allowedHosts(deps: IncidentsDeps): string[] {
  const hosts = [...deps.statusPage.allowedLinkHosts];
  try {
    hosts.push(new URL(deps.publicUrl).hostname);
  } catch {
    // publicUrl is validated by config; nothing to add when it is not a URL.
  }
  return hosts;
}
