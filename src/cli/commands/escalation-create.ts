import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';
import { escalationLines, escalationService } from './escalation-common.ts';

/** `opsdesk escalation create --ticket ID | --cluster ID | --incident ID`. */
export function registerEscalationCreate(program: Command): void {
  addCommand(program, 'escalation create', 'Build an escalation report for engineering from a ticket, a cluster or an incident.')
    .option('--ticket <id>', 'one ticket')
    .option('--cluster <id>', 'every ticket of a cluster (problem)')
    .option('--incident <id>', 'the tickets and clusters linked to an incident, with its notes and workaround')
    .action(
      action(async (ctx, opts: { ticket?: string; cluster?: string; incident?: string }) => {
        const given = (['ticket', 'cluster', 'incident'] as const).filter((k) => opts[k]);
        if (given.length !== 1) throw new ValidationError('Give exactly one of --ticket, --cluster or --incident.', { metaMessages: ['e.g. opsdesk escalation create --incident inc_…'] });
        const type = given[0]!;
        const service = await escalationService(ctx);
        const e = await service.create({ type, id: opts[type]! }, null);
        ctx.print(e, (x) => `${escalationLines(x)}\nShow it with: opsdesk escalation show ${x.id} --format md`);
      }),
    );
}
