import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { Severity, type ListIncidentsFilter } from '../../incidents/index.ts';
import { action, addCommand } from '../define.ts';
import { incidentLine } from './incident-common.ts';

/** `opsdesk incident list`. */
export function registerIncidentList(program: Command): void {
  addCommand(program, 'incident list', 'List incidents and maintenances, newest first.')
    .option('--open', 'only open ones (not resolved or completed)')
    .option('--closed', 'only resolved or completed ones')
    .option('--maintenance', 'only maintenances')
    .option('--severity <sev>', `only this severity (${Severity.options.join(', ')})`)
    .option('--limit <n>', 'page size (default 50)')
    .option('--cursor <id>', 'next page after this cursor (printed with --json as nextCursor)')
    .action(
      action(async (ctx, opts: { open?: boolean; closed?: boolean; maintenance?: boolean; severity?: string; limit?: string; cursor?: string }) => {
        if (opts.open && opts.closed) throw new ValidationError('Use --open or --closed, not both.');
        const limit = opts.limit === undefined ? undefined : Number(opts.limit);
        const filter: ListIncidentsFilter = {
          ...(opts.open ? { open: true } : opts.closed ? { open: false } : {}),
          ...(opts.maintenance ? { kind: 'maintenance' as const } : {}),
          ...(opts.severity ? { severity: opts.severity as Severity } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(opts.cursor ? { cursor: opts.cursor } : {}),
        };
        const { incidents } = await ctx.runtime();
        ctx.print(await incidents.list(filter), (page) => (page.items.length ? page.items.map(incidentLine).join('\n') + (page.nextCursor ? `\n… more with --cursor ${page.nextCursor}` : '') : 'No incidents.'));
      }),
    );
}
