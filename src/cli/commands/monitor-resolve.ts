import type { Command } from 'commander';
import { resolveAlert } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';
import { renderAlert } from './monitor-alerts.ts';

/** `opsdesk monitor resolve ALERT_ID [--note TEXT]`. */
export function registerMonitorResolve(program: Command): void {
  addCommand(program, 'monitor resolve <id>', 'Resolve an open alert and tell its channels.')
    .option('--note <text>', 'why it is resolved')
    .action(
      action(async (ctx, id: string, opts: { note?: string }) => {
        const { monitor } = await ctx.runtime();
        const res = await resolveAlert(monitor, id, 'cli', opts.note);
        ctx.print(res, (r) => [renderAlert(r.alert), ...r.deliveries.map((d) => `  ${d.ok ? 'sent to' : 'FAILED'} ${d.channel}${d.error ? `: ${d.error}` : ''}`)].join('\n'));
      }),
    );
}
