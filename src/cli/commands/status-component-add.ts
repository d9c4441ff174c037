import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { ComponentStatus } from '../../incidents/index.ts';
import { action } from '../define.ts';
import { addNestedCommand } from './incident-common.ts';

interface Opts {
  group?: boolean;
  groupId?: string;
  description?: string;
  position?: string;
  status?: string;
  onlyIfDegraded?: boolean;
  uptime: boolean;
}

/** `opsdesk status component add NAME`. */
export function registerStatusComponentAdd(program: Command): void {
  addNestedCommand(program, 'status', 'component', 'add <name>', 'Add a component (or a group with --group) to the public status page.')
    .option('--group', 'create a group that holds other components')
    .option('--group-id <id>', 'put the component in this group')
    .option('--description <text>', 'one line shown under the name')
    .option('--position <n>', 'display order (default: last)')
    .option('--status <status>', `initial status (${ComponentStatus.options.join(', ')}; default operational)`)
    .option('--only-if-degraded', 'show it only while it is not operational')
    .option('--no-uptime', 'do not show the 90-day uptime bars')
    .action(
      action(async (ctx, name: string, opts: Opts) => {
        const position = opts.position === undefined ? undefined : Number(opts.position);
        if (position !== undefined && !Number.isInteger(position)) throw new ValidationError(`--position must be a whole number, got ${JSON.stringify(opts.position)}.`);
        const { incidents } = await ctx.runtime();
        const component = await incidents.addComponent({
          name,
          group: Boolean(opts.group),
          onlyShowIfDegraded: Boolean(opts.onlyIfDegraded),
          showcase: opts.uptime,
          ...(opts.groupId ? { groupId: opts.groupId } : {}),
          ...(opts.description ? { description: opts.description } : {}),
          ...(position !== undefined ? { position } : {}),
          ...(opts.status ? { status: opts.status as ComponentStatus } : {}),
        });
        ctx.print(component, (c) => `Added ${c.group ? 'group' : 'component'} ${c.name} (${c.id}).`);
      }),
    );
}
