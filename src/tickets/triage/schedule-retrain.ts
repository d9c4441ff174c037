import { writeAudit } from '../../auth/index.ts';
import type { Clock, Logger } from '../../core/index.ts';
import { completeJob, enqueueJob, failJob, type Job, type RelationalStore } from '../../storage/index.ts';
import { RetrainRegressionError } from '../errors.ts';
import { loadTriageModel } from './load.ts';
import type { TriageModel } from './model.ts';
import { retrainTriage, type RetrainReport } from './retrain.ts';
import { fetchPublishedTriageModel, publishTriageModel } from './share-model.ts';

const kind = 'triage.retrain';
// A retrain takes seconds; a replica that died mid-run leaves the day to another one after this.
const leaseMs = 30 * 60_000;

export interface NightlyRetrainSettings {
  /** Local time of day, HH:MM. */
  at: string;
  /** IANA time zone of `at`. */
  timeZone: string;
}

export interface NightlyRetrainDeps {
  store: RelationalStore;
  dataDir: string;
  clock: Clock;
  logger?: Logger;
  /** Directory holding the corpus (default: the shipped assets/triage). */
  triageDir?: string;
}

export type NightlyRetrainOutcome =
  | { ran: false; date: string; reason: 'not_due' | 'taken' }
  | { ran: true; date: string; outcome: 'skipped'; newCorrections: 0 }
  | { ran: true; date: string; outcome: 'accepted'; newCorrections: number; report: RetrainReport }
  | { ran: true; date: string; outcome: 'refused'; newCorrections: number; currentVersion: number; currentAccuracy: number; candidateAccuracy: number };

/** The local calendar date (YYYY-MM-DD) and minute of the day of an instant in a time zone. */
export function localDayAndMinute(ms: number, timeZone: string): { date: string; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function currentModel(dataDir: string): TriageModel | undefined {
  try {
    return loadTriageModel(dataDir);
  } catch {
    return undefined;
  }
}

async function countCorrectionsSince(store: RelationalStore, since: string): Promise<number> {
  const row = await store.db.selectFrom('triage_corrections').select((eb) => eb.fn.countAll().as('n')).where('at', '>', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * One check of the nightly retrain: once the local time of day has reached `at`, the day's job
 * (`triage.retrain:<local date>`) is enqueued and claimed, so one replica runs it per day; it
 * retrains only when corrections arrived after the current model was trained, and records the
 * outcome (accepted, or refused with both held-out accuracies) in the audit log.
 */
export async function runNightlyRetrain(deps: NightlyRetrainDeps, settings: NightlyRetrainSettings, workerId: string): Promise<NightlyRetrainOutcome> {
  const { clock, store } = deps;
  const { date, minute } = localDayAndMinute(clock.nowMs(), settings.timeZone);
  const [hh, mm] = settings.at.split(':').map(Number);
  if (minute < (hh ?? 0) * 60 + (mm ?? 0)) return { ran: false, date, reason: 'not_due' };
  await enqueueJob(store, { id: `${kind}:${date}`, kind, payload: { date } }, clock);
  const job = await claimDay(store, `${kind}:${date}`, workerId, clock);
  if (!job) return { ran: false, date, reason: 'taken' };
  try {
    const outcome = await retrainIfCorrected(deps, date);
    await completeJob(store, job.id, clock);
    return outcome;
  } catch (err) {
    await failJob(store, job, err instanceof Error ? err.message.slice(0, 500) : 'failed', { maxAttempts: 3, retryInMs: 15 * 60_000 }, clock);
    throw err;
  }
}

/**
 * Claims the day's job in one UPDATE (queued, or running with an expired lease). A single statement
 * is atomic on both engines: on PostgreSQL the second replica waits on the row lock and then sees it
 * taken; SQLite connections of several processes queue on the write lock (busy_timeout).
 */
async function claimDay(store: RelationalStore, id: string, workerId: string, clock: Clock): Promise<Job | undefined> {
  const now = clock.now().toISOString();
  const row = await store.db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', locked_by: workerId, locked_until: new Date(clock.nowMs() + leaseMs).toISOString(), updated_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
    .returning(['id', 'kind', 'payload', 'attempts'])
    .executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as unknown, attempts: Number(row.attempts) } : undefined;
}

async function retrainIfCorrected(deps: NightlyRetrainDeps, date: string): Promise<NightlyRetrainOutcome> {
  const { clock, store, logger } = deps;
  const current = currentModel(deps.dataDir);
  const newCorrections = await countCorrectionsSince(store, current?.file.createdAt ?? '');
  if (newCorrections === 0) {
    logger?.info({ date, modelVersion: current?.version }, 'nightly triage retrain skipped: no corrections since the current model');
    return { ran: true, date, outcome: 'skipped', newCorrections: 0 };
  }
  try {
    const report = await retrainTriage(store.db, { dataDir: deps.dataDir, clock, ...(deps.triageDir ? { triageDir: deps.triageDir } : {}) });
    await publishTriageModel(store, report.path, report.version, clock.now().toISOString());
    const detail = { outcome: 'accepted', date, newCorrections, version: report.version, categoryAccuracy: report.categoryAccuracy, severityWithinOne: report.severityWithinOne, previous: report.previous };
    await writeAudit(store.db, null, { action: 'triage.retrain', targetType: 'triage_model', targetId: `v${report.version}`, detail }, clock);
    logger?.info(detail, 'nightly triage retrain accepted a new model');
    return { ran: true, date, outcome: 'accepted', newCorrections, report };
  } catch (err) {
    if (!(err instanceof RetrainRegressionError)) throw err;
    const currentAccuracy = Number(err.context.current);
    const candidateAccuracy = Number(err.context.candidate);
    const currentVersion = current?.version ?? 0;
    const detail = { outcome: 'refused', date, newCorrections, currentVersion, currentAccuracy, candidateAccuracy };
    await writeAudit(store.db, null, { action: 'triage.retrain', targetType: 'triage_model', targetId: `v${currentVersion}`, detail }, clock);
    logger?.warn(detail, 'nightly triage retrain refused a model that is worse on the held-out set');
    return { ran: true, date, outcome: 'refused', newCorrections, currentVersion, currentAccuracy, candidateAccuracy };
  }
}

export interface NightlyRetrainLoopOptions extends NightlyRetrainSettings {
  workerId: string;
  tickMs: number;
  /** Swaps in a newer model file (trained here, or by another replica and fetched from the database); returns the new version. */
  reload: () => Promise<number | undefined>;
}

/**
 * Checks every `tickMs` whether the nightly retrain is due, fetches a newer model another replica
 * published, and serves the newest model; returns a stop function.
 */
export function startNightlyRetrain(deps: NightlyRetrainDeps, options: NightlyRetrainLoopOptions): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      await runNightlyRetrain(deps, options, options.workerId);
    } catch (err) {
      deps.logger?.error({ err }, 'nightly triage retrain failed');
    }
    await fetchPublishedTriageModel(deps.store, deps.dataDir).catch((err: unknown) => deps.logger?.error({ err }, 'could not fetch the published triage model'));
    const version = await options.reload().catch((err: unknown) => void deps.logger?.error({ err }, 'could not reload the triage model'));
    if (version !== undefined) deps.logger?.info({ modelVersion: version }, 'now serving triage model');
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.tickMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
