import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import { assignRoundRobin, assignTicket, getTicketSla, listAgentSkills, listQueue, runSlaActions, setAgentSkills, slaReport, slaStates, type QueueFilter } from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const QueueQuery = z.object({
  status: z.string().regex(/^[a-z,]+$/).optional(),
  category: z.string().max(64).optional(),
  severity: z.string().max(16).optional(),
  priority: z.string().max(4).optional(),
  chain: z.string().regex(/^[a-z0-9-]+$/).optional(),
  assignee: z.string().max(100).optional(),
  cluster: z.string().max(100).optional(),
  sla: z.enum(slaStates).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
});
const AssignBody = z.strictObject({ assigneeId: z.string().min(1).max(100).optional(), roundRobin: z.literal(true).optional() });
const SkillsBody = z.strictObject({ skills: z.array(z.string().min(1).max(64)).max(100) });

/** The work queue (urgency order, filters, cursors), assignment, agent skills and SLA reports. */
export function queueRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  const db = () => deps.store.db;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/queue',
      access: agent,
      summary: 'Open tickets, most urgent first (priority, SLA time left, age). Filters: status (comma list), category, severity, priority, chain, assignee (id or none), cluster, sla (breached|warning|paused|active|met|none); limit, cursor.',
      handler: async (c) => {
        const q = parseWith(QueueQuery, c.req.query(), 'queue query');
        const filter: QueueFilter = {
          ...(q.status ? { status: q.status.split(',').filter(Boolean) } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.priority ? { priority: q.priority } : {}),
          ...(q.chain ? { chain: q.chain } : {}),
          ...(q.assignee ? { assignee: q.assignee } : {}),
          ...(q.cluster ? { cluster: q.cluster } : {}),
          ...(q.sla ? { slaState: q.sla } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
        };
        return c.json(await listQueue(db(), filter, { clock: deps.clock, settings: deps.sla.settings }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tickets/:id/assign',
      access: agent,
      summary: 'Assign a ticket: { assigneeId } or { roundRobin: true } (by skill: category, chains, lang:<language>).',
      handler: async (c) => {
        const body = await readJson(c, AssignBody);
        const id = c.req.param('id') ?? '';
        if (body.assigneeId && body.roundRobin) throw new ValidationError('Give assigneeId or roundRobin, not both.');
        if (body.assigneeId) return c.json(await assignTicket(db(), id, body.assigneeId, principalOf(c), deps.clock));
        if (body.roundRobin) return c.json(await assignRoundRobin(db(), id, principalOf(c), deps.clock));
        throw new ValidationError('Give assigneeId or roundRobin: true.');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/tickets/:id/sla',
      access: agent,
      summary: 'A ticket’s SLA: its policy, and per metric (first reply, next reply, resolution) the due time and state.',
      handler: async (c) => c.json(await getTicketSla(db(), c.req.param('id') ?? '', { clock: deps.clock, settings: deps.sla.settings })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/queue/skills',
      access: agent,
      summary: 'Every agent’s skills (used by round-robin assignment).',
      handler: async (c) => c.json({ items: await listAgentSkills(db()) }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/queue/skills/:userId',
      access: { roles: atLeast('engineer') },
      summary: 'Replace an agent’s skills ({ skills: ["swap_or_bridge_failure", "polygon", "lang:es"] }).',
      handler: async (c) => {
        const body = await readJson(c, SkillsBody);
        return c.json(await setAgentSkills(db(), c.req.param('userId') ?? '', body.skills, principalOf(c), deps.clock));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/sla/report',
      access: agent,
      summary: '% SLAs met for tickets created in [from, to) (default: the last 7 days), per metric and policy.',
      handler: async (c) => {
        const now = deps.clock.nowMs();
        const from = c.req.query('from') ?? new Date(now - 7 * 86_400_000).toISOString();
        const to = c.req.query('to') ?? new Date(now).toISOString();
        if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw new ValidationError('from and to must be ISO-8601 times.');
        return c.json(await slaReport(db(), { from, to }, { clock: deps.clock, settings: deps.sla.settings }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/sla/run',
      access: { roles: atLeast('engineer') },
      summary: 'Check every open ticket’s SLA now and run due warning and breach actions (each once).',
      handler: async (c) => c.json(await runSlaActions(db(), { clock: deps.clock, logger: deps.logger, settings: deps.sla.settings })),
    }),
  ];
}
