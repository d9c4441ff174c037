import { querySeries, SeriesQuery } from '../../telemetry/index.ts';
import { raiseAlert } from '../alerts/raise.ts';
import { clearAlert } from '../alerts/resolve.ts';
import { CombinedDetector } from '../detectors/combined.ts';
import { explainStep } from '../detectors/explain.ts';
import { defaultLivePolicy, LiveMonitor, type LiveStep } from '../detectors/live.ts';
import { MonitorTargetError } from '../errors.ts';
import type { MonitorDefinition } from '../schedules/definition.ts';
import type { SeriesMonitorSpec } from '../schedules/definition.ts';
import type { SeriesPoint } from '../series.ts';
import type { z } from 'zod';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';

type SeriesSpec = z.output<typeof SeriesMonitorSpec>;

function describe(spec: SeriesSpec): { metric: string; unit: string } {
  const scope = [spec.route ?? spec.service, spec.chain ? `on ${spec.chain}` : ''].filter(Boolean).join(' ') || 'all traffic';
  if (spec.measure === 'p95') return { metric: `p95 of ${scope}`, unit: 'ms' };
  if (spec.measure === 'errorRate') return { metric: `error rate of ${scope}`, unit: '%' };
  return { metric: `throughput of ${scope}`, unit: `events/${spec.bucketSec}s` };
}

function filters(spec: SeriesSpec): Record<string, string> {
  return { ...spec.where, ...(spec.service ? { service: spec.service } : {}), ...(spec.route ? { route: spec.route } : {}), ...(spec.chain ? { chain: spec.chain } : {}) };
}

/** The telemetry query behind a series monitor, as a link the console and API understand. */
export function seriesLink(spec: SeriesSpec, fromMs: number, toMs: number): string {
  const p = new URLSearchParams({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), bucketSec: String(spec.bucketSec) });
  for (const [k, v] of Object.entries(filters(spec))) p.set(`where.${k}`, v);
  return `/api/telemetry/series?${p.toString()}`;
}

/**
 * Runs a series monitor. The detector state is rebuilt at every run from the telemetry history
 * (`historyHours` of complete buckets, replayed in time order), so it is causal and needs no
 * persisted state: any replica can run the next slot. An alert is raised when the live monitor
 * fires on a bucket completed since the previous slot, and cleared once the score has stayed
 * calm for the re-arm period.
 */
export async function runSeriesMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: SeriesSpec, nowMs: number): Promise<RunOutcome> {
  if (!deps.telemetry) throw new MonitorTargetError(def.name, 'no telemetry store is available to this process');
  const bucketMs = spec.bucketSec * 1000;
  const toMs = Math.floor(nowMs / bucketMs) * bucketMs;
  // The aggregate returns at most 50,000 buckets, oldest first: never ask for more than that.
  const fromMs = toMs - Math.min(spec.historyHours * 3_600_000, 50_000 * bucketMs);
  const store = await deps.telemetry();
  const query = SeriesQuery.parse({ from: new Date(fromMs), to: new Date(toMs), where: filters(spec), bucketSec: spec.bucketSec, percentiles: ['p95'], limit: 50_000 });
  const rows = await querySeries(store, query, Math.max(deps.maxQueryRangeDays ?? 0, Math.ceil(spec.historyHours / 24) + 1));
  const byBucket = new Map(rows.map((r) => [Date.parse(r.bucket), r]));
  const points: SeriesPoint[] = [];
  const first = rows.length ? Date.parse(rows[0]!.bucket) : toMs;
  for (let t = first; t < toMs; t += bucketMs) {
    const r = byBucket.get(t);
    let value: number | null = null;
    if (spec.measure === 'throughput') value = r?.count ?? 0;
    else if (r && r.count >= spec.minEvents) value = spec.measure === 'p95' ? r.p95Ms : (r.errors / r.count) * 100;
    if (value !== null && Number.isFinite(value)) points.push({ timestamp: new Date(t).toISOString(), timeMs: t, value });
  }
  const live = new LiveMonitor(new CombinedDetector());
  const steps: Array<{ step: LiveStep; point: SeriesPoint }> = points.map((point) => ({ step: live.step(point), point }));
  // Buckets completed since the previous slot (with an interval shorter than a bucket, the last one again: the alert folds).
  const newSince = toMs - Math.max(bucketMs, def.intervalSec * 1000);
  const fired = steps.filter((s) => s.step.fired && s.point.timeMs >= newSince).at(-1);
  const fingerprint = `monitor:${def.id}`;
  const { metric, unit } = describe(spec);
  if (fired) {
    const explanation = explainStep(fired.step, fired.point.timeMs, { metric, unit });
    const windowFrom = Math.min(fired.step.sinceMs, fired.point.timeMs);
    const res = await raiseAlert(deps.monitor, {
      source: 'detector',
      fingerprint,
      severity: def.severity,
      title: `${def.name}: ${explanation}`.slice(0, 300),
      summary: `${explanation} (score ${fired.step.score.toFixed(2)}, basis ${fired.step.basis}).`,
      series: metric,
      labels: {
        monitor: def.id,
        monitorName: def.name,
        monitorKind: 'series',
        query: seriesLink(spec, windowFrom - 6 * 3_600_000, toMs + 3_600_000).slice(0, 500),
        windowFrom: new Date(windowFrom).toISOString(),
        windowTo: new Date(fired.point.timeMs + bucketMs).toISOString(),
      },
      at: new Date(nowMs),
    });
    return { status: 'alerting', raised: [res.alert.id], cleared: [], detail: explanation };
  }
  const recent = steps.slice(-defaultLivePolicy.rearmPoints);
  const calm = recent.length >= defaultLivePolicy.rearmPoints && recent.every((s) => s.step.score < defaultLivePolicy.rearmBelow);
  const cleared = calm ? await clearAlert(deps.monitor, fingerprint, `${metric} back to usual`) : undefined;
  return { status: 'ok', raised: [], cleared: cleared ? [cleared.id] : [], detail: `${points.length} points, latest score ${steps.at(-1)?.step.score.toFixed(2) ?? 'n/a'}` };
}
