import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { openTicketStatuses } from '../clusters/internal.ts';
import { summaryOf, type TicketSummary } from '../get-ticket.ts';
import { evaluateSla, type SlaState, type TicketSla } from '../sla/evaluate-sla.ts';
import { defaultSlaSettings, type SlaSettings } from '../sla/policy.ts';
import { refreshStaleSla, slaStateIs } from '../sla/refresh-sla.ts';
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

/** Keyset position: the stored urgency (priority rank, next due time), then age, then id. */
type Key = [urgency: number, createdAt: string, id: string];

/**
 * The work queue, most urgent first: priority, then the nearest SLA due time (breached first), then
 * age. Filters by status, category, severity, priority, chain, assignee, cluster and SLA state; pages with an opaque cursor.
 * Filters, order and paging run in SQL on the tickets' stored SLA fields; only the returned page is evaluated in full.
 */
export async function listQueue(db: Db, filter: QueueFilter = {}, opts: { settings?: SlaSettings; clock?: Clock } = {}): Promise<QueuePage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const settings = opts.settings ?? defaultSlaSettings;
  const clock = opts.clock ?? systemClock;
  const statuses = filter.status?.length ? filter.status : [...openTicketStatuses];
  // Tickets stored before the SLA fields existed, or computed under other SLA settings.
  await refreshStaleSla(db, statuses, { settings });
  const nowMs = clock.nowMs();
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('ticket_assignments as a', 'a.ticket_id', 't.id')
    .leftJoin('ticket_fingerprints as f', 'f.ticket_id', 't.id')
    .where('t.status', 'in', statuses);
  if (filter.category) q = q.where('t.category', '=', filter.category);
  if (filter.severity) q = q.where('t.severity', '=', filter.severity);
  if (filter.priority) q = q.where('t.priority', '=', filter.priority);
  if (filter.chain) q = q.where('t.chains', 'like', `%${JSON.stringify(filter.chain.replace(/[^a-z0-9-]/gi, ''))}%`);
  if (filter.assignee === 'none') q = q.where('a.assignee_id', 'is', null);
  else if (filter.assignee) q = q.where('a.assignee_id', '=', filter.assignee);
  if (filter.cluster) q = q.where('f.cluster_id', '=', filter.cluster);
  if (filter.slaState) q = q.where(slaStateIs(filter.slaState, nowMs));
  let pageQuery = q.select(['t.id', 't.source', 't.source_id', 't.channel', 't.requester', 't.requester_name', 't.tier', 't.subject', 't.status', 't.category', 't.category_confidence', 't.severity', 't.priority', 't.language', 't.security_flags', 't.chains', 't.created_at', 't.received_at', 't.updated_at', 't.sla_urgency', 'a.assignee_id', 'f.cluster_id']);
  if (after) {
    const [u, c, id] = after;
    pageQuery = pageQuery.where((eb) => eb.or([eb('t.sla_urgency', '>', u), eb.and([eb('t.sla_urgency', '=', u), eb.or([eb('t.created_at', '>', c), eb.and([eb('t.created_at', '=', c), eb('t.id', '>', id)])])])]));
  }
  const [rows, count] = await Promise.all([
    pageQuery.orderBy('t.sla_urgency').orderBy('t.created_at').orderBy('t.id').limit(limit + 1).execute(),
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const page = rows.slice(0, limit);
  const timelines = await loadSlaTimelines(db, page.map((r) => r.id));
  const items = page.map((r): QueueItem => {
    const sla = evaluateSla(settings, timelines.get(r.id)!, nowMs);
    const running = sla.metrics.filter((m) => m.achievedAt === null);
    const remaining = running.length ? Math.min(...running.map((m) => m.remainingMs)) : null;
    return { ...summaryOf(r), assigneeId: r.assignee_id ?? null, clusterId: r.cluster_id ?? null, sla: { state: sla.state, policy: sla.policy, nextDueAt: sla.nextDueAt, remainingMs: remaining } };
  });
  const last = page.at(-1);
  const next = rows.length > limit && last ? Buffer.from(JSON.stringify([Number(last.sla_urgency), last.created_at, last.id] satisfies Key)).toString('base64url') : null;
  return { items, next, total: Number(count.n) };
}

function decodeCursor(cursor: string): Key {
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(k) && k.length === 3 && typeof k[0] === 'number' && Number.isFinite(k[0]) && typeof k[1] === 'string' && typeof k[2] === 'string') return k as Key;
  } catch {
    // Falls through to the error below.
  }
  throw new QueueCursorInvalidError();
}
