import type { Command } from 'commander';
import { listMonitors } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';
import { renderMonitor } from './monitor-add.ts';

/** `opsdesk monitor list`. */
export function registerMonitorList(program: Command): void {
  addCommand(program, 'monitor list', 'List the stored monitors, their interval and last run.').action(
    action(async (ctx) => {
      const { store } = await ctx.runtime();
      const items = await listMonitors({ store });
      ctx.print({ items }, (r) => (r.items.length ? r.items.map(renderMonitor).join('\n') : 'No monitors. Add one with `opsdesk monitor add`.'));
    }),
  );
}
