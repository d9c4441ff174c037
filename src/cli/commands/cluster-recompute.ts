import type { Command } from 'commander';
import { recomputeClusters } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk cluster recompute`. */
export function registerClusterRecompute(program: Command): void {
  addCommand(program, 'cluster recompute', 'Recompute the clusters of open tickets (agents’ merges and splits are kept).').action(
    action(async (ctx) => {
      const runtime = await ctx.runtime();
      const res = await recomputeClusters(runtime.store.db, { clock: runtime.clock });
      ctx.print(res, (r) => `${r.clustered} of ${r.tickets} open tickets in ${r.clusters} clusters`);
    }),
  );
}
