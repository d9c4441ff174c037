import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { TicketNotFoundError } from '../errors.ts';
import { evaluateSla, type SlaTimeline, type TicketSla } from './evaluate-sla.ts';
import { defaultSlaSettings, type SlaSettings } from './policy.ts';

/** Builds the SLA timelines of tickets from their conversation and `status_changed` events. */
export async function loadSlaTimelines(db: Db, ticketIds: readonly string[]): Promise<Map<string, SlaTimeline>> {
  const out = new Map<string, SlaTimeline>();
  for (let i = 0; i < ticketIds.length; i += 500) {
    const ids = ticketIds.slice(i, i + 500);
    const [tickets, messages, events] = await Promise.all([
      db.selectFrom('tickets').select(['id', 'priority', 'channel', 'tier', 'status', 'created_at']).where('id', 'in', ids).execute(),
      db.selectFrom('ticket_messages').select(['ticket_id', 'author_kind', 'created_at']).where('ticket_id', 'in', ids).execute(),
      db.selectFrom('ticket_events').select(['ticket_id', 'at', 'detail']).where('ticket_id', 'in', ids).where('kind', '=', 'status_changed').execute(),
    ]);
    for (const t of tickets) out.set(t.id, { ticketId: t.id, priority: t.priority, channel: t.channel, tier: t.tier, createdAt: t.created_at, status: t.status, events: [] });
    for (const m of messages) {
      const kind = m.author_kind === 'requester' ? 'requester_message' : m.author_kind === 'agent' ? 'agent_reply' : undefined;
      if (kind) out.get(m.ticket_id)?.events.push({ at: m.created_at, kind });
    }
    for (const e of events) {
      const to = (JSON.parse(e.detail) as { to?: unknown }).to;
      if (typeof to === 'string') out.get(e.ticket_id)?.events.push({ at: e.at, kind: 'status', status: to });
    }
  }
  return out;
}

/** A ticket's SLA now: its policy, each metric's due time and state (met, warning, breached, paused). */
export async function getTicketSla(db: Db, ticketId: string, opts: { settings?: SlaSettings; clock?: Clock } = {}): Promise<TicketSla> {
  const timeline = (await loadSlaTimelines(db, [ticketId])).get(ticketId);
  if (!timeline) throw new TicketNotFoundError(ticketId);
  return evaluateSla(opts.settings ?? defaultSlaSettings, timeline, (opts.clock ?? systemClock).nowMs());
}
