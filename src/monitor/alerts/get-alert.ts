import type { AlertEvent, AlertRecord, MonitorDeps } from './alert.ts';
import { readAlert, toAlert } from './internal.ts';

/** An alert by id; throws AlertNotFoundError when there is none. */
export async function getAlert(deps: Pick<MonitorDeps, 'store'>, id: string): Promise<AlertRecord> {
  return readAlert(deps.store.db, id);
}

/** An alert by id, or undefined. */
export async function findAlert(deps: Pick<MonitorDeps, 'store'>, id: string): Promise<AlertRecord | undefined> {
  const row = await deps.store.db.selectFrom('monitor_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The alert's history, oldest first (fired, reopened, acknowledged, notified, …). */
export async function listAlertEvents(deps: Pick<MonitorDeps, 'store'>, id: string): Promise<AlertEvent[]> {
  await readAlert(deps.store.db, id);
  const rows = await deps.store.db.selectFrom('monitor_alert_events').selectAll().where('alert_id', '=', id).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, alertId: r.alert_id, at: r.at, kind: r.kind as AlertEvent['kind'], actor: r.actor, detail: r.detail }));
}
