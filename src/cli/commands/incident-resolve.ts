import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';
import { cliActor } from './incident-common.ts';
import { describeDelivery } from './incident-update.ts';

interface Opts {
  text?: string;
  errorRatio?: string;
  users?: string;
  notify: boolean;
  replyTickets: boolean;
  as?: string;
}

/** `opsdesk incident resolve ID`: final public update; components back to operational. */
export function registerIncidentResolve(program: Command): void {
  addCommand(program, 'incident resolve <id>', 'Resolve an incident (or complete a maintenance) with a final public update.')
    .option('--text <text>', 'your own English text (default: the resolved template)')
    .option('--error-ratio <ratio>', 'observed error ratio during the incident, 0..1 (for the error budget in the postmortem)')
    .option('--users <n>', 'users affected (for the postmortem)')
    .option('--no-notify', 'do not notify subscribers')
    .option('--no-reply-tickets', 'do not reply to linked tickets')
    .option('--as <name>', 'your name in the timeline (default: the OS user)')
    .action(
      action(async (ctx, id: string, opts: Opts) => {
        const errorRatio = opts.errorRatio === undefined ? undefined : Number(opts.errorRatio);
        if (errorRatio !== undefined && !(errorRatio >= 0 && errorRatio <= 1)) throw new ValidationError(`--error-ratio must be a number from 0 to 1, got ${JSON.stringify(opts.errorRatio)}.`);
        const users = opts.users === undefined ? undefined : Number(opts.users);
        if (users !== undefined && !(Number.isInteger(users) && users >= 0)) throw new ValidationError(`--users must be a whole number, got ${JSON.stringify(opts.users)}.`);
        const { incidents } = await ctx.runtime();
        const res = await incidents.resolve(
          id,
          { notify: opts.notify, replyToTickets: opts.replyTickets, ...(opts.text ? { text: { en: opts.text } } : {}), ...(errorRatio !== undefined ? { errorRatio } : {}), ...(users !== undefined ? { usersAffected: users } : {}) },
          cliActor(opts.as),
        );
        ctx.print(res, describeDelivery);
      }),
    );
}
