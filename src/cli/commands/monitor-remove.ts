import type { Command } from 'commander';
import { removeMonitor } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk monitor remove ID_OR_NAME`. */
export function registerMonitorRemove(program: Command): void {
  addCommand(program, 'monitor remove <id>', 'Remove a stored monitor (by id or name); its open alerts stay until resolved.').action(
    action(async (ctx, id: string) => {
      const { store } = await ctx.runtime();
      const removed = await removeMonitor({ store }, id);
      ctx.print(removed, (m) => `Removed ${m.id} (${m.name}).`);
    }),
  );
}
