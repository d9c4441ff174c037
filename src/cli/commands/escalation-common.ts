import { createEscalationService, type Escalation, type EscalationService } from '../../escalations/index.ts';
import type { CliContext } from '../context.ts';

/** The escalation service over the CLI runtime. */
export async function escalationService(ctx: CliContext): Promise<EscalationService> {
  const rt = await ctx.runtime();
  return createEscalationService({ store: rt.store, chains: rt.chains, telemetry: rt.telemetry, config: rt.config.escalations, clock: rt.clock, logger: rt.logger });
}

/** One-paragraph human view of an escalation. */
export function escalationLines(e: Escalation): string {
  const i = e.report.impact;
  return [
    `${e.id}  ${e.status}  ${i.priority}  ${e.title}`,
    `  from ${e.source.type} ${e.source.id}: ${i.tickets} ticket(s), ${i.usersAffected} user(s), ${i.scope}, severity ${i.severity}`,
    ...e.issues.map((x) => `  ${x.tracker}: ${x.key} ${x.url} (${x.state})`),
    ...e.notifications.filter((n) => n.status !== 'none').map((n) => `  notice to ${n.ticketId}: ${n.status}`),
  ].join('\n');
}
