import type { Db } from '../../storage/index.ts';
import { TicketNotFoundError } from '../errors.ts';
import type { TriageEntities } from '../ticket.ts';
import { renderMacro, type ReplyDiagnosis, type ReplyTicketFacts } from './render-macro.ts';
import { replyToTicket, type ReplyOptions, type SentReply } from './reply-to-ticket.ts';

export interface MacroReplyInput {
  macro: string;
  variables?: Record<string, string>;
  diagnosis?: ReplyDiagnosis;
}

/** Loads what a macro may use from one ticket (its own requester name, entities and chains only). */
export async function ticketFacts(db: Db, ticketId: string): Promise<ReplyTicketFacts> {
  const row = await db.selectFrom('tickets').select(['id', 'language', 'requester_name', 'category', 'chains', 'entities']).where('id', '=', ticketId).executeTakeFirst();
  if (!row) throw new TicketNotFoundError(ticketId);
  return { id: row.id, language: row.language, requesterName: row.requester_name, category: row.category, chains: JSON.parse(row.chains) as string[], entities: JSON.parse(row.entities) as TriageEntities };
}

/** Fills a macro from the ticket (and diagnosis) in the ticket's language and sends it through `replyToTicket`. */
export async function replyWithMacro(db: Db, ticketId: string, input: MacroReplyInput, opts: ReplyOptions = {}): Promise<SentReply> {
  const facts = await ticketFacts(db, ticketId);
  const { lang, text } = renderMacro(input.macro, facts, { ...(input.diagnosis ? { diagnosis: input.diagnosis } : {}), ...(input.variables ? { variables: input.variables } : {}), ...(opts.registry ? { registry: opts.registry } : {}) });
  return replyToTicket(db, ticketId, { [lang]: text }, { source: { kind: 'macro', id: input.macro }, ...opts });
}
