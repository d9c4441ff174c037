import type { Command } from 'commander';
import { mergeClusters } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk cluster merge TARGET SOURCE…`. */
export function registerClusterMerge(program: Command): void {
  addCommand(program, 'cluster merge <target> <sources...>', 'Merge clusters into the target cluster (an agent decision that recomputes keep).').action(
    action(async (ctx, target: string, sources: string[]) => {
      const runtime = await ctx.runtime();
      const res = await mergeClusters(runtime.store.db, target, sources, null, runtime.clock);
      ctx.print(res, (r) => `merged ${sources.length} cluster(s) into ${r.clusterId}: ${r.moved} ticket(s) moved`);
    }),
  );
}
