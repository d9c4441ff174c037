import { replyToTicket } from '../tickets/index.ts';
import type { EscalationDeps } from './deps.ts';
import { readIssueState } from './exporters/client.ts';
import { loadEscalation } from './internal-store.ts';
import type { Escalation } from './report.ts';

/** What the users on linked tickets are told once engineering closes the issue (picked in the ticket's language). */
export const fixedNotice: Record<string, string> = {
  en: 'Update on your request: our engineering team has fixed the problem you reported. If you still see it after updating the app, reply to this message and we will look again.',
  es: 'Novedades sobre tu solicitud: nuestro equipo de ingeniería corrigió el problema que nos reportaste. Si después de actualizar la app lo sigues viendo, responde a este mensaje y lo revisamos de nuevo.',
  'pt-BR': 'Novidades sobre a sua solicitação: nossa equipe de engenharia corrigiu o problema que você relatou. Se depois de atualizar o app ainda acontecer, responda a esta mensagem e vamos verificar de novo.',
};

/**
 * Polls the state of the escalation's tracker issues. Once every one is closed the escalation closes and the users of
 * its tickets are due a notice: sent as a ticket reply with `notify`, else recorded as `pending` for an agent.
 */
export async function syncEscalation(deps: EscalationDeps, id: string, options: { notify?: boolean } = {}): Promise<Escalation> {
  const e = await loadEscalation(deps.store.db, id);
  const now = deps.clock.now().toISOString();
  for (const issue of e.issues) {
    const s = await readIssueState(issue.tracker, issue.externalId, deps.config, deps.fetch ?? fetch);
    await deps.store.db.updateTable('escalation_issues').set({ state: s.state, closed: s.closed ? 1 : 0, synced_at: now }).where('escalation_id', '=', id).where('tracker', '=', issue.tracker).execute();
  }
  const after = await loadEscalation(deps.store.db, id);
  if (!after.issues.length || !after.issues.every((i) => i.closed)) return after;
  await deps.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('escalations').set({ status: 'closed', updated_at: now }).where('id', '=', id).execute();
    await trx.updateTable('escalation_tickets').set({ notify_status: 'pending' }).where('escalation_id', '=', id).where('notify_status', '=', 'none').execute();
  });
  if (options.notify) {
    for (const n of after.notifications.filter((x) => x.status !== 'sent')) {
      // A reply the tickets' guard refuses (or a ticket gone) stays pending for an agent; the others are sent.
      const sent = await replyToTicket(deps.store.db, n.ticketId, fixedNotice, { clock: deps.clock }).then(
        () => true,
        (err: unknown) => (deps.logger?.warn({ escalationId: id, ticketId: n.ticketId, error: err instanceof Error ? err.message : String(err) }, 'escalation notice not sent'), false),
      );
      if (sent) await deps.store.db.updateTable('escalation_tickets').set({ notify_status: 'sent', notified_at: now }).where('escalation_id', '=', id).where('ticket_id', '=', n.ticketId).execute();
    }
  }
  return loadEscalation(deps.store.db, id);
}
