import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { listClusterSpikes } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk cluster spikes [--since ISO]`. */
export function registerClusterSpikes(program: Command): void {
  addCommand(program, 'cluster spikes', 'Clusters growing far above their own baseline, newest first.')
    .option('--since <iso>', 'only spikes since this time')
    .option('--limit <n>', 'at most this many (default 100)')
    .action(
      action(async (ctx, opts: { since?: string; limit?: string }) => {
        if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new ValidationError('--since must be an ISO-8601 time.');
        const runtime = await ctx.runtime();
        const spikes = await listClusterSpikes(runtime.store.db, { ...(opts.since ? { since: new Date(opts.since).toISOString() } : {}), ...(opts.limit ? { limit: Number(opts.limit) } : {}) });
        ctx.print(spikes, (s) => (s.length ? s.map((x) => `${x.windowEnd}  ${x.count} tickets (${x.ratio}× baseline ${x.baseline})  ${x.clusterId}  ${x.title}`).join('\n') : 'No spikes.'));
      }),
    );
}
