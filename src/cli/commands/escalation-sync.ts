import type { Command } from 'commander';
import { action, addCommand } from '../define.ts';
import { escalationLines, escalationService } from './escalation-common.ts';

/** `opsdesk escalation sync ID [--notify]`. */
export function registerEscalationSync(program: Command): void {
  addCommand(program, 'escalation sync <id>', 'Poll the state of the escalation\'s tracker issues; with --notify, tell the tickets\' users once engineering closed them.')
    .option('--notify', 'reply on every linked ticket once all issues are closed')
    .action(
      action(async (ctx, id: string, opts: { notify?: boolean }) => {
        const service = await escalationService(ctx);
        ctx.print(await service.sync(id, { notify: Boolean(opts.notify) }), escalationLines);
      }),
    );
}
