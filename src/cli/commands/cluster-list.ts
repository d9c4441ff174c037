import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { clusterStatuses, listClusters, type ClusterStatus } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk cluster list`. */
export function registerClusterList(program: Command): void {
  addCommand(program, 'cluster list', 'Clusters of tickets describing the same problem, most recently active first.')
    .option('--status <status>', `only this status (${clusterStatuses.join(', ')})`, 'open')
    .option('--limit <n>', 'page size (default 50)')
    .option('--cursor <cursor>', 'the next page (printed with --json as next)')
    .action(
      action(async (ctx, opts: { status: string; limit?: string; cursor?: string }) => {
        if (!(clusterStatuses as readonly string[]).includes(opts.status)) throw new ValidationError(`--status must be one of ${clusterStatuses.join(', ')}.`);
        const runtime = await ctx.runtime();
        const page = await listClusters(runtime.store.db, { status: opts.status as ClusterStatus, ...(opts.limit ? { limit: Number(opts.limit) } : {}), ...(opts.cursor ? { cursor: opts.cursor } : {}) });
        ctx.print(page, (p) => (p.items.length ? p.items.map((c) => `${c.id}  ${String(c.openTicketCount).padStart(4)} open  ${c.title}  (last ${c.lastSeenAt})`).join('\n') + (p.next ? `\n… more with --cursor ${p.next}` : '') : 'No clusters.'));
      }),
    );
}
