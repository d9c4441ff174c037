import { claimJobs, completeJob, enqueueJob, failJob, type Job } from '../../storage/index.ts';
import { getMonitor, listMonitors } from '../schedules/list-monitors.ts';
import { MonitorNotFoundError } from '../errors.ts';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';
import { runMonitor } from './run-monitor.ts';

export const monitorJobKind = 'monitor.run';

export interface SchedulerOptions {
  /** Unique per process (claims and leases are per worker). */
  workerId: string;
  /** How often `start()` ticks, in milliseconds. */
  tickMs?: number;
  /** A run taking longer is abandoned and recorded as failed. */
  runTimeoutMs?: number;
  /** Jobs claimed per round (runs of one round go in parallel). */
  batch?: number;
  /** Finished monitor jobs older than this are deleted. */
  keepJobsMs?: number;
}

export interface RunReport {
  monitorId: string;
  slotMs: number;
  ok: boolean;
  outcome?: RunOutcome;
  error?: string;
  skipped?: 'stale' | 'removed' | 'disabled';
}

export interface TickReport {
  /** Slots this tick enqueued (or found already enqueued by another replica). */
  enqueued: number;
  runs: RunReport[];
}

interface RunPayload {
  monitorId: string;
  slotMs: number;
}

/** The job id of a monitor's slot: the same on every replica, so enqueueing it twice is a no-op. */
export function monitorJobId(monitorId: string, slotMs: number): string {
  return `${monitorJobKind}:${monitorId}:${slotMs}`;
}

/**
 * Runs stored monitors on their intervals. Each tick enqueues the current slot of every enabled
 * monitor as a job with a stable id (idempotent across replicas), then claims due jobs with
 * `FOR UPDATE SKIP LOCKED` and runs them, so a monitor runs once per slot however many replicas tick.
 * A slot that is already past when claimed (a replica was down) is skipped, not run late.
 */
export class MonitorScheduler {
  private readonly tickMs: number;
  private readonly runTimeoutMs: number;
  private readonly batch: number;
  private readonly keepJobsMs: number;
  private lastPruneMs = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> = Promise.resolve();
  /** The slot this process last enqueued per monitor (saves an insert per monitor per tick). */
  private readonly enqueued = new Map<string, number>();

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions,
  ) {
    this.tickMs = options.tickMs ?? 5000;
    this.runTimeoutMs = options.runTimeoutMs ?? 60_000;
    this.batch = options.batch ?? 8;
    this.keepJobsMs = options.keepJobsMs ?? 86_400_000;
  }

  /** One round: enqueue the due slots, then claim and run jobs until none are left for this worker. */
  async tick(): Promise<TickReport> {
    const { store, clock } = this.deps.monitor;
    const nowMs = clock.nowMs();
    const monitors = await listMonitors(this.deps.monitor, { enabledOnly: true });
    let enqueued = 0;
    for (const m of monitors) {
      const intervalMs = m.intervalSec * 1000;
      const slotMs = Math.floor(nowMs / intervalMs) * intervalMs;
      if (this.enqueued.get(m.id) === slotMs) continue;
      await enqueueJob(store, { kind: monitorJobKind, id: monitorJobId(m.id, slotMs), payload: { monitorId: m.id, slotMs } satisfies RunPayload, runAt: new Date(slotMs) }, clock);
      this.enqueued.set(m.id, slotMs);
      enqueued++;
    }
    const current = new Set(monitors.map((m) => m.id));
    for (const id of this.enqueued.keys()) if (!current.has(id)) this.enqueued.delete(id);
    const runs: RunReport[] = [];
    for (;;) {
      const jobs = await claimJobs(store, this.options.workerId, { kinds: [monitorJobKind], limit: this.batch, leaseMs: this.runTimeoutMs + 30_000 }, clock);
      if (!jobs.length) break;
      runs.push(...(await Promise.all(jobs.map((job) => this.runJob(job)))));
    }
    if (nowMs - this.lastPruneMs > 3_600_000) {
      this.lastPruneMs = nowMs;
      await store.db
        .deleteFrom('jobs')
        .where('kind', '=', monitorJobKind)
        .where('status', 'in', ['done', 'failed'])
        .where('updated_at', '<', new Date(nowMs - this.keepJobsMs).toISOString())
        .execute();
    }
    return { enqueued, runs };
  }

  private async runJob(job: Job): Promise<RunReport> {
    const { store, clock } = this.deps.monitor;
    const { monitorId, slotMs } = job.payload as RunPayload;
    const base = { monitorId, slotMs };
    try {
      const def = await getMonitor(this.deps.monitor, monitorId);
      if (!def.enabled) {
        await completeJob(store, job.id, clock);
        return { ...base, ok: true, skipped: 'disabled' };
      }
      if (clock.nowMs() >= slotMs + def.intervalSec * 1000) {
        await completeJob(store, job.id, clock);
        return { ...base, ok: true, skipped: 'stale' };
      }
      const outcome = await runMonitor(this.deps, def, { timeoutMs: this.runTimeoutMs });
      await completeJob(store, job.id, clock);
      return { ...base, ok: true, outcome };
    } catch (err) {
      if (err instanceof MonitorNotFoundError) {
        await completeJob(store, job.id, clock);
        return { ...base, ok: true, skipped: 'removed' };
      }
      const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      this.deps.logger?.warn({ err, monitorId }, 'monitor run failed');
      // The next slot runs anyway; a failed slot is not retried late.
      await failJob(store, job, message, { maxAttempts: 1 }, clock);
      return { ...base, ok: false, error: message };
    }
  }

  /** Ticks every `tickMs` until the returned function is called; it resolves once the current tick has finished. */
  start(): () => Promise<void> {
    let stopped = false;
    const loop = () => {
      if (stopped) return;
      this.current = this.tick()
        .catch((err: unknown) => this.deps.logger?.error({ err }, 'monitor scheduler tick failed'))
        .finally(() => {
          if (!stopped) {
            this.timer = setTimeout(loop, this.tickMs);
            this.timer.unref();
          }
        });
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
    return async () => {
      stopped = true;
      clearTimeout(this.timer);
      await this.current;
    };
  }
}
