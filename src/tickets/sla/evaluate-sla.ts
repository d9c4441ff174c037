import { addBusinessTime, businessTimeBetween } from './calendar.ts';
import { policyFor, type SlaMetric, type SlaSettings } from './policy.ts';

/** What happened on a ticket, as SLA clocks see it. */
export interface SlaTimeline {
  ticketId: string;
  priority: string;
  channel: string;
  tier?: string;
  createdAt: string;
  /** Current status; `pending` waits on the user (clocks paused), `solved`/`closed` stop resolution. */
  status: string;
  /** Requester messages, agent replies and status changes, in any order. */
  events: Array<{ at: string; kind: 'requester_message' | 'agent_reply' } | { at: string; kind: 'status'; status: string }>;
}

export const slaStates = ['breached', 'warning', 'paused', 'active', 'met', 'none'] as const;
export type SlaState = (typeof slaStates)[number];

export interface SlaMetricResult {
  metric: SlaMetric;
  targetMin: number;
  startedAt: string;
  /** When the target is (or was) due; null while a wait on the user stops the clock. */
  dueAt: string | null;
  achievedAt: string | null;
  state: Exclude<SlaState, 'none'>;
  /** Open time used so far (or until achieved), pauses excluded, in ms. */
  elapsedMs: number;
  /** Open time left (negative once breached), in ms. */
  remainingMs: number;
}

export interface TicketSla {
  ticketId: string;
  policy: string | null;
  calendar: string | null;
  /** The most urgent state of the metrics (`none` without a policy). */
  state: SlaState;
  /** The earliest due time of a running metric. */
  nextDueAt: string | null;
  metrics: SlaMetricResult[];
  /** Every next-reply cycle (a requester message after a reply, until the next reply), for reports. */
  nextReplyCycles: SlaMetricResult[];
}

const waiting = new Set(['pending']);
const done = new Set(['solved', 'closed']);

/** Exact instants (ms, unrounded) at which a metric is due and enters warning; undefined while paused. */
export interface SlaMetricTimes {
  dueMs: number | undefined;
  warnMs: number | undefined;
}

/** Evaluates a ticket's SLA targets at an instant: due times in business hours, pauses while waiting on the user, met/breached/warning. Pure. */
export function evaluateSla(settings: SlaSettings, t: SlaTimeline, nowMs: number): TicketSla {
  return evaluateSlaTimes(settings, t, nowMs).sla;
}

/** `evaluateSla` plus each metric's exact due and warning instants (what the stored queue fields are built from). */
export function evaluateSlaTimes(settings: SlaSettings, t: SlaTimeline, nowMs: number): { sla: TicketSla; times: Map<SlaMetricResult, SlaMetricTimes> } {
  const times = new Map<SlaMetricResult, SlaMetricTimes>();
  const policy = policyFor(settings, { priority: t.priority, channel: t.channel, ...(t.tier ? { tier: t.tier } : {}) });
  if (!policy) return { sla: { ticketId: t.ticketId, policy: null, calendar: null, state: 'none', nextDueAt: null, metrics: [], nextReplyCycles: [] }, times };
  const cal = settings.calendars[policy.calendar]!;
  const events = t.events.map((e) => ({ ...e, ms: Date.parse(e.at) })).filter((e) => e.ms <= nowMs).sort((a, b) => a.ms - b.ms);
  const createdMs = Date.parse(t.createdAt);

  const pauses: Array<[number, number]> = [];
  let pauseStart: number | undefined;
  let solvedAt: number | undefined;
  for (const e of events) {
    if (e.kind === 'status') {
      if (waiting.has(e.status)) pauseStart ??= e.ms;
      else if (pauseStart !== undefined) {
        pauses.push([pauseStart, e.ms]);
        pauseStart = undefined;
      }
      solvedAt = done.has(e.status) ? (solvedAt ?? e.ms) : undefined;
    } else if (e.kind === 'requester_message' && pauseStart !== undefined) {
      // The user answered: no longer waiting on them.
      pauses.push([pauseStart, e.ms]);
      pauseStart = undefined;
    }
  }
  if (done.has(t.status) && solvedAt === undefined) solvedAt = events.at(-1)?.ms ?? createdMs;
  if (!done.has(t.status)) solvedAt = undefined;
  if (pauseStart !== undefined && waiting.has(t.status)) pauses.push([pauseStart, Infinity]);

  const measure = (metric: SlaMetric, targetMin: number, startMs: number, achievedMs: number | undefined): SlaMetricResult => {
    const targetMs = targetMin * 60_000;
    const endMs = achievedMs ?? nowMs;
    const elapsedMs = businessTimeBetween(cal, startMs, endMs, pauses);
    const due = addBusinessTime(cal, startMs, targetMs, pauses);
    const warnMs = due === undefined ? undefined : addBusinessTime(cal, startMs, policy.warnAt * targetMs, pauses);
    const base = { metric, targetMin, startedAt: new Date(startMs).toISOString(), dueAt: due === undefined ? null : new Date(due).toISOString(), achievedAt: achievedMs === undefined ? null : new Date(achievedMs).toISOString(), elapsedMs, remainingMs: targetMs - elapsedMs };
    const result: SlaMetricResult =
      achievedMs !== undefined
        ? { ...base, state: elapsedMs <= targetMs ? 'met' : 'breached' }
        : elapsedMs > targetMs || (due !== undefined && due <= nowMs)
          ? { ...base, state: 'breached' }
          : due === undefined
            ? { ...base, state: 'paused' }
            : { ...base, state: elapsedMs >= policy.warnAt * targetMs ? 'warning' : 'active' };
    times.set(result, { dueMs: due, warnMs });
    return result;
  };

  const metrics: SlaMetricResult[] = [];
  const replies = events.filter((e) => e.kind === 'agent_reply');
  const firstReply = replies[0]?.ms;
  if (policy.firstReplyMin) metrics.push(measure('first_reply', policy.firstReplyMin, createdMs, firstReply ?? (solvedAt !== undefined ? solvedAt : undefined)));
  const cycles: SlaMetricResult[] = [];
  if (policy.nextReplyMin && firstReply !== undefined) {
    let waitingSince: number | undefined;
    for (const e of events) {
      if (e.ms <= firstReply) continue;
      if (e.kind === 'requester_message') waitingSince ??= e.ms;
      else if (e.kind === 'agent_reply' && waitingSince !== undefined) {
        cycles.push(measure('next_reply', policy.nextReplyMin, waitingSince, e.ms));
        waitingSince = undefined;
      }
    }
    if (waitingSince !== undefined && solvedAt === undefined) cycles.push(measure('next_reply', policy.nextReplyMin, waitingSince, undefined));
    const last = cycles.at(-1);
    if (last) metrics.push(last);
  }
  if (policy.resolutionMin) metrics.push(measure('resolution', policy.resolutionMin, createdMs, solvedAt));

  const running = metrics.filter((m) => m.achievedAt === null);
  const state = (['breached', 'warning', 'paused', 'active', 'met'] as const).find((s) => running.some((m) => m.state === s)) ?? (metrics.some((m) => m.state === 'breached') ? 'breached' : metrics.length ? 'met' : 'none');
  const dues = running.map((m) => m.dueAt).filter((d): d is string => d !== null).sort();
  return { sla: { ticketId: t.ticketId, policy: policy.id, calendar: policy.calendar, state, nextDueAt: dues[0] ?? null, metrics, nextReplyCycles: cycles }, times };
}
