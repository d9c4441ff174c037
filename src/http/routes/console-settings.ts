import { z } from 'zod';
import { atLeast, listUsers } from '../../auth/index.ts';
import { redactUrl, ValidationError } from '../../core/index.ts';
import { probeableFamilies, probeRpcEndpoints, type RpcProbeResult } from '../../monitor/index.ts';
import { listAgentSkills } from '../../tickets/index.ts';
import type { HttpDeps } from '../deps.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const ProbeBody = z.strictObject({ index: z.number().int().min(0).max(99).optional() });
const takers = ['agent', 'engineer', 'admin'];

const origin = (url: string | undefined) => (url ? redactUrl(url) : null);

/**
 * What the console's settings pages read: agents (for assignment), chains and their RPC endpoints
 * (secrets in URLs redacted) with a probe on demand, connectors and the SLA policies.
 */
export function consoleSettingsRoutes(deps: HttpDeps): RouteDef[] {
  const agent = { roles: atLeast('agent') } as const;
  /** The last probe of each endpoint from this process, keyed by chain and redacted endpoint. */
  const lastProbe = new Map<string, RpcProbeResult>();
  return [
    defineRoute({
      method: 'GET',
      path: '/api/agents',
      access: agent,
      summary: 'Active staff who can take tickets (agent, engineer, admin): id, name, role and skills, for assignment.',
      handler: async (c) => {
        const [users, skills] = await Promise.all([listUsers(deps.store.db), listAgentSkills(deps.store.db)]);
        const byUser = new Map(skills.map((s) => [s.userId, s.skills]));
        const items = users.filter((u) => !u.disabled && takers.includes(u.role)).map((u) => ({ id: u.id, name: u.name || u.email.split('@')[0]!, role: u.role, skills: byUser.get(u.id) ?? [] }));
        return c.json({ items });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/settings/chains',
      access: agent,
      summary: 'Configured chains with their RPC endpoints (keys in URLs redacted), where each comes from, and the last probe from this server.',
      handler: (c) => {
        const cfg = deps.config.chains;
        const custom = new Set(cfg.custom.map((x) => x.slug));
        const items = deps.chains.registry.list().map((ch) => ({
          slug: ch.slug,
          name: ch.name,
          family: ch.family,
          source: cfg.rpc[ch.slug] ? 'chains.rpc' : custom.has(ch.slug) ? 'chains.custom' : 'built-in',
          probeable: probeableFamilies.includes(ch.family),
          endpoints: ch.rpcUrls.map((url, index) => {
            const endpoint = redactUrl(url);
            return { index, endpoint, lastProbe: lastProbe.get(`${ch.slug} ${endpoint}`) ?? null };
          }),
        }));
        return c.json({ items, timeoutMs: cfg.timeoutMs, retries: cfg.retries, probeMetrics: ['opsdesk.probe.up', 'opsdesk.probe.latency_ms', 'opsdesk.probe.rpc.lag_blocks', 'opsdesk.probe.rpc.head_age_sec'] });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/settings/chains/:slug/probe',
      access: { roles: atLeast('engineer') },
      summary: 'Probe a chain’s RPC endpoints now ({ index } for one endpoint): head height, lag behind the best endpoint, head age, latency.',
      handler: async (c) => {
        const body = await readJson(c, ProbeBody);
        const chain = deps.chains.registry.get(c.req.param('slug') ?? '');
        if (!probeableFamilies.includes(chain.family)) throw new ValidationError(`${chain.name} (${chain.family}) cannot be probed: the probe reads heads of ${probeableFamilies.join(' and ')} chains only.`);
        const urls = body.index === undefined ? chain.rpcUrls : chain.rpcUrls.slice(body.index, body.index + 1);
        if (!urls.length) throw new ValidationError(`${chain.name} has no RPC endpoint ${body.index ?? ''} to probe.`, { metaMessages: [`It has ${chain.rpcUrls.length}; configure them under chains.rpc.${chain.slug}.`] });
        const results = await probeRpcEndpoints(urls.map((url) => ({ chain: chain.slug, family: chain.family, url })), { timeoutMs: Math.min(deps.config.chains.timeoutMs, 10_000), clock: deps.clock });
        for (const r of results) lastProbe.set(`${r.chain} ${r.endpoint}`, r);
        return c.json({ items: results });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/settings/connectors',
      access: agent,
      summary: 'Ticket intake endpoints, the Prometheus connector, escalation trackers and SMTP: whether each is configured (URLs redacted, secrets only as set/unset).',
      handler: (c) => {
        const { telemetry, escalations: e, notifications: n, community } = deps.config;
        return c.json({
          intake: [
            { name: 'API', path: '/api/tickets', method: 'POST', auth: 'API token (agent or ingest)' },
            { name: 'E-mail (inbound webhook)', path: '/api/tickets/inbound/email', method: 'POST', auth: 'API token (agent or ingest)' },
            { name: 'Chat', path: '/api/tickets/inbound/chat', method: 'POST', auth: 'API token (agent or ingest)' },
            { name: 'Community webhooks', path: '/api/community/hooks/:source', method: 'POST', auth: community.webhookSecret ? 'HMAC signature (community.webhookSecret is set)' : 'API token only (community.webhookSecret is unset)' },
          ],
          prometheus: { configured: Boolean(telemetry.prometheusUrl), url: origin(telemetry.prometheusUrl), tokenSet: Boolean(telemetry.prometheusToken), configPath: 'telemetry.prometheusUrl' },
          trackers: [
            { tracker: 'github', configured: Boolean(e.githubRepo && e.githubToken), target: e.githubRepo ?? null, url: origin(e.githubBaseUrl), tokenSet: Boolean(e.githubToken), configPath: 'escalations.githubRepo, escalations.githubToken' },
            { tracker: 'jira', configured: Boolean(e.jiraBaseUrl && e.jiraProjectKey && e.jiraToken), target: e.jiraProjectKey ?? null, url: origin(e.jiraBaseUrl), tokenSet: Boolean(e.jiraToken), configPath: 'escalations.jiraBaseUrl, escalations.jiraProjectKey, escalations.jiraToken' },
            { tracker: 'linear', configured: Boolean(e.linearTeamId && e.linearToken), target: e.linearTeamId ?? null, url: origin(e.linearBaseUrl), tokenSet: Boolean(e.linearToken), configPath: 'escalations.linearTeamId, escalations.linearToken' },
          ],
          smtp: { configured: Boolean(n.smtpHost), host: n.smtpHost ?? null, port: n.smtpPort, passwordSet: Boolean(n.smtpPassword), configPath: 'notifications.smtpHost' },
        });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/settings/sla',
      access: agent,
      summary: 'The SLA policies (targets per priority, channel and tier, warning and breach actions) and their business-hours calendars; read-only, from the file of sla.policiesFile or the built-in defaults (`source` says which).',
      handler: (c) => c.json({ editable: false, source: deps.sla.source, file: deps.sla.file, configPath: 'sla.policiesFile', calendars: deps.sla.settings.calendars, policies: deps.sla.settings.policies }),
    }),
  ];
}
