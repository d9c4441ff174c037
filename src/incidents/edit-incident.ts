import { z } from 'zod';
import type { Actor, IncidentsDeps } from './deps.ts';
import { AffectedCell, type Incident } from './incident.ts';
import { appendTimeline, loadIncident, parseInput } from './internal.ts';

export const EditIncidentInput = z.strictObject({
  title: z.string().trim().min(3).max(200).optional(),
  summary: z.string().max(10_000).nullable().optional(),
  affected: z.array(AffectedCell).max(500).optional(),
  workaround: z.string().max(2000).nullable().optional(),
  nextUpdateAt: z.iso.datetime({ offset: true }).nullable().optional(),
  usersAffected: z.number().int().nonnegative().nullable().optional(),
  errorRatio: z.number().min(0).max(1).nullable().optional(),
});
export type EditIncidentInput = z.input<typeof EditIncidentInput>;

/** Edits an incident's descriptive fields; the timeline records which fields changed. */
export async function editIncident(deps: IncidentsDeps, id: string, input: EditIncidentInput, actor: Actor): Promise<Incident> {
  const data = parseInput(EditIncidentInput, input, 'incident fields');
  const set: Record<string, string | number | null> = {};
  if (data.title !== undefined) set.title = deps.redact(data.title);
  if (data.summary !== undefined) set.summary = data.summary === null ? null : deps.redact(data.summary);
  if (data.affected !== undefined) set.affected = JSON.stringify(data.affected);
  if (data.workaround !== undefined) set.workaround = data.workaround === null ? null : deps.redact(data.workaround);
  if (data.nextUpdateAt !== undefined) set.next_update_at = data.nextUpdateAt === null ? null : new Date(data.nextUpdateAt).toISOString();
  if (data.usersAffected !== undefined) set.users_affected = data.usersAffected;
  if (data.errorRatio !== undefined) set.error_ratio = data.errorRatio;
  return deps.store.db.transaction().execute(async (trx) => {
    await loadIncident(trx, id);
    const fields = Object.keys(data).filter((k) => data[k as keyof typeof data] !== undefined);
    if (!fields.length) return loadIncident(trx, id);
    await trx.updateTable('incidents').set({ ...set, updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendTimeline(trx, deps, id, actor, 'field', `Edited ${fields.join(', ')}`, { fields });
    return loadIncident(trx, id);
  });
}
