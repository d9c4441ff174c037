import type { z } from 'zod';
import { raiseAlert } from '../alerts/raise.ts';
import { clearAlert } from '../alerts/resolve.ts';
import type { MonitorDefinition, SloMonitorSpec } from '../schedules/definition.ts';
import { CountIndex, describeBurn, evaluateBurnRules, parseSlo } from '../slo/burn-rate.ts';
import { sloCountsFromTelemetry } from '../slo/from-telemetry.ts';
import { defaultBurnRules } from '../slo/slo.ts';
import { MonitorTargetError } from '../errors.ts';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';

type SloSpec = z.output<typeof SloMonitorSpec>;

/** Evaluates every burn-rate rule of an availability SLO over the telemetry counts ending at the last complete minute; one alert per rule. */
export async function runSloMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: SloSpec, nowMs: number): Promise<RunOutcome> {
  if (!deps.telemetry) throw new MonitorTargetError(def.name, 'no telemetry store is available to this process');
  const slo = parseSlo(spec.slo);
  const rules = slo.rules ?? defaultBurnRules(slo.windowDays);
  const toMs = Math.floor(nowMs / 60_000) * 60_000;
  const longest = Math.max(...rules.map((r) => r.longWindowMin));
  const fromMs = toMs - longest * 60_000;
  const counts = await sloCountsFromTelemetry(await deps.telemetry(), slo, new Date(fromMs), new Date(toMs), Math.ceil(longest / 1440) + 1);
  const states = evaluateBurnRules(slo, new CountIndex(counts), toMs, rules);
  const outcome: RunOutcome = { status: 'ok', raised: [], cleared: [], detail: '' };
  const link = (windowMin: number) => {
    const p = new URLSearchParams({ from: new Date(toMs - windowMin * 60_000).toISOString(), to: new Date(toMs).toISOString(), bucketSec: '60', 'where.service': slo.service });
    if (slo.route) p.set('where.route', slo.route);
    return `/api/telemetry/series?${p.toString()}`;
  };
  for (const [i, state] of states.entries()) {
    const fingerprint = `monitor:${def.id}:rule${i}`;
    if (state.firing) {
      const message = describeBurn(slo, state);
      const res = await raiseAlert(deps.monitor, {
        source: 'slo',
        fingerprint,
        severity: state.rule.severity,
        title: `${def.name}: error budget burning ${state.long.burnRate.toFixed(1)}× too fast`.slice(0, 300),
        summary: message,
        series: `availability ${slo.service}${slo.route ? ` ${slo.route}` : ''}`,
        labels: {
          monitor: def.id,
          monitorName: def.name,
          monitorKind: 'slo',
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
  if (!outcome.detail) outcome.detail = states.map((s) => `${s.rule.longWindowMin}m burn ${s.long.burnRate.toFixed(2)}`).join(', ');
  return outcome;
}
