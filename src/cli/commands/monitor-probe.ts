import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import {
  applyProbeVerdicts,
  fetchStatuspage,
  httpCheckAlert,
  judgeRpcRound,
  pollProviderStatus,
  probeRpcEndpoints,
  RpcProbeHistory,
  runHttpCheck,
  type RpcEndpoint,
} from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

interface ProbeOptions {
  chain?: string[];
  http?: string[];
  statusPage?: string[];
  raise?: boolean;
  timeoutMs?: string;
}

/** `opsdesk monitor probe --chain ethereum --http https://api/health --status-page infura=https://…/api/v2/summary.json [--raise]`. */
export function registerMonitorProbe(program: Command): void {
  addCommand(program, 'monitor probe', 'Probe once: RPC endpoints of configured chains (head, lag, stall, latency), HTTP health checks and provider status pages.')
    .option('--chain <slug...>', 'chains whose configured RPC endpoints are compared')
    .option('--http <url...>', 'HTTP health checks (expects 200)')
    .option('--status-page <name=url...>', "a provider's Statuspage summary.json")
    .option('--raise', 'record the problems as alerts (and clear healthy ones)')
    .option('--timeout-ms <ms>', 'per request', '5000')
    .action(
      action(async (ctx, opts: ProbeOptions) => {
        if (!opts.chain?.length && !opts.http?.length && !opts.statusPage?.length) throw new ValidationError('Nothing to probe.', { metaMessages: ['Give --chain, --http or --status-page.'] });
        const runtime = await ctx.runtime();
        const deps = runtime.monitor;
        const timeoutMs = Number(opts.timeoutMs ?? 5000);
        const endpoints: RpcEndpoint[] = (opts.chain ?? []).flatMap((slug) => {
          const chain = runtime.chains.registry.get(slug);
          return chain.rpcUrls.map((url) => ({ chain: chain.slug, family: chain.family, url }));
        });
        const rpc = endpoints.length ? await probeRpcEndpoints(endpoints, { timeoutMs, clock: runtime.clock }) : [];
        const history = new RpcProbeHistory();
        history.record(rpc);
        const rpcVerdicts = judgeRpcRound(rpc, history);
        const http = await Promise.all((opts.http ?? []).map((url) => runHttpCheck({ name: new URL(url).host, url, timeoutMs }, runtime.clock)));
        const httpVerdicts = http.map((r) => ({ fingerprint: `probe.http:${r.name}`, alert: httpCheckAlert(r) }));
        const pages = [];
        for (const spec of opts.statusPage ?? []) {
          const at = spec.indexOf('=');
          if (at < 1) throw new ValidationError(`--status-page must be name=url, got ${JSON.stringify(spec)}.`);
          if (opts.raise) pages.push(await pollProviderStatus(deps, spec.slice(0, at), spec.slice(at + 1), { timeoutMs }));
          else {
            pages.push({ snapshot: await fetchStatuspage(spec.slice(0, at), spec.slice(at + 1), { timeoutMs, clock: runtime.clock }), changes: [], alerts: [] });
          }
        }
        const raised = opts.raise ? await applyProbeVerdicts(deps, [...rpcVerdicts, ...httpVerdicts]) : [];
        const result = { rpc: rpcVerdicts.map((v) => ({ ...v.result, problems: v.problems })), http, statusPages: pages.map((p) => ({ ...p.snapshot, changes: p.changes })), alerts: [...raised, ...pages.flatMap((p) => p.alerts)].map((r) => ({ id: r.alert.id, action: r.action, title: r.alert.title })) };
        ctx.print(result, (r) =>
          [
            ...r.rpc.map((x) => `rpc  ${x.chain.padEnd(10)} ${x.endpoint}  ${x.ok ? `head ${x.height} (${x.headAgeSec}s old, lag ${x.lagBlocks}) ${x.latencyMs} ms` : 'DOWN'}${x.problems.length ? `  ⚠ ${x.problems.join('; ')}` : ''}`),
            ...r.http.map((x) => `http ${x.name.padEnd(10)} ${x.status ?? '—'} ${x.latencyMs} ms${x.failures.length ? `  ⚠ ${x.failures.join('; ')}` : ''}`),
            ...r.statusPages.map((p) => `page ${p.provider.padEnd(10)} ${p.indicator} (${p.description}); ${p.components.filter((c) => c.status !== 'operational').map((c) => `${c.name}: ${c.status}`).join(', ') || 'all components operational'}`),
            ...r.alerts.map((a) => `alert ${a.id} ${a.action}: ${a.title}`),
          ].join('\n'),
        );
      }),
    );
}
