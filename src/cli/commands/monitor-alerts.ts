import type { Command } from 'commander';
import { listAlerts, type AlertRecord } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

export function renderAlert(a: AlertRecord): string {
  const flags = [a.flapping ? 'flapping' : '', a.silencedBy ? `silenced by ${a.silencedBy}` : '', a.occurrences > 1 ? `×${a.occurrences}` : ''].filter(Boolean).join(', ');
  return `${a.id}  ${a.status.padEnd(12)} ${a.severity.padEnd(8)} ${a.startedAt}  ${a.title}${flags ? `  (${flags})` : ''}`;
}

/** `opsdesk monitor alerts [--status open] [--severity page] [--source probe] [--limit N]`. */
export function registerMonitorAlerts(program: Command): void {
  addCommand(program, 'monitor alerts', 'List alerts, newest first.')
    .option('--status <status>', 'firing, acknowledged, resolved, or open (firing or acknowledged)')
    .option('--severity <severity>', 'critical, page, warning, ticket or info')
    .option('--source <source>', 'detector, slo, probe, …')
    .option('--limit <n>', 'how many (default 100)')
    .option('--before <id>', 'the page after this alert id')
    .action(
      action(async (ctx, opts: { status?: string; severity?: string; source?: string; limit?: string; before?: string }) => {
        const { monitor } = await ctx.runtime();
        const page = await listAlerts(monitor, { ...opts } as Parameters<typeof listAlerts>[1]);
        ctx.print(page, (p) => (p.items.length ? [...p.items.map(renderAlert), ...(p.next ? [`… more with --before ${p.next}`] : [])].join('\n') : 'No alerts.'));
      }),
    );
}
