import type { Db } from '../storage/index.ts';
import { loadEscalation } from './internal-store.ts';
import type { Escalation } from './report.ts';

/** Reads a stored escalation with its tickets, tracker issues and notification states; throws when missing. */
export function getEscalation(db: Db, id: string): Promise<Escalation> {
  return loadEscalation(db, id);
}

/** The escalations that cover a ticket, newest first, with their tracker links (for the ticket page). */
export async function listTicketEscalations(db: Db, ticketId: string): Promise<Array<{ id: string; title: string; status: string; issues: Array<{ tracker: string; key: string; url: string; state: string }> }>> {
  const rows = await db.selectFrom('escalation_tickets').innerJoin('escalations', 'escalations.id', 'escalation_tickets.escalation_id').select(['escalations.id', 'escalations.title', 'escalations.status']).where('escalation_tickets.ticket_id', '=', ticketId).orderBy('escalations.created_at', 'desc').execute();
  const issues = rows.length ? await db.selectFrom('escalation_issues').select(['escalation_id', 'tracker', 'key', 'url', 'state']).where('escalation_id', 'in', rows.map((r) => r.id)).orderBy('tracker').execute() : [];
  return rows.map((r) => ({ ...r, issues: issues.filter((i) => i.escalation_id === r.id).map(({ escalation_id: _e, ...i }) => i) }));
}
