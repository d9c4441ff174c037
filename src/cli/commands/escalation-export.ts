import type { Command } from 'commander';
import { missingSettings, Tracker } from '../../escalations/index.ts';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';
import { escalationLines, escalationService } from './escalation-common.ts';

/** `opsdesk escalation export ID --to github|jira|linear [--payload]`. */
export function registerEscalationExport(program: Command): void {
  addCommand(program, 'escalation export <id>', 'Create the escalation as an issue in GitHub, Jira or Linear (or print the payload when no token is configured).')
    .requiredOption('--to <tracker>', 'github, jira or linear')
    .option('--payload', 'only print the request body, do not send it')
    .action(
      action(async (ctx, id: string, opts: { to: string; payload?: boolean }) => {
        const tracker = Tracker.safeParse(opts.to);
        if (!tracker.success) throw new ValidationError(`--to must be github, jira or linear, got ${JSON.stringify(opts.to)}.`);
        const service = await escalationService(ctx);
        const missing = missingSettings(tracker.data, ctx.config().escalations);
        if (opts.payload || missing.length) {
          if (!opts.payload) ctx.stderr(`${tracker.data} is not configured (${missing.map((m) => `escalations.${m}`).join(', ')}): printing the payload to send yourself.\n`);
          ctx.stdout(`${JSON.stringify(await service.payload(id, tracker.data), null, ctx.json ? undefined : 2)}\n`);
          return;
        }
        ctx.print(await service.send(id, tracker.data), escalationLines);
      }),
    );
}
