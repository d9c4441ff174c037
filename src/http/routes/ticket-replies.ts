import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import type { Config } from '../../core/index.ts';
import { macros, replyToTicket, replyWithMacro, ReplyBodyMissingError, TicketStatus } from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const Text = z.string().trim().min(1).max(20_000);
const ReplyBody = z.strictObject({
  body: Text.optional(),
  bodies: z.strictObject({ en: Text.optional(), es: Text.optional(), 'pt-BR': Text.optional() }).optional(),
  macro: z.string().min(1).max(100).optional(),
  variables: z.record(z.string().regex(/^[A-Za-z]+$/), z.string().max(2000)).optional(),
  diagnosis: z.object({ chain: z.string().optional(), hash: z.string().optional(), findings: z.array(z.object({ code: z.string(), userMessage: z.string().max(2000).optional() })).optional() }).optional(),
  status: TicketStatus.optional(),
});

/** Hosts replies may link to besides chain explorers: the status page's allow-list and our public URL. */
export function replyHosts(config: Config): string[] {
  const hosts = [...config.statusPage.allowedLinkHosts];
  try {
    hosts.push(new URL(config.server.publicUrl ?? `http://localhost:${config.server.port}`).hostname);
  } catch {
    // publicUrl is validated by the config schema.
  }
  return hosts;
}

/** Replies and macros: every reply passes redaction and the anti-impersonation guard before it is stored. */
export function ticketReplyRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/macros',
      access: agent,
      summary: 'The reply macros (templates in en, es, pt-BR with {variables} filled from the ticket and its diagnosis).',
      handler: (c) => c.json({ items: macros }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tickets/:id/replies',
      access: agent,
      summary: 'Reply on a ticket: { body } or { bodies: {en, es, pt-BR} } or { macro, variables?, diagnosis? }, optional status (pending waits on the user). Unsafe texts get 400.',
      handler: async (c) => {
        const input = await readJson(c, ReplyBody);
        const id = c.req.param('id') ?? '';
        const opts = { actor: principalOf(c), clock: deps.clock, allowedHosts: replyHosts(deps.config), registry: deps.chains.registry, slaSettings: deps.sla.settings, ...(input.status ? { status: input.status } : {}) };
        if (input.macro) {
          const sent = await replyWithMacro(deps.store.db, id, { macro: input.macro, ...(input.variables ? { variables: input.variables } : {}), ...(input.diagnosis ? { diagnosis: input.diagnosis } : {}) }, opts);
          return c.json(sent, 201);
        }
        const bodies = { ...input.bodies, ...(input.body ? { en: input.body, es: input.body, 'pt-BR': input.body } : {}) };
        if (!Object.keys(bodies).length) throw new ReplyBodyMissingError();
        return c.json(await replyToTicket(deps.store.db, id, bodies, opts), 201);
      },
    }),
  ];
}
