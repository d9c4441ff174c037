import type { Clock, Logger } from '../../core/index.ts';
import type { TelemetryService } from '../../telemetry/index.ts';
import { generateSecond, type TrafficOptions } from './generate.ts';
import { demoIncident, type DemoIncident } from './incident.ts';
import { ingestBatch } from './ingest.ts';
import { OtlpBatch } from './otlp.ts';

/** What the generator needs from the runtime (a `Runtime` from src/main.ts fits as is). */
export interface DemoTelemetryDeps {
  /** The telemetry service, opened on first use (Runtime.telemetry). */
  telemetry: () => Promise<TelemetryService>;
  clock: Clock;
  logger?: Logger;
}

export interface DemoTelemetryOptions {
  /** PRNG seed: the same seed and times give the same traffic. Default 14. */
  seed?: number;
  /** Mean API requests per second over a day. Default 25. */
  requestsPerSec?: number;
  /** How often live traffic is generated and ingested, in ms; 0 runs no timer (call `catchUp()`). Default 1000. */
  tickMs?: number;
  /** History generated at start so detectors have a baseline, in ms. Default 2 hours. */
  backfillMs?: number;
  /** Delay from the end of the backfill (when live traffic starts) to the injected incident, in ms; `null` injects none. Default 3 minutes. */
  incidentAfterMs?: number | null;
  /** How long the incident lasts before it recovers, in ms. Default 12 minutes. */
  incidentDurationMs?: number;
  /** Detail of the backfilled history: `gateway` (default) stores every gateway span but backend spans, logs and app events only for failures and the demo users; `full` stores everything (about 2.2× the rows). */
  backfillDetail?: 'full' | 'gateway';
  /** Aborting ends the backfill early (between batches) and starts no live traffic: the runtime may be closing. */
  signal?: AbortSignal;
  /** Most live time one tick generates (after a pause, older seconds are skipped). Default 5 minutes. */
  maxCatchUpMs?: number;
}

export interface DemoTelemetry {
  /** The clock's time when the generator started. */
  readonly startedAtMs: number;
  /** The injected incident's window and segment, if any. */
  readonly incident: DemoIncident | undefined;
  /** What the start-up backfill ingested. */
  readonly backfill: { fromMs: number; toMs: number; events: number; ms: number };
  /** Generates and ingests every whole second up to the clock's now; returns the events ingested. */
  catchUp(): Promise<number>;
  /** Events ingested live (after the backfill). */
  readonly liveEvents: number;
  /** Stops the timer and waits for the tick in flight. */
  stop(): Promise<void>;
}

const secondMs = 1000;
const backfillChunkSec = 60;

/**
 * Starts the demo traffic: backfills `backfillMs` of normal history in batches (resuming after the
 * newest demo row already stored, so a restart does not duplicate it), then generates each second
 * live through the OTLP ingest path, with the incident injected `incidentAfterMs` after the backfill.
 */
export async function startDemoTelemetry(deps: DemoTelemetryDeps, opts: DemoTelemetryOptions = {}): Promise<DemoTelemetry> {
  const telemetry = await deps.telemetry();
  const startedAtMs = deps.clock.nowMs();
  const traffic: TrafficOptions = { seed: opts.seed ?? 14, requestsPerSec: opts.requestsPerSec ?? 25 };
  const maxCatchUpMs = opts.maxCatchUpMs ?? 5 * 60_000;

  const history: TrafficOptions = { ...traffic, detail: opts.backfillDetail ?? 'gateway' };
  const began = Date.now();
  const endMs = Math.floor(startedAtMs / secondMs) * secondMs;
  let fromMs = endMs - Math.floor((opts.backfillMs ?? 2 * 3_600_000) / secondMs) * secondMs;
  if (fromMs < endMs) fromMs = Math.max(fromMs, await resumeAfter(telemetry, fromMs, endMs));
  let backfilled = 0;
  for (let t = fromMs; t < endMs && !opts.signal?.aborted; ) {
    const batch = new OtlpBatch();
    const chunkEnd = Math.min(endMs, t + backfillChunkSec * secondMs);
    for (; t < chunkEnd; t += secondMs) generateSecond(t, history, batch);
    backfilled += (await ingestBatch(telemetry, batch)).accepted;
  }
  const backfill = { fromMs, toMs: endMs, events: backfilled, ms: Date.now() - began };
  // The incident is placed after the backfill, so the detectors always have their baseline before it starts.
  const incident = opts.incidentAfterMs === null ? undefined : demoIncident(deps.clock.nowMs() + (opts.incidentAfterMs ?? 180_000), opts.incidentDurationMs ?? 12 * 60_000);
  traffic.incident = incident;
  deps.logger?.info({ events: backfilled, ms: backfill.ms, incidentAt: incident ? new Date(incident.startMs).toISOString() : null }, 'demo telemetry backfilled');

  let next = endMs;
  let liveEvents = 0;
  const catchUp = async (): Promise<number> => {
    const until = Math.floor(deps.clock.nowMs() / secondMs) * secondMs;
    if (until - next > maxCatchUpMs) next = until - maxCatchUpMs;
    if (until <= next) return 0;
    const batch = new OtlpBatch();
    for (; next < until; next += secondMs) generateSecond(next, traffic, batch);
    const { accepted } = await ingestBatch(telemetry, batch);
    liveEvents += accepted;
    return accepted;
  };

  const tickMs = opts.tickMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    current = catchUp()
      .catch((err: unknown) => deps.logger?.warn({ err }, 'demo telemetry tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };
  if (tickMs > 0 && !opts.signal?.aborted) timer = setTimeout(loop, tickMs);

  return {
    startedAtMs,
    incident,
    backfill,
    catchUp: () => (current = current.then(catchUp)) as Promise<number>,
    get liveEvents() {
      return liveEvents;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}

/** The second after the newest demo gateway row in the range (or the range start): a restart resumes there. */
async function resumeAfter(telemetry: TelemetryService, fromMs: number, toMs: number): Promise<number> {
  const [latest] = await telemetry.events({ from: new Date(fromMs), to: new Date(toMs), where: { service: 'api-gateway', 'attr.deployment.environment': 'demo' }, limit: 1, order: 'desc' });
  return latest ? Math.floor(Date.parse(latest.ts) / secondMs) * secondMs + secondMs : fromMs;
}
