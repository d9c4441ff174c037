import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { ComponentStatus, type PostUpdateInput, type PostUpdateResult } from '../../incidents/index.ts';
import { action, addCommand } from '../define.ts';
import { cliActor, collect, incidentLine, parseWhen } from './incident-common.ts';

interface Opts {
  status: string;
  text?: string;
  textEs?: string;
  textPt?: string;
  component?: string[];
  workaround?: string;
  nextUpdate?: string;
  notify: boolean;
  replyTickets: boolean;
  as?: string;
}

/** Renders the outcome of a posted update for people. */
export function describeDelivery(r: PostUpdateResult): string {
  const n = r.notifications;
  const lines = [
    `Posted ${r.update.status} update ${r.update.id} on ${incidentLine(r.incident)}`,
    '',
    r.update.bodies.en,
    '',
    n ? `Subscribers: ${n.emails} e-mails, ${n.webhooks} webhooks, ${n.failed.length} failed.` : 'Subscribers were not notified.',
    r.ticketReplies.wired ? `Linked tickets: ${r.ticketReplies.sent} replied, ${r.ticketReplies.failed} failed.` : `Linked tickets: ${r.ticketReplies.skipped} not replied to (ticket replies are not wired yet).`,
  ];
  return lines.join('\n');
}

/** `opsdesk incident update ID --status S`: publish on the status page, notify subscribers, reply to linked tickets. */
export function registerIncidentUpdate(program: Command): void {
  addCommand(program, 'incident update <id>', 'Post a public update (status page, subscribers, linked tickets) and move the incident to its phase.')
    .requiredOption('--status <status>', 'investigating, identified, monitoring, resolved (maintenance: scheduled, in_progress, verifying, completed)')
    .option('--text <text>', 'your own English text (default: the phase template)')
    .option('--text-es <text>', 'your own Spanish text (default: the phase template)')
    .option('--text-pt <text>', 'your own Brazilian Portuguese text (default: the phase template)')
    .option('--component <id=status>', `set an affected component (${ComponentStatus.options.join(', ')}), repeatable`, collect)
    .option('--workaround <text>', 'workaround shown in the templates')
    .option('--next-update <when>', 'time of the next update: ISO or +30m / +2h')
    .option('--no-notify', 'do not notify subscribers')
    .option('--no-reply-tickets', 'do not reply to linked tickets')
    .option('--as <name>', 'your name in the timeline (default: the OS user)')
    .action(
      action(async (ctx, id: string, opts: Opts) => {
        const { incidents, clock } = await ctx.runtime();
        const components = (opts.component ?? []).map((c) => {
          const [cid, status] = c.split('=');
          const parsed = ComponentStatus.safeParse(status);
          if (!cid || !parsed.success) throw new ValidationError(`--component ${JSON.stringify(c)} must be ID=STATUS with STATUS one of ${ComponentStatus.options.join(', ')}.`);
          return { id: cid, status: parsed.data };
        });
        const text = { ...(opts.text ? { en: opts.text } : {}), ...(opts.textEs ? { es: opts.textEs } : {}), ...(opts.textPt ? { 'pt-BR': opts.textPt } : {}) };
        const input: PostUpdateInput = {
          status: opts.status as PostUpdateInput['status'],
          text,
          notify: opts.notify,
          replyToTickets: opts.replyTickets,
          ...(components.length ? { components } : {}),
          ...(opts.workaround !== undefined ? { workaround: opts.workaround } : {}),
          ...(opts.nextUpdate ? { nextUpdateAt: parseWhen(opts.nextUpdate, clock.nowMs()) } : {}),
        };
        ctx.print(await incidents.postUpdate(id, input, cliActor(opts.as)), describeDelivery);
      }),
    );
}
