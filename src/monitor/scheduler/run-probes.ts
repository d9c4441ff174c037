import type { z } from 'zod';
import { raiseAlert } from '../alerts/raise.ts';
import { clearAlert } from '../alerts/resolve.ts';
import { MonitorTargetError } from '../errors.ts';
import { httpCheckAlert, runHttpCheck } from '../probes/http-check.ts';
import { judgeRpcRound, probeRpcEndpoints, RpcProbeHistory } from '../probes/rpc.ts';
import { pollProviderStatus } from '../probes/run.ts';
import type { HttpMonitorSpec, MonitorDefinition, RpcMonitorSpec, StatuspageMonitorSpec } from '../schedules/definition.ts';
import type { SchedulerDeps } from './deps.ts';
import type { RunOutcome } from './outcome.ts';
import { metricLink, probeMetrics, recordProbeSamples, type ProbeSample } from './record.ts';

const hourMs = 3_600_000;

/**
 * Probes the RPC endpoints of a chain once: lag behind the best endpoint, head age, latency; one
 * alert per endpoint (fingerprint per monitor and endpoint), cleared when it is healthy again.
 */
export async function runRpcMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: z.output<typeof RpcMonitorSpec>, nowMs: number): Promise<RunOutcome> {
  const chain = deps.findChain?.(spec.chain);
  const urls = spec.urls ?? chain?.rpcUrls ?? [];
  const family = spec.family ?? chain?.family;
  if (!family) throw new MonitorTargetError(def.name, `chain ${spec.chain} is not configured (add it under chains, or give family and urls)`);
  if (!urls.length) throw new MonitorTargetError(def.name, `chain ${spec.chain} has no RPC endpoints configured`);
  const results = await probeRpcEndpoints(
    urls.map((url) => ({ chain: spec.chain, family, url })),
    { timeoutMs: spec.timeoutMs, clock: deps.monitor.clock },
  );
  const history = new RpcProbeHistory();
  history.record(results);
  const verdicts = judgeRpcRound(results, history, { maxLagBlocks: spec.maxLagBlocks, maxHeadAgeSec: spec.maxHeadAgeSec, maxLatencyMs: spec.maxLatencyMs, maxErrorRate: 0.5 });
  const samples: ProbeSample[] = results.flatMap((r) => {
    const attrs = { monitor: def.id, target: r.endpoint, probe: 'rpc' };
    const out: ProbeSample[] = [{ metric: probeMetrics.up, value: r.ok ? 1 : 0, attrs, chain: r.chain }, { metric: probeMetrics.latencyMs, value: r.latencyMs, attrs, chain: r.chain }];
    if (r.lagBlocks !== null) out.push({ metric: probeMetrics.lagBlocks, value: r.lagBlocks, attrs, chain: r.chain });
    if (r.headAgeSec !== null) out.push({ metric: probeMetrics.headAgeSec, value: r.headAgeSec, attrs, chain: r.chain });
    return out;
  });
  await recordProbeSamples(deps, nowMs, samples);
  const outcome: RunOutcome = { status: 'ok', raised: [], cleared: [], detail: results.map((r) => `${r.endpoint}: ${r.ok ? `head ${r.height}, lag ${r.lagBlocks}, ${r.latencyMs} ms` : r.error}`).join('; ') };
  for (const v of verdicts) {
    const fingerprint = `monitor:${def.id}:${v.result.endpoint}`;
    if (v.alert) {
      const metric = v.result.lagBlocks !== null && v.result.lagBlocks > spec.maxLagBlocks ? probeMetrics.lagBlocks : v.result.ok ? probeMetrics.headAgeSec : probeMetrics.up;
      const res = await raiseAlert(deps.monitor, {
        ...v.alert,
        fingerprint,
        labels: { ...v.alert.labels, monitor: def.id, monitorName: def.name, monitorKind: 'rpc', query: metricLink(metric, { monitor: def.id, target: v.result.endpoint }, nowMs - hourMs, nowMs + hourMs).slice(0, 500), windowFrom: new Date(nowMs).toISOString() },
        at: new Date(nowMs),
      });
      outcome.status = 'alerting';
      outcome.raised.push(res.alert.id);
    } else {
      const cleared = await clearAlert(deps.monitor, fingerprint, `${v.result.endpoint} is healthy again (lag ${v.result.lagBlocks ?? 0})`);
      if (cleared) outcome.cleared.push(cleared.id);
    }
  }
  return outcome;
}

/** Runs an HTTP health check once and records its latency (and TLS days left) as telemetry. */
export async function runHttpMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: z.output<typeof HttpMonitorSpec>, nowMs: number): Promise<RunOutcome> {
  const r = await runHttpCheck({ ...spec.check, name: def.name }, deps.monitor.clock);
  const attrs = { monitor: def.id, target: r.url, probe: 'http' };
  const samples: ProbeSample[] = [
    { metric: probeMetrics.up, value: r.ok ? 1 : 0, attrs },
    { metric: probeMetrics.latencyMs, value: r.latencyMs, attrs },
  ];
  if (r.tlsExpiresAt) samples.push({ metric: probeMetrics.tlsDaysLeft, value: (Date.parse(r.tlsExpiresAt) - nowMs) / 86_400_000, attrs });
  await recordProbeSamples(deps, nowMs, samples);
  const fingerprint = `monitor:${def.id}`;
  const alert = httpCheckAlert(r);
  if (!alert) {
    const cleared = await clearAlert(deps.monitor, fingerprint, `${def.name} passes again`);
    return { status: 'ok', raised: [], cleared: cleared ? [cleared.id] : [], detail: `status ${r.status}, ${r.latencyMs} ms` };
  }
  const res = await raiseAlert(deps.monitor, {
    ...alert,
    fingerprint,
    severity: alert.severity === 'page' && def.severity !== 'critical' ? 'page' : def.severity,
    labels: { ...alert.labels, monitor: def.id, monitorName: def.name, monitorKind: 'http', query: metricLink(probeMetrics.latencyMs, { monitor: def.id }, nowMs - hourMs, nowMs + hourMs).slice(0, 500), windowFrom: new Date(nowMs).toISOString() },
    at: new Date(nowMs),
  });
  return { status: 'alerting', raised: [res.alert.id], cleared: [], detail: r.failures.join('; ') };
}

/** Polls a provider's summary.json: alerts per changed component, and the hook mirrors the page into the status page. */
export async function runStatuspageMonitor(deps: SchedulerDeps, def: MonitorDefinition, spec: z.output<typeof StatuspageMonitorSpec>): Promise<RunOutcome> {
  let payload: unknown;
  const polled = await pollProviderStatus(deps.monitor, spec.provider, spec.url, { timeoutMs: spec.timeoutMs, onPayload: (p) => (payload = p) });
  if (deps.onProviderSummary && payload !== undefined) await deps.onProviderSummary(spec.provider, payload);
  const degraded = polled.snapshot.components.filter((c) => c.status !== 'operational');
  return {
    status: degraded.length ? 'alerting' : 'ok',
    raised: polled.alerts.map((a) => a.alert.id),
    cleared: [],
    detail: `${polled.snapshot.indicator}: ${polled.changes.length} changes, ${degraded.length} components not operational`,
  };
}
