import { writeAudit, type Principal } from '../../auth/index.ts';
import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { TicketNotFoundError } from '../errors.ts';
import { sequentialId } from '../internal.ts';
import { AgentNotFoundError, NoAgentAvailableError } from './errors.ts';

const takers = ['agent', 'engineer', 'admin'];

export interface Assignment {
  ticketId: string;
  assigneeId: string;
  method: 'manual' | 'round_robin';
  /** Skills of the assignee that matched the ticket (round-robin). */
  matched: string[];
  assignedAt: string;
}

/** Assigns a ticket to an agent (an active user with role agent or above). */
export async function assignTicket(db: Db, ticketId: string, assigneeId: string, actor: Principal | null, clock: Clock = systemClock): Promise<Assignment> {
  const user = await db.selectFrom('users').select(['id', 'role', 'disabled']).where('id', '=', assigneeId).executeTakeFirst();
  if (!user || Number(user.disabled) === 1 || !takers.includes(user.role)) throw new AgentNotFoundError(assigneeId);
  return write(db, ticketId, assigneeId, 'manual', [], actor, clock);
}

/**
 * Assigns a ticket round-robin by skill: among active agents, those with the most skills matching
 * the ticket (its category, chains and `lang:<language>`) win, and of them the one whose last
 * assignment is oldest; with no skilled agent, every active agent takes turns.
 */
export async function assignRoundRobin(db: Db, ticketId: string, actor: Principal | null, clock: Clock = systemClock): Promise<Assignment> {
  const ticket = await db.selectFrom('tickets').select(['id', 'category', 'chains', 'language']).where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new TicketNotFoundError(ticketId);
  const wanted = new Set([ticket.category, ...(JSON.parse(ticket.chains) as string[]), `lang:${ticket.language}`].map((s) => s.toLowerCase()));
  const users = await db.selectFrom('users').select(['id']).where('disabled', '=', 0).where('role', 'in', takers).execute();
  if (!users.length) throw new NoAgentAvailableError(ticketId);
  const ids = users.map((u) => u.id);
  const [skills, last] = await Promise.all([
    db.selectFrom('agent_skills').select(['user_id', 'skill']).where('user_id', 'in', ids).execute(),
    db.selectFrom('ticket_assignments').select(['assignee_id', (eb) => eb.fn.max('assigned_at').as('last')]).where('assignee_id', 'in', ids).groupBy('assignee_id').execute(),
  ]);
  const matched = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const s of skills) if (wanted.has(s.skill)) matched.get(s.user_id)!.push(s.skill);
  const lastAt = new Map(last.map((l) => [l.assignee_id, String(l.last)]));
  const best = Math.max(...[...matched.values()].map((m) => m.length));
  const pool = ids.filter((id) => matched.get(id)!.length === best).sort((a, b) => (lastAt.get(a) ?? '').localeCompare(lastAt.get(b) ?? '') || a.localeCompare(b));
  const chosen = pool[0]!;
  return write(db, ticketId, chosen, 'round_robin', matched.get(chosen)!.sort(), actor, clock);
}

async function write(db: Db, ticketId: string, assigneeId: string, method: Assignment['method'], matched: string[], actor: Principal | null, clock: Clock): Promise<Assignment> {
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const ticket = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
    if (!ticket) throw new TicketNotFoundError(ticketId);
    const values = { assignee_id: assigneeId, method, assigned_by: actor?.id ?? null, assigned_at: now };
    await trx.insertInto('ticket_assignments').values({ ticket_id: ticketId, ...values }).onConflict((oc) => oc.column('ticket_id').doUpdateSet(values)).execute();
    await trx.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'assigned', actor: actor?.id ?? null, detail: JSON.stringify({ assigneeId, method, matched }) }).execute();
    await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', ticketId).execute();
    await writeAudit(trx, actor, { action: 'ticket.assign', targetType: 'ticket', targetId: ticketId, detail: { assigneeId, method } }, clock);
  });
  return { ticketId, assigneeId, method, matched, assignedAt: now };
}
