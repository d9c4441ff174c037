import { z } from 'zod';
import { newId, ValidationError } from '../core/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { loadIncident, parseInput, appendTimeline } from './internal.ts';
import { knownComponentIds } from './list-components.ts';
import { queueMaintenanceNotices } from './maintenance-jobs.ts';
import { postIncidentUpdate, type PostUpdateResult } from './post-update.ts';

export const ScheduleMaintenanceInput = z.strictObject({
  title: z.string().trim().min(3).max(200),
  scheduledFor: z.iso.datetime({ offset: true }),
  scheduledUntil: z.iso.datetime({ offset: true }),
  componentIds: z.array(z.string().min(1).max(100)).max(200).default([]),
  text: z.strictObject({ en: z.string().trim().min(1).max(5000).optional(), es: z.string().trim().min(1).max(5000).optional(), 'pt-BR': z.string().trim().min(1).max(5000).optional() }).default({}),
  notify: z.boolean().default(true),
  /** Post the start and end notices automatically at scheduledFor and scheduledUntil (default true). */
  automatic: z.boolean().default(true),
});
export type ScheduleMaintenanceInput = z.input<typeof ScheduleMaintenanceInput>;

/** Schedules a maintenance window and publishes its notice; start and end notices are updates (in_progress, completed). */
export async function scheduleMaintenance(deps: IncidentsDeps, input: ScheduleMaintenanceInput, actor: Actor): Promise<PostUpdateResult> {
  const data = parseInput(ScheduleMaintenanceInput, input, 'maintenance');
  const from = new Date(data.scheduledFor).toISOString();
  const until = new Date(data.scheduledUntil).toISOString();
  if (until <= from) throw new ValidationError('A maintenance must end after it starts.', { metaMessages: ['Check scheduledFor and scheduledUntil.'] });
  const componentIds = await knownComponentIds(deps, data.componentIds);
  const now = deps.clock.now().toISOString();
  const id = newId('inc', deps.clock.nowMs());
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('incidents')
      .values({
        id, kind: 'maintenance', title: deps.redact(data.title), summary: null, severity: 'SEV4', status: 'scheduled', impact: 'none', source_type: 'manual', source_id: null,
        commander_id: actor.id, comms_id: null, scribe_id: null, affected: '[]', workaround: null, next_update_at: null, users_affected: null, error_ratio: null, published: 0,
        started_at: from, identified_at: null, monitoring_at: null, resolved_at: null, scheduled_for: from, scheduled_until: until, postmortem: null, created_by: actor.id, created_at: now, updated_at: now,
      })
      .execute();
    for (const cid of componentIds) await trx.insertInto('incident_components').values({ incident_id: id, component_id: cid, status: 'under_maintenance' }).execute();
    await appendTimeline(trx, deps, id, actor, 'declared', `Scheduled maintenance ${from} – ${until}: ${deps.redact(data.title)}`, { scheduledFor: from, scheduledUntil: until });
  });
  const result = await postIncidentUpdate(deps, id, { status: 'scheduled', text: data.text, notify: data.notify, replyToTickets: false }, actor);
  if (data.automatic) await queueMaintenanceNotices(deps, await loadIncident(deps.store.db, id));
  return result;
}
