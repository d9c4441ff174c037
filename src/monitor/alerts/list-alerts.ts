import { z } from 'zod';
import { AlertSeverity, alertStatuses, type AlertRecord, type MonitorDeps } from './alert.ts';
import { toAlert } from './internal.ts';
import { parseWith } from './parse.ts';

export const ListAlertsQuery = z.object({
  status: z.enum([...alertStatuses, 'open']).optional().describe('open = firing or acknowledged.'),
  severity: AlertSeverity.optional(),
  source: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Return alerts started before this one (id of the last alert of the previous page). */
  before: z.string().max(64).optional(),
});
export type ListAlertsQuery = z.input<typeof ListAlertsQuery>;

export interface AlertPage {
  items: AlertRecord[];
  /** Pass as `before` to get the next page; null on the last page. */
  next: string | null;
}

/** Alerts, newest first, filtered by status, severity and source. */
export async function listAlerts(deps: Pick<MonitorDeps, 'store'>, query: ListAlertsQuery = {}): Promise<AlertPage> {
  const q = parseWith(ListAlertsQuery, query, 'alert query');
  let sel = deps.store.db.selectFrom('monitor_alerts').selectAll().orderBy('id', 'desc').limit(q.limit + 1);
  if (q.status === 'open') sel = sel.where('status', 'in', ['firing', 'acknowledged']);
  else if (q.status) sel = sel.where('status', '=', q.status);
  if (q.severity) sel = sel.where('severity', '=', q.severity);
  if (q.source) sel = sel.where('source', '=', q.source);
  if (q.before) sel = sel.where('id', '<', q.before);
  const rows = await sel.execute();
  const items = rows.slice(0, q.limit).map(toAlert);
  return { items, next: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
