import { AlertStateError } from '../errors.ts';
import type { Actor, AlertRecord, MonitorDeps } from './alert.ts';
import { addEvent, readAlert } from './internal.ts';

/** Marks a firing alert as being handled; acknowledging twice is a no-op. */
export async function acknowledgeAlert(deps: MonitorDeps, id: string, actor: Actor): Promise<AlertRecord> {
  const alert = await readAlert(deps.store.db, id);
  if (alert.status === 'resolved') throw new AlertStateError(id, alert.status, 'acknowledged');
  if (alert.status === 'acknowledged') return alert;
  const at = deps.clock.now().toISOString();
  await deps.store.db.updateTable('monitor_alerts').set({ status: 'acknowledged', acknowledged_at: at, acknowledged_by: actor, updated_at: at }).where('id', '=', id).where('status', '=', 'firing').execute();
  await addEvent(deps.store.db, id, at, 'acknowledged', actor, null, deps.clock.nowMs());
  return readAlert(deps.store.db, id);
}
