import type { EscalationDeps, Reader } from './deps.ts';
import { createEscalation } from './create-escalation.ts';
import { editEscalation } from './edit-escalation.ts';
import { issuePayload, type TrackerPayload } from './exporters/payloads.ts';
import { getEscalation, listTicketEscalations } from './get-escalation.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { Escalation, EscalationEdit, SourceType, Tracker } from './report.ts';
import { sendEscalation } from './send-escalation.ts';
import { syncEscalation } from './sync-escalation.ts';

/** The escalations domain as the surfaces use it (HTTP, CLI). */
export interface EscalationService {
  create(source: { type: SourceType; id: string }, reader: Reader): Promise<Escalation>;
  get(id: string): Promise<Escalation>;
  edit(id: string, edit: EscalationEdit): Promise<Escalation>;
  markdown(id: string): Promise<string>;
  payload(id: string, tracker: Tracker): Promise<TrackerPayload>;
  send(id: string, tracker: Tracker): Promise<Escalation>;
  /** Polls the tracker issues; with `notify`, tells the users of the tickets once engineering closed them. */
  sync(id: string, options?: { notify?: boolean }): Promise<Escalation>;
  forTicket(ticketId: string): ReturnType<typeof listTicketEscalations>;
}

/** Builds the escalation service over the store, chains and telemetry. */
export function createEscalationService(deps: EscalationDeps): EscalationService {
  const db = deps.store.db;
  return {
    create: (source, reader) => createEscalation(deps, source, reader),
    get: (id) => getEscalation(db, id),
    edit: (id, edit) => editEscalation(db, id, edit, deps.clock),
    markdown: async (id) => renderMarkdown(await getEscalation(db, id)),
    payload: async (id, tracker) => issuePayload(await getEscalation(db, id), tracker, deps.config),
    send: (id, tracker) => sendEscalation(deps, id, tracker),
    sync: (id, options) => syncEscalation(deps, id, options),
    forTicket: (ticketId) => listTicketEscalations(db, ticketId),
  };
}
