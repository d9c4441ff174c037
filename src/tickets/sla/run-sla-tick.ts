import { systemClock, type Clock, type Logger } from '../../core/index.ts';
import { claimJobs, completeJob, enqueueJob, failJob, type RelationalStore } from '../../storage/index.ts';
import type { SlaSettings } from './policy.ts';
import { runSlaActions, type SlaActionsReport, type SlaNotification } from './run-sla-actions.ts';

const kind = 'tickets.sla_actions';

export interface SlaTickDeps {
  store: RelationalStore;
  clock?: Clock;
  logger?: Logger;
  settings?: SlaSettings;
  /** Delivers a notify action (wired to the alert channels by the server); a throw marks the action failed. */
  notify?: (n: SlaNotification) => Promise<void>;
}

/**
 * One scheduled SLA run: a job slot with a stable id per tick, claimed by one replica only (each
 * action is also claimed once per ticket, metric, stage and due time, so a late replica never repeats one).
 */
export async function runSlaTick(deps: SlaTickDeps, workerId: string, tickMs: number): Promise<{ ran: boolean; report?: SlaActionsReport }> {
  const clock = deps.clock ?? systemClock;
  const slot = Math.floor(clock.nowMs() / tickMs) * tickMs;
  await enqueueJob(deps.store, { id: `${kind}:${slot}`, kind, payload: { slot } }, clock);
  const [job] = await claimJobs(deps.store, workerId, { kinds: [kind], limit: 1, leaseMs: Math.max(tickMs * 2, 60_000) }, clock);
  if (!job) return { ran: false };
  try {
    const report = await runSlaActions(deps.store.db, { clock, ...(deps.settings ? { settings: deps.settings } : {}), ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.notify ? { notify: deps.notify } : {}) });
    await completeJob(deps.store, job.id, clock);
    if (report.actions.length) deps.logger?.info({ warnings: report.warnings, breaches: report.breaches, failed: report.actions.filter((a) => !a.ok).length }, 'SLA actions ran');
    return { ran: true, report };
  } catch (err) {
    await failJob(deps.store, job, err instanceof Error ? err.message.slice(0, 500) : 'failed', { maxAttempts: 1 }, clock);
    throw err;
  }
}

/**
 * Runs `runSlaTick` at once (which also backfills stored SLA fields after an upgrade) and then every
 * `tickMs` until the returned stop function is called (which waits for a running tick).
 */
export function startSlaBackground(deps: SlaTickDeps, options: { workerId: string; tickMs: number }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => runSlaTick(deps, options.workerId, options.tickMs)).catch((err: unknown) => deps.logger?.warn({ err }, 'scheduled SLA run failed'));
  };
  tick();
  const timer = setInterval(tick, options.tickMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** The text of an SLA notification: ticket, metric, stage, due time and a console link, nothing the customer wrote. */
export function slaNotificationText(n: SlaNotification, consoleUrl: string): { title: string; text: string; link: string; fields: Record<string, string> } {
  const link = `${consoleUrl.replace(/\/+$/, '')}/#/queue/${encodeURIComponent(n.ticketId)}`;
  const metric = n.metric.replace(/_/g, ' ');
  const title = n.stage === 'breach' ? `SLA breached: ${metric} on ticket ${n.ticketId}` : `SLA warning: ${metric} on ticket ${n.ticketId}`;
  const text = `${title} (policy ${n.policy}, ${n.priority}), ${n.stage === 'breach' ? 'was due' : 'due'} ${n.dueAt}. Open: ${link}`;
  return { title, text, link, fields: { ticket: n.ticketId, metric: n.metric, stage: n.stage, dueAt: n.dueAt, policy: n.policy, priority: n.priority, target: n.target } };
}
