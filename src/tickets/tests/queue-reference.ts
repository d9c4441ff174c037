import type { Db } from '../../storage/index.ts';
import { openTicketStatuses } from '../clusters/internal.ts';
import { evaluateSla } from '../sla/evaluate-sla.ts';
import type { SlaSettings } from '../sla/policy.ts';
import { loadSlaTimelines } from '../sla/ticket-sla.ts';
import type { QueueFilter } from '../queue/list-queue.ts';

type Key = [priority: number, dueMs: number, createdAt: string, id: string];
const compare = (a: Key, b: Key) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]);

/**
 * The queue as it was before the stored SLA fields (every open ticket loaded and evaluated in JS):
 * the reference the SQL queue is checked against, and the baseline of bench/queue-page.ts.
 */
export async function listQueueInMemory(db: Db, filter: Omit<QueueFilter, 'cursor'>, settings: SlaSettings, nowMs: number): Promise<{ items: Array<{ id: string; state: string; nextDueAt: string | null }>; total: number }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('ticket_assignments as a', 'a.ticket_id', 't.id')
    .leftJoin('ticket_fingerprints as f', 'f.ticket_id', 't.id')
    .select(['t.id', 't.subject', 't.priority', 't.created_at', 't.chains', 't.security_flags', 'a.assignee_id', 'f.cluster_id'])
    .where('t.status', 'in', filter.status?.length ? filter.status : [...openTicketStatuses]);
  if (filter.category) q = q.where('t.category', '=', filter.category);
  if (filter.severity) q = q.where('t.severity', '=', filter.severity);
  if (filter.priority) q = q.where('t.priority', '=', filter.priority);
  if (filter.chain) q = q.where('t.chains', 'like', `%${JSON.stringify(filter.chain.replace(/[^a-z0-9-]/gi, ''))}%`);
  if (filter.assignee === 'none') q = q.where('a.assignee_id', 'is', null);
  else if (filter.assignee) q = q.where('a.assignee_id', '=', filter.assignee);
  if (filter.cluster) q = q.where('f.cluster_id', '=', filter.cluster);
  const rows = await q.execute();
  const timelines = await loadSlaTimelines(db, rows.map((r) => r.id));
  const items: Array<{ key: Key; item: { id: string; state: string; nextDueAt: string | null } }> = [];
  for (const r of rows) {
    const sla = evaluateSla(settings, timelines.get(r.id)!, nowMs);
    if (filter.slaState && sla.state !== filter.slaState) continue;
    items.push({ key: [Number(r.priority.slice(1)) || 9, sla.nextDueAt ? Date.parse(sla.nextDueAt) : Number.MAX_SAFE_INTEGER, r.created_at, r.id], item: { id: r.id, state: sla.state, nextDueAt: sla.nextDueAt } });
  }
  items.sort((a, b) => compare(a.key, b.key));
  return { items: items.slice(0, limit).map((i) => i.item), total: items.length };
}
