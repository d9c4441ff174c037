import type { Command } from 'commander';
import { acknowledgeAlert } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';
import { renderAlert } from './monitor-alerts.ts';

/** `opsdesk monitor ack ALERT_ID`. */
export function registerMonitorAck(program: Command): void {
  addCommand(program, 'monitor ack <id>', 'Acknowledge a firing alert.').action(
    action(async (ctx, id: string) => {
      const { monitor } = await ctx.runtime();
      ctx.print(await acknowledgeAlert(monitor, id, 'cli'), renderAlert);
    }),
  );
}
