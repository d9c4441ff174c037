import { createHash } from 'node:crypto';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../storage/index.ts';
import { evaluateSlaTimes, type SlaState, type SlaTimeline } from './evaluate-sla.ts';
import { defaultSlaSettings, type SlaSettings } from './policy.ts';
import { loadSlaTimelines } from './ticket-sla.ts';

/** The SLA fields stored on a ticket for the queue (see migration 2026112715). */
export interface StoredSla {
  sla_policy: string | null;
  sla_state: SlaState;
  sla_due_at: string | null;
  sla_due_metric: string | null;
  sla_due_ms: number | null;
  sla_warn_ms: number | null;
  sla_urgency: number;
  sla_fp: string;
}

const noDueMs = 9_999_999_999_999;
const fingerprints = new WeakMap<SlaSettings, string>();

/** A short hash of SLA settings: stored fields computed with other settings are stale. */
export function slaFingerprint(settings: SlaSettings): string {
  let fp = fingerprints.get(settings);
  if (!fp) {
    fp = createHash('sha256').update(JSON.stringify(settings)).digest('base64url').slice(0, 16);
    fingerprints.set(settings, fp);
  }
  return fp;
}

/** The queue's urgency key: priority rank first, then the next due time (none last). */
export function urgencyOf(priority: string, nextDueAt: string | null): number {
  const rank = Math.min(Math.max(Number(priority.slice(1)) || 9, 0), 9);
  return rank * 1e13 + (nextDueAt ? Math.min(Date.parse(nextDueAt), noDueMs) : noDueMs);
}

/**
 * The stored fields of a timeline. Running targets keep their due and warning instants so the state
 * at any later time is derived in SQL (`slaStateAt`); finished ones keep their final state. Pure.
 * Evaluated as of the last event: nothing stored depends on time after it, and a months-old ticket
 * costs no more than a new one.
 */
export function storedSlaOf(settings: SlaSettings, t: SlaTimeline): StoredSla {
  const lastEventMs = Math.max(Date.parse(t.createdAt), ...t.events.map((e) => Date.parse(e.at)).filter((ms) => !Number.isNaN(ms)));
  const { sla, times } = evaluateSlaTimes(settings, t, lastEventMs);
  const running = sla.metrics.filter((m) => m.achievedAt === null);
  let due: { ms: number; metric: string } | undefined;
  let warnMs: number | undefined;
  for (const m of running) {
    const tm = times.get(m);
    if (tm?.dueMs === undefined) continue;
    if (!due || tm.dueMs < due.ms) due = { ms: tm.dueMs, metric: m.metric };
    if (tm.warnMs !== undefined) warnMs = Math.min(warnMs ?? Infinity, tm.warnMs);
  }
  const state: SlaState = running.length ? (running.some((m) => m.dueAt === null) ? 'paused' : 'active') : sla.state;
  return {
    sla_policy: sla.policy,
    sla_state: state,
    sla_due_at: sla.nextDueAt,
    sla_due_metric: due?.metric ?? null,
    sla_due_ms: due ? Math.ceil(due.ms) : null,
    sla_warn_ms: warnMs === undefined ? null : Math.ceil(warnMs),
    sla_urgency: urgencyOf(t.priority, sla.nextDueAt),
    sla_fp: slaFingerprint(settings),
  };
}

/**
 * Recomputes and stores the SLA fields of tickets; call it (in the same transaction) after anything
 * that changes a ticket's SLA: creation, a message or reply, a status or priority change, a merge.
 */
export async function refreshTicketSla(db: Db, ticketIds: readonly string[], opts: { settings?: SlaSettings } = {}): Promise<number> {
  const settings = opts.settings ?? defaultSlaSettings;
  const timelines = await loadSlaTimelines(db, [...new Set(ticketIds)]);
  for (const t of timelines.values()) await db.updateTable('tickets').set(storedSlaOf(settings, t)).where('id', '=', t.ticketId).execute();
  return timelines.size;
}

/**
 * Computes the fields of tickets (with the given statuses) that have none yet or were computed with
 * other SLA settings: the backfill after the migration and after a policy change.
 */
export async function refreshStaleSla(db: Db, statuses: readonly string[], opts: { settings?: SlaSettings } = {}): Promise<number> {
  const fp = slaFingerprint(opts.settings ?? defaultSlaSettings);
  let done = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('tickets')
        .select('id')
        .where('status', 'in', [...statuses])
        .where((eb) => eb.or([eb('sla_fp', 'is', null), eb('sla_fp', '!=', fp)]))
        .limit(1000)
        .execute()
    ).map((r) => r.id);
    if (!ids.length) return done;
    await db.transaction().execute(async (trx) => {
      done += await refreshTicketSla(trx, ids, opts);
    });
  }
}

/** The SLA state at `nowMs`, in SQL, from the stored fields (warning and breach come with time alone). */
export function slaStateAt(nowMs: number, table = 't'): RawBuilder<string> {
  const col = (c: string) => sql.ref(`${table}.${c}`);
  return sql<string>`case when ${col('sla_due_ms')} <= ${nowMs} then 'breached' when ${col('sla_warn_ms')} <= ${nowMs} then 'warning' else ${col('sla_state')} end`;
}

/** Tickets whose state at `nowMs` is `state`, in SQL. */
export function slaStateIs(state: SlaState, nowMs: number, table = 't'): Expression<SqlBool> {
  return sql<SqlBool>`${slaStateAt(nowMs, table)} = ${state}`;
}
