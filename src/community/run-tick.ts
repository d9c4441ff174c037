import type { Logger } from '../core/index.ts';
import { claimJobs, completeJob, enqueueJob, failJob } from '../storage/index.ts';
import type { CommunityDeps } from './deps.ts';
import { detectBursts, type DetectReport } from './detect-bursts.ts';
import { pollDueSources, type PollReport } from './poll-source.ts';

const kind = 'community.tick';

export interface TickOutcome {
  /** False when another replica had already taken this slot. */
  ran: boolean;
  polls: PollReport[];
  bursts?: DetectReport;
}

/**
 * One background tick: polls the sources that are due and looks for bursts. The slot is a job with a
 * stable id, claimed with SKIP LOCKED where the database can, so one replica runs each slot.
 */
export async function runCommunityTick(deps: CommunityDeps, workerId: string, tickMs: number): Promise<TickOutcome> {
  const slot = Math.floor(deps.clock.nowMs() / tickMs) * tickMs;
  await enqueueJob(deps.store, { id: `${kind}:${slot}`, kind, payload: { slot } }, deps.clock);
  const [job] = await claimJobs(deps.store, workerId, { kinds: [kind], limit: 1, leaseMs: Math.max(tickMs * 2, 60_000) }, deps.clock);
  if (!job) return { ran: false, polls: [] };
  try {
    const polls = await pollDueSources(deps);
    const bursts = await detectBursts(deps);
    await completeJob(deps.store, job.id, deps.clock);
    return { ran: true, polls, bursts };
  } catch (err) {
    await failJob(deps.store, job, err instanceof Error ? err.message.slice(0, 500) : 'failed', { maxAttempts: 1 }, deps.clock);
    throw err;
  }
}

/** Runs `runCommunityTick` every `tickMs` until the returned stop function is called; deps are built on the first tick. */
export function startCommunityBackground(deps: () => Promise<CommunityDeps>, options: { workerId: string; tickMs: number; logger: Logger }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let built: Promise<CommunityDeps> | undefined;
  const timer = setInterval(() => {
    running = running
      .then(async () => runCommunityTick(await (built ??= deps()), options.workerId, options.tickMs))
      .catch((err: unknown) => options.logger.warn({ err }, 'community background tick failed'));
  }, options.tickMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
