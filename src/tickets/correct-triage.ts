import { writeAudit, type Principal } from '../auth/index.ts';
import { newId, systemClock, ValidationError, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { TicketNotFoundError } from './errors.ts';
import { sequentialId } from './internal.ts';
import type { SlaSettings } from './sla/policy.ts';
import { refreshTicketSla } from './sla/refresh-sla.ts';
import { severities, type Category, type Priority, type Severity } from './ticket.ts';

export interface TriageCorrection {
  category?: Category;
  severity?: Severity;
}

/**
 * Records an agent's correction of a ticket's category and/or severity: updates the ticket, adds a
 * timeline event and stores the (redacted) text with the right labels for `opsdesk triage retrain`.
 */
export async function correctTriage(db: Db, ticketId: string, correction: TriageCorrection, actor: Principal | null, clock: Clock = systemClock, slaSettings?: SlaSettings): Promise<{ category: Category; severity: Severity; priority: Priority }> {
  if (!correction.category && !correction.severity) throw new ValidationError('Give a category, a severity, or both.');
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('tickets').select(['category', 'severity', 'priority', 'redacted_text', 'model_version']).where('id', '=', ticketId).executeTakeFirst();
    if (!row) throw new TicketNotFoundError(ticketId);
    const category = correction.category ?? (row.category as Category);
    const severity = correction.severity ?? (row.severity as Severity);
    // Priority follows a severity change by the same number of steps (VIP and other bumps are kept).
    const delta = severities.indexOf(severity) - severities.indexOf(row.severity as Severity);
    const priority = `p${Math.min(4, Math.max(1, Number(row.priority.slice(1)) + delta))}` as Priority;
    await trx.updateTable('tickets').set({ category, severity, priority, updated_at: now }).where('id', '=', ticketId).execute();
    await trx
      .insertInto('triage_corrections')
      .values({ id: newId('tcr', clock.nowMs()), ticket_id: ticketId, at: now, actor_id: actor?.id ?? null, previous_category: row.category, category, previous_severity: row.severity, severity, text: row.redacted_text, model_version: Number(row.model_version) })
      .execute();
    await trx
      .insertInto('ticket_events')
      .values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'triage_corrected', actor: actor?.id ?? null, detail: JSON.stringify({ from: { category: row.category, severity: row.severity }, to: { category, severity, priority } }) })
      .execute();
    if (priority !== row.priority) await refreshTicketSla(trx, [ticketId], slaSettings ? { settings: slaSettings } : {});
    await writeAudit(trx, actor, { action: 'ticket.triage_correct', targetType: 'ticket', targetId: ticketId, detail: { category, severity } }, clock);
    return { category, severity, priority };
  });
}

