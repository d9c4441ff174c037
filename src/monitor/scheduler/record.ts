import { telemetryEvent, type TelemetryEvent } from '../../telemetry/index.ts';
import type { SchedulerDeps } from './deps.ts';

/** Metric names of probe results in the telemetry store (query with GET /api/telemetry/metric?metric=…). */
export const probeMetrics = {
  latencyMs: 'opsdesk.probe.latency_ms',
  up: 'opsdesk.probe.up',
  lagBlocks: 'opsdesk.probe.rpc.lag_blocks',
  headAgeSec: 'opsdesk.probe.rpc.head_age_sec',
  tlsDaysLeft: 'opsdesk.probe.tls.days_left',
} as const;

export interface ProbeSample {
  metric: string;
  value: number;
  /** Attributes (filterable as `where.<key>` in metric queries): monitor, target, chain… */
  attrs: Record<string, string>;
  chain?: string;
}

/** Writes probe samples as metric events; a telemetry store that is missing or failing never fails the run. */
export async function recordProbeSamples(deps: SchedulerDeps, atMs: number, samples: readonly ProbeSample[]): Promise<boolean> {
  if (!deps.telemetry || !samples.length) return false;
  const events: TelemetryEvent[] = samples
    .filter((s) => Number.isFinite(s.value))
    .map((s) => telemetryEvent({ tsMs: atMs, kind: 'metric', service: 'opsdesk-probe', name: s.attrs.monitor ?? null, chain: s.chain ?? null, metricName: s.metric, metricValue: s.value, attrs: JSON.stringify(s.attrs) }));
  try {
    await (await deps.telemetry()).append(events);
    return true;
  } catch (err) {
    deps.logger?.warn({ err }, 'probe results could not be recorded as telemetry');
    return false;
  }
}

/** The query link of a metric for one monitor (what alerts carry in `labels.query`). */
export function metricLink(metric: string, where: Record<string, string>, fromMs: number, toMs: number): string {
  const p = new URLSearchParams({ metric, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), bucketSec: '60', agg: 'max' });
  for (const [k, v] of Object.entries(where)) p.set(`where.${k}`, v);
  return `/api/telemetry/metric?${p.toString()}`;
}
