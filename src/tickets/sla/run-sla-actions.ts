import { newId, systemClock, type Clock, type Logger } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { openTicketStatuses } from '../clusters/internal.ts';
import { sequentialId } from '../internal.ts';
import { assignRoundRobin, assignTicket } from '../queue/assign-ticket.ts';
import { priorities } from '../ticket.ts';
import { evaluateSla } from './evaluate-sla.ts';
import { defaultSlaSettings, policyFor, type SlaAction, type SlaSettings } from './policy.ts';
import { refreshStaleSla, refreshTicketSla } from './refresh-sla.ts';
import { loadSlaTimelines } from './ticket-sla.ts';

/** One notify action to deliver: ids, metric and times only, never what the customer wrote. */
export interface SlaNotification {
  ticketId: string;
  metric: string;
  stage: 'warning' | 'breach';
  target: string;
  dueAt: string;
  policy: string;
  priority: string;
}

export interface SlaActionsReport {
  checked: number;
  warnings: number;
  breaches: number;
  actions: Array<{ ticketId: string; metric: string; stage: 'warning' | 'breach'; action: SlaAction; ok: boolean; error?: string }>;
  notifications: SlaNotification[];
}

/**
 * Checks the SLA of open tickets whose stored warning or due time has passed and runs the policy's
 * warning and breach actions once per ticket, metric, stage and due time (re-prioritise, re-assign,
 * notify); safe to run on several replicas. Also computes stored SLA fields that are missing or stale.
 */
export async function runSlaActions(db: Db, opts: { settings?: SlaSettings; clock?: Clock; logger?: Logger; notify?: (n: SlaNotification) => Promise<void> } = {}): Promise<SlaActionsReport> {
  const settings = opts.settings ?? defaultSlaSettings;
  const clock = opts.clock ?? systemClock;
  await refreshStaleSla(db, openTicketStatuses, { settings });
  const nowMs = clock.nowMs();
  const ids = (
    await db
      .selectFrom('tickets')
      .select('id')
      .where('status', 'in', [...openTicketStatuses])
      .where((eb) => eb.or([eb('sla_warn_ms', '<=', nowMs), eb('sla_due_ms', '<=', nowMs)]))
      .execute()
  ).map((r) => r.id);
  const timelines = await loadSlaTimelines(db, ids);
  const report: SlaActionsReport = { checked: ids.length, warnings: 0, breaches: 0, actions: [], notifications: [] };
  for (const t of timelines.values()) {
    const sla = evaluateSla(settings, t, clock.nowMs());
    const policy = policyFor(settings, t);
    if (!policy) continue;
    for (const m of sla.metrics) {
      if (m.achievedAt !== null || (m.state !== 'warning' && m.state !== 'breached') || !m.dueAt) continue;
      const stage = m.state === 'warning' ? 'warning' : 'breach';
      const actions = stage === 'warning' ? policy.onWarning : policy.onBreach;
      const now = clock.now().toISOString();
      const claimed = await db
        .insertInto('ticket_sla_actions')
        .values({ id: newId('sla', clock.nowMs()), ticket_id: t.ticketId, metric: m.metric, stage, due_at: m.dueAt, actions: JSON.stringify(actions), at: now })
        .onConflict((oc) => oc.columns(['ticket_id', 'metric', 'stage', 'due_at']).doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
      if (stage === 'warning') report.warnings++;
      else report.breaches++;
      await db.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: t.ticketId, at: now, kind: stage === 'warning' ? 'sla_warning' : 'sla_breached', actor: null, detail: JSON.stringify({ metric: m.metric, policy: policy.id, dueAt: m.dueAt }) }).execute();
      for (const action of actions) {
        try {
          await apply(db, t.ticketId, action, clock, now);
          if (action.kind === 'notify') {
            const n: SlaNotification = { ticketId: t.ticketId, metric: m.metric, stage, target: action.target, dueAt: m.dueAt, policy: policy.id, priority: t.priority };
            report.notifications.push(n);
            await opts.notify?.(n);
          }
          report.actions.push({ ticketId: t.ticketId, metric: m.metric, stage, action, ok: true });
        } catch (err) {
          opts.logger?.warn({ ticketId: t.ticketId, action: action.kind, err }, 'SLA action failed');
          report.actions.push({ ticketId: t.ticketId, metric: m.metric, stage, action, ok: false, error: (err as Error).message });
        }
      }
    }
    // A re-prioritisation changes the policy, and with it the stored due times.
    if (report.actions.some((a) => a.ticketId === t.ticketId && a.action.kind === 'reprioritize')) await refreshTicketSla(db, [t.ticketId], { settings });
  }
  return report;
}

async function apply(db: Db, ticketId: string, action: SlaAction, clock: Clock, now: string): Promise<void> {
  if (action.kind === 'reprioritize') {
    const row = await db.selectFrom('tickets').select('priority').where('id', '=', ticketId).executeTakeFirstOrThrow();
    // Only ever raises the priority.
    if (priorities.indexOf(action.priority) >= priorities.indexOf(row.priority as (typeof priorities)[number])) return;
    await db.updateTable('tickets').set({ priority: action.priority, updated_at: now }).where('id', '=', ticketId).execute();
    await db.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: ticketId, at: now, kind: 'reprioritized', actor: null, detail: JSON.stringify({ from: row.priority, to: action.priority, reason: 'sla' }) }).execute();
  } else if (action.kind === 'reassign') {
    if (action.to === 'round_robin') await assignRoundRobin(db, ticketId, null, clock);
    else await assignTicket(db, ticketId, action.to, null, clock);
  }
}
