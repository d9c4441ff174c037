import { z } from 'zod';
import { newId } from '../core/index.ts';
import type { Actor, IncidentsDeps } from './deps.ts';
import { ProviderDirection, type ProviderLogEntry } from './incident.ts';
import { appendTimeline, loadIncident, parseInput, toProviderEntry, touch } from './internal.ts';

export const ProviderMessageInput = z.strictObject({
  provider: z.string().trim().min(1).max(100),
  direction: ProviderDirection,
  text: z.string().trim().min(1).max(10_000),
  reference: z.string().trim().max(200).optional(),
  providerStatus: z.string().trim().max(100).optional(),
});
export type ProviderMessageInput = z.input<typeof ProviderMessageInput>;

const verbs: Record<ProviderDirection, string> = { reported: 'Reported to', reply: 'Reply from', status_page: 'Status page of', note: 'Note on' };

/** Records what was reported to an external provider, their reference, replies and status page changes. */
export async function logProviderMessage(deps: IncidentsDeps, id: string, input: ProviderMessageInput, actor: Actor): Promise<ProviderLogEntry> {
  const data = parseInput(ProviderMessageInput, input, 'provider message');
  return deps.store.db.transaction().execute(async (trx) => {
    await loadIncident(trx, id);
    const row = {
      id: newId('ipl', deps.clock.nowMs()),
      incident_id: id,
      provider: data.provider,
      direction: data.direction,
      reference: data.reference ?? null,
      text: deps.redact(data.text),
      provider_status: data.providerStatus ?? null,
      actor_id: actor.id,
      at: deps.clock.now().toISOString(),
    };
    await trx.insertInto('incident_provider_log').values(row).execute();
    const ref = data.reference ? ` [ref ${data.reference}]` : '';
    const status = data.providerStatus ? ` (status: ${data.providerStatus})` : '';
    await appendTimeline(trx, deps, id, actor, 'provider', `${verbs[data.direction]} ${data.provider}${ref}${status}: ${row.text}`, { provider: data.provider, direction: data.direction, reference: row.reference, entryId: row.id });
    await touch(trx, deps, id);
    return toProviderEntry(row);
  });
}

/** The provider log of an incident, grouped by provider, oldest first within each. */
export async function listProviderLog(deps: Pick<IncidentsDeps, 'store'>, id: string): Promise<Record<string, ProviderLogEntry[]>> {
  const rows = await deps.store.db.selectFrom('incident_provider_log').selectAll().where('incident_id', '=', id).orderBy('at').orderBy('id').execute();
  const out: Record<string, ProviderLogEntry[]> = {};
  for (const r of rows) (out[r.provider] ??= []).push(toProviderEntry(r));
  return out;
}
