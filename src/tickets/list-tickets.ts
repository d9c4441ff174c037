import type { Db } from '../storage/index.ts';
import { summaryOf, type TicketSummary } from './get-ticket.ts';

export interface ListTicketsFilter {
  status?: string;
  category?: string;
  priority?: string;
  limit?: number;
  /** Return tickets created before this id's position (pagination by id, newest first). */
  before?: string;
}

/** Lists tickets newest first (summaries only: subject, triage, requester), one page at a time. */
export async function listTickets(db: Db, filter: ListTicketsFilter = {}): Promise<{ items: TicketSummary[]; next: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  let q = db
    .selectFrom('tickets')
    .select(['id', 'source', 'source_id', 'channel', 'requester', 'requester_name', 'tier', 'subject', 'status', 'category', 'category_confidence', 'severity', 'priority', 'language', 'security_flags', 'chains', 'created_at', 'received_at', 'updated_at'])
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.priority) q = q.where('priority', '=', filter.priority);
  if (filter.before) q = q.where('id', '<', filter.before);
  const rows = await q.execute();
  const page = rows.slice(0, limit).map(summaryOf);
  return { items: page, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
