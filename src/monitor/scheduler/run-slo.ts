import type { z } from 'zod';
import { raiseAlert } from '../alerts/raise.ts';
import { clearAlert } from '../alerts/resolve.ts';
import type { MonitorDefinition, SloMonitorSpec } from '../schedules/definition.ts';
import { CountIndex, describeBurn, evaluateBurnRules, parseSlo, type RuleState } from '../slo/burn-rate.ts';
import { latencyCountsFromTelemetry, sloCountsFromTelemetry } from '../slo/from-telemetry.ts';
import { defaultBurnRules, type CountPoint, type Slo } from '../slo/slo.ts';
import { MonitorTargetError } from '../errors.ts';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';

type SloSpec = z.output<typeof SloMonitorSpec>;

function windowLabel(min: number): string {
  return min % 1440 === 0 ? `${min / 1440}d` : min % 60 === 0 ? `${min / 60}h` : `${min}m`;
}

/** 0.99 → "99%", 0.999 → "99.9%". */
function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(3))}%`;
}

/** The objective in words: "99% of /v1/swap under 300 ms" (latency) or "99.9% of /v1/swap available". */
export function objectiveText(slo: Slo): string {
  const what = slo.route ?? slo.service;
  return slo.kind === 'latency' ? `${percent(slo.objective)} of ${what} under ${slo.latencyThresholdMs} ms` : `${percent(slo.objective)} of ${what} available`;
}

/** Alert title of a firing rule: "99% of /v1/swap under 300 ms: burn rate 16.2× over 1h and 15.0× over 5m". */
export function burnTitle(slo: Slo, state: RuleState): string {
  return `${objectiveText(slo)}: burn rate ${state.long.burnRate.toFixed(1)}× over ${windowLabel(state.rule.longWindowMin)} and ${state.short.burnRate.toFixed(1)}× over ${windowLabel(state.rule.shortWindowMin)}`;
}

interface Counts {
  points: CountPoint[];
  /** Where latency counts came from ("histogram http.server.request.duration, 2 points interpolated" or "span durations"); empty for availability. */
  source: string;
}

async function readCounts(deps: SchedulerDeps, slo: Slo, fromMs: number, toMs: number, maxDays: number): Promise<Counts> {
  const store = await deps.telemetry!();
  if (slo.kind !== 'latency') return { points: await sloCountsFromTelemetry(store, slo, new Date(fromMs), new Date(toMs), maxDays), source: '' };
  const r = await latencyCountsFromTelemetry(store, slo, new Date(fromMs), new Date(toMs), maxDays);
  if (r.source === 'spans') return { points: r.points, source: 'span durations' };
  const notes = [r.interpolatedPoints ? `${r.interpolatedPoints} points interpolated inside a bucket` : '', r.skippedPoints ? `${r.skippedPoints} points skipped (no buckets)` : ''].filter(Boolean);
  return { points: r.points, source: `histogram ${slo.latencyMetric}${notes.length ? `, ${notes.join(', ')}` : ''}` };
}

/**
 * Evaluates every burn-rate rule of an SLO (availability, or latency from the histogram metric or
 * span durations) over the telemetry counts ending at the last complete minute; one alert per rule.
 */
export async function runSloMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: SloSpec, nowMs: number): Promise<RunOutcome> {
  if (!deps.telemetry) throw new MonitorTargetError(def.name, 'no telemetry store is available to this process');
  const slo = parseSlo(spec.slo);
  const rules = slo.rules ?? defaultBurnRules(slo.windowDays);
  const toMs = Math.floor(nowMs / 60_000) * 60_000;
  const longest = Math.max(...rules.map((r) => r.longWindowMin));
  // A cumulative histogram's first point in the range only sets its baseline: read one interval more so the oldest minute of the longest window still counts.
  const fromMs = toMs - longest * 60_000 - (slo.kind === 'latency' ? Math.max(def.intervalSec * 1000, 5 * 60_000) : 0);
  const counts = await readCounts(deps, slo, fromMs, toMs, Math.ceil(longest / 1440) + 1);
  const states = evaluateBurnRules(slo, new CountIndex(counts.points), toMs, rules);
  const outcome: RunOutcome = { status: 'ok', raised: [], cleared: [], detail: '' };
  const link = (windowMin: number) => {
    const p = new URLSearchParams({ from: new Date(toMs - windowMin * 60_000).toISOString(), to: new Date(toMs).toISOString(), bucketSec: '60', 'where.service': slo.service });
    if (slo.route) p.set('where.route', slo.route);
    return `/api/telemetry/series?${p.toString()}`;
  };
  const series = slo.kind === 'latency' ? `latency ${slo.service}${slo.route ? ` ${slo.route}` : ''} ≤ ${slo.latencyThresholdMs} ms` : `availability ${slo.service}${slo.route ? ` ${slo.route}` : ''}`;
  for (const [i, state] of states.entries()) {
    const fingerprint = `monitor:${def.id}:rule${i}`;
    if (state.firing) {
      const message = describeBurn(slo, state) + (counts.source ? ` (from ${counts.source})` : '');
      const title = slo.kind === 'latency' ? `${def.name}: ${burnTitle(slo, state)}` : `${def.name}: error budget burning ${state.long.burnRate.toFixed(1)}× too fast`;
      const res = await raiseAlert(deps.monitor, {
        source: 'slo',
        fingerprint,
        severity: state.rule.severity,
        title: title.slice(0, 300),
        summary: message,
        series,
        labels: {
          monitor: def.id,
          monitorName: def.name,
          monitorKind: 'slo',
          sloKind: slo.kind,
          objective: String(slo.objective),
          ...(slo.kind === 'latency' ? { latencyThresholdMs: String(slo.latencyThresholdMs), latencySource: counts.source } : {}),
          rule: `${state.rule.longWindowMin}m/${state.rule.shortWindowMin}m×${state.rule.factor}`,
          query: link(state.rule.longWindowMin),
          windowFrom: new Date(toMs - state.rule.longWindowMin * 60_000).toISOString(),
          windowTo: new Date(toMs).toISOString(),
        },
        at: new Date(nowMs),
      });
      outcome.status = 'alerting';
      outcome.raised.push(res.alert.id);
      outcome.detail = message;
    } else {
      const cleared = await clearAlert(deps.monitor, fingerprint, 'burn rate back under the rule');
      if (cleared) outcome.cleared.push(cleared.id);
    }
  }
  if (!outcome.detail) outcome.detail = `${slo.kind}${counts.source ? ` (${counts.source})` : ''}: ` + states.map((s) => `${s.rule.longWindowMin}m burn ${s.long.burnRate.toFixed(2)}`).join(', ');
  return outcome;
}
