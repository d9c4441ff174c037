import { writeAudit, type Principal } from '../../auth/index.ts';
import { createChainRegistry, type ChainRegistry } from '../../chains/index.ts';
import { newId, systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { TicketNotFoundError } from '../errors.ts';
import { sequentialId } from '../internal.ts';
import type { SlaSettings } from '../sla/policy.ts';
import { refreshTicketSla } from '../sla/refresh-sla.ts';
import type { TicketStatus } from '../ticket.ts';
import { ReplyBodyMissingError } from './errors.ts';
import { assertSafeReply } from './guard.ts';
import { replyLangOf } from './macros.ts';

export interface ReplyOptions {
  actor?: Principal | null;
  clock?: Clock;
  /** Hosts a reply may link to besides the chain explorers (the public URL, the help centre…). */
  allowedHosts?: readonly string[];
  registry?: ChainRegistry;
  /** The ticket's status afterwards (default: `open` for a new ticket, else unchanged); `pending` waits on the user and pauses the SLA. */
  status?: TicketStatus;
  /** Where the reply comes from, kept in the timeline: an agent, a macro, a cluster (problem) or an incident update. */
  source?: { kind: 'agent' | 'macro' | 'cluster' | 'incident'; id?: string };
  /** The configured SLA settings for the stored SLA fields (default: the built-in policies). */
  slaSettings?: SlaSettings;
}

export interface SentReply {
  ticketId: string;
  messageId: string;
  lang: string;
  body: string;
  status: TicketStatus;
}

let builtins: ChainRegistry | undefined;

/** The hosts of every chain explorer: replies may always link to a transaction or an address there. */
export function explorerHosts(registry?: ChainRegistry): string[] {
  const reg = registry ?? (builtins ??= createChainRegistry());
  const hosts = new Set<string>();
  for (const c of reg.list()) {
    for (const t of [c.explorer?.tx, c.explorer?.address]) {
      try {
        if (t) hosts.add(new URL(t.replace(/\{[a-z]+\}/g, 'x')).hostname);
      } catch {
        // A template that is not a URL links nowhere; nothing to allow.
      }
    }
  }
  return [...hosts];
}

/**
 * Sends one reply on a ticket: picks the body in the ticket's language (pt → pt-BR, else English),
 * refuses it when it carries a secret or looks like an impersonation scam, stores it as an outgoing
 * message with a `reply_sent` event (and `status_changed` when the status moves).
 */
export async function replyToTicket(db: Db, ticketId: string, bodies: Partial<Record<string, string>>, opts: ReplyOptions = {}): Promise<SentReply> {
  const clock = opts.clock ?? systemClock;
  const ticket = await db.selectFrom('tickets').select(['id', 'language', 'status', 'channel']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new TicketNotFoundError(ticketId);
  const lang = replyLangOf(ticket.language);
  const body = (bodies[lang] ?? (lang === 'pt-BR' ? bodies.pt : undefined) ?? bodies.en ?? Object.values(bodies).find((b) => b?.trim()))?.trim();
  if (!body) throw new ReplyBodyMissingError();
  assertSafeReply([body], [...explorerHosts(opts.registry), ...(opts.allowedHosts ?? [])]);
  const status: TicketStatus = opts.status ?? (ticket.status === 'new' ? 'open' : (ticket.status as TicketStatus));
  const now = clock.now().toISOString();
  const messageId = newId('msg', clock.nowMs());
  const actor = opts.actor ?? null;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ticket_messages')
      .values({ id: messageId, ticket_id: ticketId, source_message_id: `reply:${messageId}`, author_kind: 'agent', author: actor?.name ?? 'OpsDesk', channel: ticket.channel, body, attachments: '[]', security_flags: '[]', created_at: now })
      .execute();
    await trx
      .insertInto('ticket_events')
      .values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'reply_sent', actor: actor?.id ?? null, detail: JSON.stringify({ messageId, lang, source: opts.source ?? { kind: 'agent' } }) })
      .execute();
    if (status !== ticket.status) {
      await trx.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'status_changed', actor: actor?.id ?? null, detail: JSON.stringify({ from: ticket.status, to: status }) }).execute();
    }
    await trx.updateTable('tickets').set({ status, updated_at: now }).where('id', '=', ticketId).execute();
    await refreshTicketSla(trx, [ticketId], opts.slaSettings ? { settings: opts.slaSettings } : {});
    if (actor) await writeAudit(trx, actor, { action: 'ticket.reply', targetType: 'ticket', targetId: ticketId, detail: { messageId, source: opts.source?.kind ?? 'agent' } }, clock);
  });
  return { ticketId, messageId, lang, body, status };
}
