import type { Command } from 'commander';
import { resetDemo } from '../../demo/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk demo reset`: deletes the demo data (`<data dir>/demo`) and nothing else. */
export function registerDemoReset(program: Command): void {
  addCommand(program, 'demo reset', 'Delete the demo data in <data dir>/demo (only a folder the demo created; a real workspace is never touched).').action(
    action(async (ctx) => {
      const result = resetDemo({ dataDir: ctx.config().dataDir });
      ctx.print(result, (r) => (r.removed ? `Deleted the demo data in ${r.dir}.` : `There is no demo data in ${r.dir}; nothing to delete.`));
    }),
  );
}
