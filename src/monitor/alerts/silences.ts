import { newId } from '../../core/index.ts';
import { ValidationError } from '../../core/index.ts';
import { SilenceNotFoundError } from '../errors.ts';
import { SilenceInput, type Actor, type MonitorDeps, type Silence } from './alert.ts';
import { toSilence } from './internal.ts';
import { parseWith } from './parse.ts';

/** Creates a silence (or a planned maintenance window): matching alerts are stored but do not notify while it is active. */
export async function createSilence(deps: MonitorDeps, input: SilenceInput, actor: Actor): Promise<Silence> {
  const data = parseWith(SilenceInput, input, 'silence');
  const startsAt = data.startsAt ?? deps.clock.now();
  if (data.endsAt <= startsAt) throw new ValidationError('A silence must end after it starts.', { metaMessages: [`startsAt ${startsAt.toISOString()}, endsAt ${data.endsAt.toISOString()}.`] });
  const now = deps.clock.now().toISOString();
  const row = { id: newId('sil', deps.clock.nowMs()), kind: data.kind, matchers: JSON.stringify(data.matchers), starts_at: startsAt.toISOString(), ends_at: data.endsAt.toISOString(), reason: data.reason, created_by: actor, created_at: now };
  await deps.store.db.insertInto('monitor_silences').values(row).execute();
  return toSilence(row);
}

/** Silences and maintenance windows that are active now or start later, soonest first. */
export async function listSilences(deps: MonitorDeps, options: { includeExpired?: boolean } = {}): Promise<Silence[]> {
  let q = deps.store.db.selectFrom('monitor_silences').selectAll().orderBy('starts_at');
  if (!options.includeExpired) q = q.where('ends_at', '>', deps.clock.now().toISOString());
  return (await q.execute()).map(toSilence);
}

/** Ends a silence now (it stays listed with includeExpired). */
export async function expireSilence(deps: MonitorDeps, id: string): Promise<Silence> {
  const row = await deps.store.db.selectFrom('monitor_silences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new SilenceNotFoundError(id);
  const now = deps.clock.now().toISOString();
  if (row.ends_at > now) await deps.store.db.updateTable('monitor_silences').set({ ends_at: now }).where('id', '=', id).execute();
  return toSilence({ ...row, ends_at: row.ends_at > now ? now : row.ends_at });
}
