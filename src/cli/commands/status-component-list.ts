import type { Command } from 'commander';
import { action } from '../define.ts';
import { addNestedCommand } from './incident-common.ts';

/** `opsdesk status component list`. */
export function registerStatusComponentList(program: Command): void {
  addNestedCommand(program, 'status', 'component', 'list', 'List the status page components and their current status.').action(
    action(async (ctx) => {
      const { incidents } = await ctx.runtime();
      const items = await incidents.listComponents();
      ctx.print(items, (list) =>
        list.length
          ? list
              .filter((c) => !c.groupId)
              .flatMap((c) => [`${c.id}  ${c.status.padEnd(20)} ${c.group ? `[${c.name}]` : c.name}${c.provider ? `  (mirrored from ${c.provider})` : ''}`, ...list.filter((x) => x.groupId === c.id).map((x) => `${x.id}  ${x.status.padEnd(20)}   ${x.name}`)])
              .join('\n')
          : 'No components. Add one with: opsdesk status component add NAME',
      );
    }),
  );
}
