import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { deleteQueueView, listQueueViews, saveQueueView } from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const Filter = z.string().max(100).optional();
/** The queue filters a view may hold (the query parameters of GET /api/queue; `assignee: "mine"` means the caller). */
const ViewBody = z.strictObject({
  filters: z.strictObject({ status: Filter, category: Filter, severity: Filter, priority: Filter, chain: Filter, assignee: Filter, cluster: Filter, sla: Filter }),
});
const ViewName = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

/** Saved queue views of the signed-in user: named filter sets. */
export function queueViewRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  const db = () => deps.store.db;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/queue/views',
      access: agent,
      summary: 'The caller’s saved queue views (name and filters), by name.',
      handler: async (c) => c.json({ items: await listQueueViews(db(), principalOf(c).id) }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/queue/views/:name',
      access: agent,
      summary: 'Save the caller’s queue view under a name ({ filters: { status, category, priority, sla, assignee … } }), replacing one of that name.',
      handler: async (c) => {
        const name = parseWith(ViewName, c.req.param('name') ?? '', 'view name');
        const body = await readJson(c, ViewBody);
        const filters = Object.fromEntries(Object.entries(body.filters).filter((e): e is [string, string] => typeof e[1] === 'string'));
        return c.json(await saveQueueView(db(), principalOf(c).id, { name, filters }, deps.clock));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/queue/views/:name',
      access: agent,
      summary: 'Delete one of the caller’s saved queue views (no error when it is already gone).',
      handler: async (c) => {
        await deleteQueueView(db(), principalOf(c).id, c.req.param('name') ?? '');
        return c.body(null, 204);
      },
    }),
  ];
}
