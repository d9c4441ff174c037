import type { Db } from '../storage/index.ts';
import { EscalationNotFoundError } from './errors.ts';
import type { Escalation, EscalationReport, SourceType, Tracker } from './report.ts';

/** Loads an escalation with its tickets, tracker issues and notification states. */
export async function loadEscalation(db: Db, id: string): Promise<Escalation> {
  const row = await db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new EscalationNotFoundError(id);
  const [tickets, issues] = await Promise.all([
    db.selectFrom('escalation_tickets').selectAll().where('escalation_id', '=', id).orderBy('ticket_id').execute(),
    db.selectFrom('escalation_issues').selectAll().where('escalation_id', '=', id).orderBy('tracker').execute(),
  ]);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    source: { type: row.source_type as SourceType, id: row.source_id },
    report: JSON.parse(row.report) as EscalationReport,
    ticketIds: tickets.map((t) => t.ticket_id),
    issues: issues.map((i) => ({ tracker: i.tracker as Tracker, externalId: i.external_id, key: i.key, url: i.url, state: i.state, closed: Number(i.closed) === 1, createdAt: i.created_at, syncedAt: i.synced_at })),
    notifications: tickets.map((t) => ({ ticketId: t.ticket_id, status: t.notify_status, notifiedAt: t.notified_at })),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
