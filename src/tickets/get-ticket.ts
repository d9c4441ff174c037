import { writeAudit, type Principal } from '../auth/index.ts';
import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { TicketNotFoundError } from './errors.ts';
import { openTicketStatuses } from './clusters/internal.ts';
import type { Category, KbSuggestion, Priority, Reason, Severity, TriageEntities } from './ticket.ts';

export interface TicketSummary {
  id: string;
  source: string;
  sourceId: string;
  channel: string;
  requester: string | null;
  requesterName: string | null;
  tier: string;
  subject: string;
  status: string;
  category: Category;
  categoryConfidence: number;
  severity: Severity;
  priority: Priority;
  language: string;
  languageConfidence: number | null;
  securityFlags: string[];
  chains: string[];
  createdAt: string;
  receivedAt: string;
  updatedAt: string;
}

export interface Ticket extends TicketSummary {
  redactedText: string;
  entities: TriageEntities;
  reasons: Reason[];
  kb: KbSuggestion[];
  modelVersion: number;
  /** The problem (cluster) this ticket belongs to: its title, why the ticket was grouped and how many open tickets it links; null when alone. */
  problem: { id: string; title: string; reason: string | null; openTickets: number } | null;
  messages: Array<{ id: string; authorKind: string; author: string | null; channel: string; body: string; attachments: unknown[]; securityFlags: string[]; createdAt: string }>;
  events: Array<{ id: string; at: string; kind: string; actor: string | null; detail: unknown }>;
}

type Row = {
  id: string; source: string; source_id: string; channel: string; requester: string | null; requester_name: string | null; tier: string; subject: string; status: string;
  category: string; category_confidence: number; severity: string; priority: string; language: string; language_confidence?: number | null; security_flags: string; chains: string; created_at: string; received_at: string; updated_at: string;
};

/** Maps a tickets row to its summary. */
export function summaryOf(r: Row): TicketSummary {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    channel: r.channel,
    requester: r.requester,
    requesterName: r.requester_name,
    tier: r.tier,
    subject: r.subject,
    status: r.status,
    category: r.category as Category,
    categoryConfidence: Number(r.category_confidence),
    severity: r.severity as Severity,
    priority: r.priority as Priority,
    language: r.language,
    languageConfidence: r.language_confidence == null ? null : Number(r.language_confidence),
    securityFlags: JSON.parse(r.security_flags) as string[],
    chains: JSON.parse(r.chains) as string[],
    createdAt: r.created_at,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
  };
}

export interface ReadContext {
  ip?: string | null;
  requestId?: string | null;
}

/** Reads a ticket with its conversation and timeline; every read is written to the audit log (`ticket.read`). */
export async function getTicket(db: Db, id: string, actor: Principal | null, ctx: ReadContext = {}, clock: Clock = systemClock): Promise<Ticket> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new TicketNotFoundError(id);
  const [messages, events, problem] = await Promise.all([
    db.selectFrom('ticket_messages').selectAll().where('ticket_id', '=', id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', id).orderBy('at').orderBy('id').execute(),
    problemOf(db, id),
  ]);
  await writeAudit(db, actor, { action: 'ticket.read', targetType: 'ticket', targetId: id, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null }, clock);
  return {
    ...summaryOf(row),
    redactedText: row.redacted_text,
    entities: JSON.parse(row.entities) as TriageEntities,
    reasons: JSON.parse(row.reasons) as Reason[],
    kb: JSON.parse(row.kb) as KbSuggestion[],
    modelVersion: Number(row.model_version),
    problem,
    messages: messages.map((m) => ({
      id: m.id,
      authorKind: m.author_kind,
      author: m.author,
      channel: m.channel,
      body: m.body,
      attachments: JSON.parse(m.attachments) as unknown[],
      securityFlags: JSON.parse(m.security_flags) as string[],
      createdAt: m.created_at,
    })),
    events: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, actor: e.actor, detail: JSON.parse(e.detail) as unknown })),
  };
}

/** The ticket's cluster, if it has one: only its title, the grouping reason and a count (never other requesters' messages). */
async function problemOf(db: Db, ticketId: string): Promise<Ticket['problem']> {
  const row = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('ticket_clusters as c', 'c.id', 'f.cluster_id')
    .select(['c.id', 'c.title', 'f.reason'])
    .where('f.ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row) return null;
  const count = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('f.cluster_id', '=', row.id)
    .where('t.status', 'in', [...openTicketStatuses])
    .executeTakeFirst();
  return { id: row.id, title: row.title, reason: row.reason, openTickets: Number(count?.n ?? 0) };
}
