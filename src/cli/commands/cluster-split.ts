import type { Command } from 'commander';
import { splitCluster } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk cluster split CLUSTER TICKET…`. */
export function registerClusterSplit(program: Command): void {
  addCommand(program, 'cluster split <cluster> <tickets...>', 'Move tickets out of a cluster into a new one.').action(
    action(async (ctx, cluster: string, tickets: string[]) => {
      const runtime = await ctx.runtime();
      const res = await splitCluster(runtime.store.db, cluster, tickets, null, runtime.clock);
      ctx.print(res, (r) => `moved ${r.moved} ticket(s) from ${r.clusterId} to ${r.newClusterId}`);
    }),
  );
}
