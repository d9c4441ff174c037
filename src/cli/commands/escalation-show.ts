import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';
import { escalationService } from './escalation-common.ts';

/** `opsdesk escalation show ID --format md|json`. */
export function registerEscalationShow(program: Command): void {
  addCommand(program, 'escalation show <id>', 'Print an escalation report as Markdown (to paste) or JSON.')
    .option('--format <format>', 'md or json', 'md')
    .action(
      action(async (ctx, id: string, opts: { format: string }) => {
        if (opts.format !== 'md' && opts.format !== 'json') throw new ValidationError(`--format must be md or json, got ${JSON.stringify(opts.format)}.`);
        const service = await escalationService(ctx);
        if (opts.format === 'json' || ctx.json) ctx.stdout(`${JSON.stringify(await service.get(id), null, ctx.json ? undefined : 2)}\n`);
        else ctx.stdout(await service.markdown(id));
      }),
    );
}
