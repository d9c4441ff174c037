import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { clusterStatuses, getCluster, listClusters, listClusterSpikes, mergeClusters, recomputeClusters, replyToCluster, splitCluster, TicketStatus } from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';
import { replyHosts } from './ticket-replies.ts';

const Id = z.string().min(1).max(100);
const MergeBody = z.strictObject({ sources: z.array(Id).min(1).max(100) });
const SplitBody = z.strictObject({ ticketIds: z.array(Id).min(1).max(1000) });
const Text = z.string().trim().min(1).max(20_000);
const ClusterReplyBody = z.strictObject({
  macro: z.string().min(1).max(100).optional(),
  variables: z.record(z.string().regex(/^[A-Za-z]+$/), z.string().max(2000)).optional(),
  bodies: z.strictObject({ en: Text.optional(), es: Text.optional(), 'pt-BR': Text.optional() }).optional(),
  status: TicketStatus.optional(),
});
const ListQuery = z.object({ status: z.enum(clusterStatuses).optional(), category: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), cursor: z.string().max(500).optional() });

/** Clusters (problems): list, view (redacted summaries only), merge, split, reply to every ticket, spikes. */
export function ticketClusterRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  const db = () => deps.store.db;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/clusters',
      access: agent,
      summary: 'Clusters of tickets describing the same problem, most recently active first (?status=open&category=&limit=&cursor=).',
      handler: async (c) => {
        const q = ListQuery.safeParse(c.req.query());
        const f = q.success ? q.data : {};
        return c.json(await listClusters(db(), { ...(f.status ? { status: f.status } : {}), ...(f.category ? { category: f.category } : {}), ...(f.limit ? { limit: f.limit } : {}), ...(f.cursor ? { cursor: f.cursor } : {}) }));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/clusters/spikes',
      access: agent,
      summary: 'Cluster spikes (a cluster growing far above its own baseline), newest first (?since=ISO&limit=).',
      handler: async (c) => {
        const since = c.req.query('since');
        const limit = Number(c.req.query('limit') ?? 100) || 100;
        return c.json({ items: await listClusterSpikes(db(), { ...(since && !Number.isNaN(Date.parse(since)) ? { since: new Date(since).toISOString() } : {}), limit }) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/clusters/recompute',
      access: { roles: atLeast('engineer') },
      summary: 'Recompute the clusters of open tickets (agents’ merges and splits are kept).',
      handler: async (c) => c.json(await recomputeClusters(db(), { clock: deps.clock })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/clusters/:id',
      access: agent,
      summary: 'A cluster with its members (triage fields only, never another requester’s conversation) and spikes.',
      handler: async (c) => c.json(await getCluster(db(), c.req.param('id') ?? '')),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/clusters/:id/merge',
      access: agent,
      summary: 'Merge other clusters into this one ({ sources: [clusterId…] }).',
      handler: async (c) => {
        const body = await readJson(c, MergeBody);
        return c.json(await mergeClusters(db(), c.req.param('id') ?? '', body.sources, principalOf(c), deps.clock));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/clusters/:id/split',
      access: agent,
      summary: 'Move tickets out of this cluster into a new one ({ ticketIds: […] }).',
      handler: async (c) => {
        const body = await readJson(c, SplitBody);
        return c.json(await splitCluster(db(), c.req.param('id') ?? '', body.ticketIds, principalOf(c), deps.clock), 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/clusters/:id/reply',
      access: agent,
      summary: 'Reply to every open ticket of the problem, rendered per ticket ({ macro, variables? } or { bodies }); status "solved" applies the fix to all.',
      handler: async (c) => {
        const body = await readJson(c, ClusterReplyBody);
        const input = { ...(body.macro ? { macro: body.macro } : {}), ...(body.variables ? { variables: body.variables } : {}), ...(body.bodies ? { bodies: body.bodies } : {}), ...(body.status ? { status: body.status } : {}) };
        return c.json(await replyToCluster(db(), c.req.param('id') ?? '', input, { actor: principalOf(c), clock: deps.clock, allowedHosts: replyHosts(deps.config), registry: deps.chains.registry, slaSettings: deps.sla.settings }));
      },
    }),
  ];
}
