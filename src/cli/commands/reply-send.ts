import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { replyToTicket, replyWithMacro, ticketStatuses, type TicketStatus } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk reply send TICKET (--macro ID [--var k=v…] | --text TEXT) [--status pending]`. */
export function registerReplySend(program: Command): void {
  addCommand(program, 'reply send <ticket>', 'Reply on a ticket with a macro (in the ticket’s language) or your own text; unsafe texts are refused.')
    .option('--macro <id>', 'a reply macro (see GET /api/macros)')
    .option('--var <name=value...>', 'macro variables, e.g. --var findingMessage="…"')
    .option('--text <text>', 'your own reply text')
    .option('--status <status>', `the ticket's status afterwards (${ticketStatuses.join(', ')})`)
    .action(
      action(async (ctx, ticket: string, opts: { macro?: string; var?: string[]; text?: string; status?: string }) => {
        if (Boolean(opts.macro) === Boolean(opts.text)) throw new ValidationError('Give --macro or --text (one of them).');
        if (opts.status && !(ticketStatuses as readonly string[]).includes(opts.status)) throw new ValidationError(`--status must be one of ${ticketStatuses.join(', ')}.`);
        const variables = Object.fromEntries((opts.var ?? []).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]).filter(([k]) => k));
        const runtime = await ctx.runtime();
        const hosts = [...runtime.config.statusPage.allowedLinkHosts];
        if (runtime.config.server.publicUrl) hosts.push(new URL(runtime.config.server.publicUrl).hostname);
        const o = { clock: runtime.clock, allowedHosts: hosts, registry: runtime.chains.registry, slaSettings: runtime.sla.settings, ...(opts.status ? { status: opts.status as TicketStatus } : {}) };
        const sent = opts.macro ? await replyWithMacro(runtime.store.db, ticket, { macro: opts.macro, variables }, o) : await replyToTicket(runtime.store.db, ticket, { en: opts.text!, es: opts.text!, 'pt-BR': opts.text! }, o);
        ctx.print(sent, (s) => `sent ${s.messageId} (${s.lang}) on ${s.ticketId}, status ${s.status}\n\n${s.body}`);
      }),
    );
}
