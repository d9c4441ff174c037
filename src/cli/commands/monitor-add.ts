import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { addMonitor, type MonitorDefinition } from '../../monitor/index.ts';
import { parseDurationSec } from '../../telemetry/index.ts';
import { action, addCommand } from '../define.ts';

interface AddOptions {
  every?: string;
  severity?: string;
  spec?: string;
  measure?: string;
  service?: string;
  route?: string;
  chain?: string;
  url?: string;
  provider?: string;
  disabled?: boolean;
}

export function renderMonitor(m: MonitorDefinition): string {
  const last = m.lastRunAt ? `last ${m.lastStatus} at ${m.lastRunAt}${m.lastError ? ` (${m.lastError})` : ''}` : 'not run yet';
  return `${m.id}  ${m.kind.padEnd(10)} every ${`${m.intervalSec}s`.padEnd(6)} ${m.enabled ? '' : '[disabled] '}${m.name}  — ${last}`;
}

function parseSpec(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ValidationError('--spec must be a JSON object.', { metaMessages: ['e.g. --spec \'{"check":{"expectStatus":[200,204]}}\''] });
}

/** `opsdesk monitor add KIND NAME [--every 1m] [--measure p95 --service api --route /v1/swap] [--chain ethereum] [--url URL] [--provider infura] [--spec JSON]`. */
export function registerMonitorAdd(program: Command): void {
  addCommand(program, 'monitor add <kind> <name>', 'Store a monitor (series, slo, rpc, http or statuspage) that the server runs on its own.')
    .option('--every <duration>', 'interval, e.g. 30s, 1m, 5m (default 1m)')
    .option('--severity <severity>', 'critical, page, warning, ticket or info (default warning)')
    .option('--measure <measure>', 'series: errorRate, p95 or throughput')
    .option('--service <service>', 'series and slo: telemetry service')
    .option('--route <route>', 'series and slo: route, e.g. /v1/swap')
    .option('--chain <slug>', 'series: chain filter; rpc: the chain whose endpoints are compared')
    .option('--url <url>', 'http: the health URL; statuspage: the summary.json URL')
    .option('--provider <name>', 'statuspage: provider slug, e.g. infura')
    .option('--spec <json>', 'any other fields of the definition as JSON (e.g. {"slo":{…}} or {"check":{…}})')
    .option('--disabled', 'store it without running it')
    .action(
      action(async (ctx, kind: string, name: string, opts: AddOptions) => {
        const extra = parseSpec(opts.spec);
        const input: Record<string, unknown> = { ...extra, kind, name };
        if (opts.every) {
          const sec = parseDurationSec(opts.every);
          if (sec === undefined) throw new ValidationError(`--every ${JSON.stringify(opts.every)} is not a duration.`, { metaMessages: ['Use seconds or a unit: 30s, 1m, 5m, 1h.'] });
          input.intervalSec = sec;
        }
        if (opts.severity) input.severity = opts.severity;
        if (opts.disabled) input.enabled = false;
        if (kind === 'slo') {
          // An SLO's service and route live inside its objective; put them there rather than let them be dropped.
          const slo: Record<string, unknown> = { name, ...((extra.slo as Record<string, unknown> | undefined) ?? {}) };
          if (opts.service !== undefined) slo.service = opts.service;
          if (opts.route !== undefined) slo.route = opts.route;
          input.slo = slo;
          if (opts.measure !== undefined) throw new ValidationError('--measure is for series monitors; an SLO measures its objective.', { metaMessages: ['Give the objective in --spec \'{"slo":{"kind":"latency","objective":0.99,"latencyThresholdMs":300}}\'.'] });
        }
        for (const k of ['measure', 'service', 'route', 'provider'] as const) if (kind !== 'slo' && opts[k] !== undefined) input[k] = opts[k];
        if (opts.chain !== undefined) input.chain = opts.chain;
        if (opts.url !== undefined) {
          if (kind === 'http') input.check = { ...((extra.check as Record<string, unknown> | undefined) ?? {}), url: opts.url };
          else input.url = opts.url;
        }
        const { monitor } = await ctx.runtime();
        const m = await addMonitor(monitor, input as Parameters<typeof addMonitor>[1], 'cli');
        ctx.print(m, renderMonitor);
      }),
    );
}
