import { newId, systemClock, type Clock } from '../core/index.ts';
import type { RelationalStore } from './store.ts';

export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

export interface EnqueueJobInput {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  /** Stable id makes enqueueing idempotent (e.g. `nightly-retrain:2026-11-27`). */
  id?: string;
}

/** Adds a background job; with a stable `id`, enqueueing the same job twice is a no-op. */
export async function enqueueJob(store: RelationalStore, input: EnqueueJobInput, clock: Clock = systemClock): Promise<string> {
  const now = clock.now().toISOString();
  const id = input.id ?? newId('job', clock.nowMs());
  await store.db
    .insertInto('jobs')
    .values({
      id,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? null),
      status: 'queued',
      run_at: (input.runAt ?? clock.now()).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/**
 * Claims up to `limit` due jobs for `workerId` for `leaseMs`. Where the engine can skip locked
 * rows, two replicas claiming at once never get the same job; expired leases are reclaimed.
 */
export async function claimJobs(
  store: RelationalStore,
  workerId: string,
  options: { kinds?: readonly string[]; limit?: number; leaseMs?: number } = {},
  clock: Clock = systemClock,
): Promise<Job[]> {
  const now = clock.now().toISOString();
  const until = new Date(clock.nowMs() + (options.leaseMs ?? 60_000)).toISOString();
  const limit = options.limit ?? 1;
  return store.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('jobs')
      .select(['id'])
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .limit(limit);
    if (options.kinds?.length) q = q.where('kind', 'in', options.kinds);
    if (store.capabilities.skipLocked) q = q.forUpdate().skipLocked();
    const ids = (await q.execute()).map((r) => r.id);
    if (!ids.length) return [];
    const rows = await trx
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', locked_by: workerId, locked_until: until, updated_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: JSON.parse(r.payload) as unknown, attempts: Number(r.attempts) }));
  });
}

/** Marks a claimed job done. */
export async function completeJob(store: RelationalStore, id: string, clock: Clock = systemClock): Promise<void> {
  await store.db.updateTable('jobs').set({ status: 'done', locked_by: null, locked_until: null, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
}

/** Records a failure; the job runs again after `retryInMs`, or is parked as failed after `maxAttempts`. */
export async function failJob(
  store: RelationalStore,
  job: Job,
  error: string,
  options: { retryInMs?: number; maxAttempts?: number } = {},
  clock: Clock = systemClock,
): Promise<void> {
  const giveUp = job.attempts >= (options.maxAttempts ?? 5);
  await store.db
    .updateTable('jobs')
    .set({
      status: giveUp ? 'failed' : 'queued',
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      run_at: new Date(clock.nowMs() + (options.retryInMs ?? 2 ** job.attempts * 1000)).toISOString(),
      updated_at: clock.now().toISOString(),
    })
    .where('id', '=', job.id)
    .execute();
}
