import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { queryFromParams, queryKinds, type FlatParams, type QueryKind } from '../../telemetry/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk telemetry query KIND [--flags]`: the same queries as `GET /api/telemetry/KIND`. */
export function registerTelemetryQuery(program: Command): void {
  addCommand(program, 'telemetry query <kind>', `Query telemetry: ${queryKinds.join(', ')} (see docs/telemetry.md).`)
    .option('--from <time>', 'start: ISO-8601 or now-15m/2h/7d (default: one hour before --to)')
    .option('--to <time>', 'end: ISO-8601 or now (default now)')
    .option('--user-id <id>').option('--device-id <id>').option('--address <addr...>').option('--tx-hash <hash...>').option('--trace-id <id>')
    .option('--kind <kind>', 'log, span or metric').option('--errors-only', 'only errors (5xx, error/fatal severity, failed spans)')
    .option('--where <key=value...>', 'equality filters: route=/v1/swap chain=bsc attr.http.request.method=POST')
    .option('--group-by <keys>', 'comma-separated: route, chain, rpcProvider, appVersion, platform, country, statusCode, service, attr.<key>')
    .option('--bucket <duration>', 'time bucket: 60, 5m, 1h').option('--percentiles <list>', 'series: p50,p95,p99 (default all three)').option('--by <key>', 'top: the key to rank').option('--rank-by <measure>', 'top: count or errors')
    .option('--offset <offset>', 'compare: yesterday or last_week').option('--around <time>', 'correlate: the time of the ticket').option('--window-min <minutes>', 'correlate: minutes before and after')
    .option('--metric <name>').option('--agg <agg>', 'metric: avg, sum, min, max, count, rate').option('--source <source>', 'metric: store, prometheus or auto')
    .option('--limit <n>').option('--order <order>', 'events: desc, asc or errors_first')
    .action(
      action(async (ctx, kind: string, opts: Record<string, string | string[] | boolean | undefined>) => {
        if (!(queryKinds as readonly string[]).includes(kind)) throw new ValidationError(`Unknown query ${JSON.stringify(kind)}; use one of ${queryKinds.join(', ')}.`);
        const params: FlatParams = {};
        for (const [k, v] of Object.entries(opts)) {
          if (v === undefined || k === 'where') continue;
          params[k] = typeof v === 'boolean' ? String(v) : v;
        }
        for (const w of (opts.where as string[] | undefined) ?? []) {
          const i = w.indexOf('=');
          if (i <= 0) throw new ValidationError(`--where needs key=value, got ${JSON.stringify(w)}.`);
          params[`where.${w.slice(0, i)}`] = w.slice(i + 1);
        }
        const runtime = await ctx.runtime();
        const telemetry = await runtime.telemetry();
        const result = await telemetry.run(queryFromParams(kind as QueryKind, params, runtime.clock.now()));
        ctx.print(result, (r) => JSON.stringify(r, null, 2));
      }),
    );
}
