import type { Clock, Config, Logger } from '../core/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import type { Localized } from './incident.ts';

/** An outgoing e-mail; `headers` carries List-Unsubscribe and friends. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** The port e-mail goes out through (SMTP in production; see `createSmtpMailer`). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

/** Posts a public update (in every language; the ticket's own language is picked) as a reply on a linked ticket; wired to the tickets module by the composition root. */
export type TicketReplier = (ticketId: string, bodies: Localized) => Promise<void>;

/** What every incidents verb needs. */
export interface IncidentsDeps {
  store: RelationalStore;
  clock: Clock;
  logger: Logger;
  statusPage: Config['statusPage'];
  /** External base URL used in links (status page, unsubscribe, confirmation). */
  publicUrl: string;
  /** Undefined when SMTP is not configured. */
  mailer?: Mailer | undefined;
  /** Masks secrets and personal data in any text before it is stored or published. */
  redact: (text: string) => string;
  replyToTicket?: TicketReplier | undefined;
  /** HTTP client for webhooks (defaults to global fetch). */
  fetch?: typeof fetch;
}

/** An actor as recorded in the timeline: a principal, or the system. */
export interface Actor {
  id: string | null;
  name: string;
}

export const systemActor: Actor = { id: null, name: 'OpsDesk' };
