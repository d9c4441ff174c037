import { AlertStateError } from '../errors.ts';
import type { Actor, AlertRecord, MonitorDeps } from './alert.ts';
import { addEvent, readAlert } from './internal.ts';
import { notifyAlert, type Delivery } from './notify.ts';

/** Resolves an open alert (by a person, or by its source once the condition cleared) and tells its channels. */
export async function resolveAlert(deps: MonitorDeps, id: string, actor: Actor, note?: string): Promise<{ alert: AlertRecord; deliveries: Delivery[] }> {
  const alert = await readAlert(deps.store.db, id);
  if (alert.status === 'resolved') throw new AlertStateError(id, alert.status, 'resolved again');
  const at = deps.clock.now().toISOString();
  await deps.store.db.updateTable('monitor_alerts').set({ status: 'resolved', open_key: null, resolved_at: at, resolved_by: actor, updated_at: at }).where('id', '=', id).execute();
  await addEvent(deps.store.db, id, at, 'resolved', actor, note ?? null, deps.clock.nowMs());
  const resolved = await readAlert(deps.store.db, id);
  const quiet = resolved.silencedBy !== null || resolved.flapping;
  return { alert: resolved, deliveries: quiet ? [] : await notifyAlert(deps, resolved, 'resolved') };
}

/** Resolves the open alert of a fingerprint when its source reports the condition cleared; undefined when none is open. */
export async function clearAlert(deps: MonitorDeps, fingerprint: string, note = 'condition cleared'): Promise<AlertRecord | undefined> {
  const open = await deps.store.db.selectFrom('monitor_alerts').select('id').where('open_key', '=', fingerprint).executeTakeFirst();
  if (!open) return undefined;
  return (await resolveAlert(deps, open.id, null, note)).alert;
}
