import type { Context } from 'hono';
import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { createEscalationService, EscalationEdit, Tracker, type EscalationService } from '../../escalations/index.ts';
import { ValidationError } from '../../core/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const CreateBody = z.strictObject({ ticketId: z.string().min(1).max(200).optional(), clusterId: z.string().min(1).max(200).optional(), incidentId: z.string().min(1).max(200).optional() });
const SendBody = z.strictObject({ tracker: Tracker });
const SyncBody = z.strictObject({ notify: z.boolean().default(false) });

/** Escalation reports: build from a ticket, cluster or incident, read, edit, export as Markdown or tracker payloads, send and sync. */
export function escalationsRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  const engineer = { roles: atLeast('engineer') } as const;
  let service: EscalationService | undefined;
  const svc = () => (service ??= createEscalationService({ store: deps.store, chains: deps.chains, telemetry: deps.telemetry, config: deps.config.escalations, clock: deps.clock, logger: deps.logger }));
  const id = (c: Context<AppEnv>) => c.req.param('id') ?? '';
  return [
    defineRoute({
      method: 'POST',
      path: '/api/escalations',
      access: agent,
      summary: 'Build and store an escalation report from { ticketId | clusterId | incidentId }.',
      handler: async (c) => {
        const body = await readJson(c, CreateBody);
        const sources = [['ticket', body.ticketId], ['cluster', body.clusterId], ['incident', body.incidentId]].filter((s): s is ['ticket' | 'cluster' | 'incident', string] => typeof s[1] === 'string');
        if (sources.length !== 1) throw new ValidationError('Give exactly one of ticketId, clusterId or incidentId.');
        const [type, ref] = sources[0]!;
        return c.json(await svc().create({ type, id: ref }, principalOf(c)), 201);
      },
    }),
    defineRoute({ method: 'GET', path: '/api/escalations/:id', access: agent, summary: 'An escalation: its report, tickets, tracker issues and notification states.', handler: async (c) => c.json(await svc().get(id(c))) }),
    defineRoute({
      method: 'GET',
      path: '/api/escalations/:id/markdown',
      access: agent,
      summary: 'The report as Markdown, to paste anywhere (redacted).',
      handler: async (c) => c.body(await svc().markdown(id(c)), 200, { 'content-type': 'text/markdown; charset=utf-8' }),
    }),
    defineRoute({ method: 'PATCH', path: '/api/escalations/:id', access: agent, summary: 'Edit title, summary, expected/actual behaviour, reproduction steps or workaround.', handler: async (c) => c.json(await svc().edit(id(c), await readJson(c, EscalationEdit))) }),
    defineRoute({
      method: 'GET',
      path: '/api/escalations/:id/export/:tracker',
      access: agent,
      summary: 'The issue payload for github, jira (ADF) or linear (GraphQL issueCreate), without sending it.',
      handler: async (c) => c.json(await svc().payload(id(c), parseWith(Tracker, c.req.param('tracker'), 'tracker'))),
    }),
    defineRoute({ method: 'POST', path: '/api/escalations/:id/send', access: engineer, summary: 'Create the issue in a tracker ({ tracker }) and store its link and state.', handler: async (c) => c.json(await svc().send(id(c), (await readJson(c, SendBody)).tracker), 201) }),
    defineRoute({
      method: 'POST',
      path: '/api/escalations/:id/sync',
      access: engineer,
      summary: 'Poll the tracker issues\' state; { notify: true } tells the tickets\' users once every issue is closed.',
      handler: async (c) => {
        const text = await c.req.text();
        const body = parseWith(SyncBody, text.trim() ? JSON.parse(text) : {}, 'request body');
        return c.json(await svc().sync(id(c), { notify: body.notify }));
      },
    }),
    defineRoute({ method: 'GET', path: '/api/tickets/:id/escalations', access: agent, summary: 'The escalations covering a ticket, with their tracker links and states.', handler: async (c) => c.json({ items: await svc().forTicket(id(c)) }) }),
  ];
}
