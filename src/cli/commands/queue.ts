import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { listQueue, slaStates, type QueueFilter, type QueueItem, type SlaState } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

function left(item: QueueItem): string {
  const ms = item.sla.remainingMs;
  if (ms === null) return item.sla.state;
  const min = Math.round(Math.abs(ms) / 60_000);
  const span = min >= 120 ? `${Math.round(min / 60)}h` : `${min}m`;
  return ms < 0 ? `${item.sla.state} ${span} ago` : `${item.sla.state} ${span} left`;
}

/** `opsdesk queue`: open tickets, most urgent first. */
export function registerQueue(program: Command): void {
  addCommand(program, 'queue', 'The work queue: open tickets, most urgent first (priority, SLA time left, age).')
    .option('--status <list>', 'statuses, comma-separated (default new,open,pending)')
    .option('--category <category>', 'only this category')
    .option('--severity <severity>', 'only this severity')
    .option('--priority <priority>', 'only this priority (p1…p4)')
    .option('--chain <slug>', 'only tickets about this chain')
    .option('--assignee <id>', 'only this assignee (a user id, or "none")')
    .option('--cluster <id>', 'only tickets of this cluster')
    .option('--sla <state>', `only this SLA state (${slaStates.join(', ')})`)
    .option('--limit <n>', 'page size (default 50)')
    .option('--cursor <cursor>', 'the next page (printed with --json as next)')
    .action(
      action(async (ctx, opts: { status?: string; category?: string; severity?: string; priority?: string; chain?: string; assignee?: string; cluster?: string; sla?: string; limit?: string; cursor?: string }) => {
        if (opts.sla && !(slaStates as readonly string[]).includes(opts.sla)) throw new ValidationError(`--sla must be one of ${slaStates.join(', ')}, got ${JSON.stringify(opts.sla)}.`);
        const limit = opts.limit === undefined ? undefined : Number(opts.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new ValidationError('--limit must be a positive integer.');
        const filter: QueueFilter = {
          ...(opts.status ? { status: opts.status.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
          ...(opts.category ? { category: opts.category } : {}),
          ...(opts.severity ? { severity: opts.severity } : {}),
          ...(opts.priority ? { priority: opts.priority } : {}),
          ...(opts.chain ? { chain: opts.chain } : {}),
          ...(opts.assignee ? { assignee: opts.assignee } : {}),
          ...(opts.cluster ? { cluster: opts.cluster } : {}),
          ...(opts.sla ? { slaState: opts.sla as SlaState } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(opts.cursor ? { cursor: opts.cursor } : {}),
        };
        const runtime = await ctx.runtime();
        const page = await listQueue(runtime.store.db, filter, { clock: runtime.clock, settings: runtime.sla.settings });
        ctx.print(page, (p) =>
          p.items.length
            ? [
                ...p.items.map((i) => `${i.priority}  ${left(i).padEnd(22)} ${i.id}  ${i.category}  ${i.chains.join(',') || '-'}  ${i.assigneeId ?? 'unassigned'}  ${i.subject}`),
                `${p.items.length} of ${p.total}${p.next ? ` … more with --cursor ${p.next}` : ''}`,
              ].join('\n')
            : 'The queue is empty.',
        );
      }),
    );
}
