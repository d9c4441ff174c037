import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { openTicketStatuses } from '../clusters/internal.ts';
import { summaryOf, type TicketSummary } from '../get-ticket.ts';
import { evaluateSla, type SlaState, type TicketSla } from '../sla/evaluate-sla.ts';
import { defaultSlaSettings, type SlaSettings } from '../sla/policy.ts';
import { loadSlaTimelines } from '../sla/ticket-sla.ts';
import { QueueCursorInvalidError } from './errors.ts';

export interface QueueFilter {
  /** Statuses to show (default: new, open, pending). */
  status?: string[];
  category?: string;
  severity?: string;
  priority?: string;
  chain?: string;
  /** A user id, or `none` for unassigned tickets. */
  assignee?: string;
  cluster?: string;
  slaState?: SlaState;
  limit?: number;
  cursor?: string;
}

export interface QueueItem extends TicketSummary {
  assigneeId: string | null;
  clusterId: string | null;
  sla: Pick<TicketSla, 'state' | 'policy' | 'nextDueAt'> & { remainingMs: number | null };
}

export interface QueuePage {
  items: QueueItem[];
  next: string | null;
  /** Tickets matching the filter (all pages). */
  total: number;
}

type Key = [priority: number, dueMs: number, createdAt: string, id: string];

const compare = (a: Key, b: Key) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]) || a[3].localeCompare(b[3]);

/**
 * The work queue, most urgent first: priority, then the nearest SLA due time (breached first), then
 * age. Filters by status, category, severity, priority, chain, assignee, cluster and SLA state; pages with an opaque cursor.
 */
export async function listQueue(db: Db, filter: QueueFilter = {}, opts: { settings?: SlaSettings; clock?: Clock } = {}): Promise<QueuePage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('ticket_assignments as a', 'a.ticket_id', 't.id')
    .leftJoin('ticket_fingerprints as f', 'f.ticket_id', 't.id')
    .select(['t.id', 't.source', 't.source_id', 't.channel', 't.requester', 't.requester_name', 't.tier', 't.subject', 't.status', 't.category', 't.category_confidence', 't.severity', 't.priority', 't.language', 't.security_flags', 't.chains', 't.created_at', 't.received_at', 't.updated_at', 'a.assignee_id', 'f.cluster_id'])
    .where('t.status', 'in', filter.status?.length ? filter.status : [...openTicketStatuses]);
  if (filter.category) q = q.where('t.category', '=', filter.category);
  if (filter.severity) q = q.where('t.severity', '=', filter.severity);
  if (filter.priority) q = q.where('t.priority', '=', filter.priority);
  if (filter.chain) q = q.where('t.chains', 'like', `%${JSON.stringify(filter.chain.replace(/[^a-z0-9-]/gi, ''))}%`);
  if (filter.assignee === 'none') q = q.where('a.assignee_id', 'is', null);
  else if (filter.assignee) q = q.where('a.assignee_id', '=', filter.assignee);
  if (filter.cluster) q = q.where('f.cluster_id', '=', filter.cluster);
  const rows = await q.execute();
  const settings = opts.settings ?? defaultSlaSettings;
  const nowMs = (opts.clock ?? systemClock).nowMs();
  const timelines = await loadSlaTimelines(db, rows.map((r) => r.id));
  const items: Array<{ key: Key; item: QueueItem }> = [];
  for (const r of rows) {
    const sla = evaluateSla(settings, timelines.get(r.id)!, nowMs);
    if (filter.slaState && sla.state !== filter.slaState) continue;
    const running = sla.metrics.filter((m) => m.achievedAt === null);
    const remaining = running.length ? Math.min(...running.map((m) => m.remainingMs)) : null;
    const item: QueueItem = { ...summaryOf(r), assigneeId: r.assignee_id ?? null, clusterId: r.cluster_id ?? null, sla: { state: sla.state, policy: sla.policy, nextDueAt: sla.nextDueAt, remainingMs: remaining } };
    items.push({ key: [Number(r.priority.slice(1)) || 9, sla.nextDueAt ? Date.parse(sla.nextDueAt) : Number.MAX_SAFE_INTEGER, r.created_at, r.id], item });
  }
  items.sort((a, b) => compare(a.key, b.key));
  const rest = after ? items.filter((i) => compare(i.key, after) > 0) : items;
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((p) => p.item), next: rest.length > limit && last ? Buffer.from(JSON.stringify(last.key)).toString('base64url') : null, total: items.length };
}

function decodeCursor(cursor: string): Key {
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(k) && k.length === 4 && typeof k[0] === 'number' && typeof k[1] === 'number' && typeof k[2] === 'string' && typeof k[3] === 'string') return k as Key;
  } catch {
    // Falls through to the error below.
  }
  throw new QueueCursorInvalidError();
}
