import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import {
  addSource,
  communityReport,
  createCommunityDeps,
  detectBursts,
  getSource,
  ingestPosts,
  listBursts,
  listScams,
  listSources,
  parsePayload,
  pollSource,
  reviewScam,
  scamStatuses,
  verifyCommunitySignature,
  CommunitySourceInvalidError,
  SourceInput,
  type CommunityDeps,
  type Source,
} from '../../community/index.ts';
import type { HttpDeps } from '../deps.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const pushedKinds = new Set(['webhook', 'discord-bot', 'telegram-bot']);

/** Community signals: sources and their polling, imports, webhook receivers, bursts, scam reports and the report. */
export function communityRoutes(deps: HttpDeps): RouteDef[] {
  const read = { roles: atLeast('agent') } as const;
  const configure = { roles: atLeast('engineer') } as const;
  let built: Promise<CommunityDeps> | undefined;
  const community = (): Promise<CommunityDeps> =>
    (built ??= (async () => {
      const tickets = await deps.tickets().catch(() => undefined);
      return createCommunityDeps({ store: deps.store, clock: deps.clock, config: deps.config, monitor: deps.monitor, registry: deps.chains.registry, ...(tickets ? { triager: tickets.triager } : {}) });
    })()).catch((err: unknown) => {
      built = undefined;
      throw err;
    });
  const param = (c: { req: { param(name: string): string | undefined } }, name: string) => c.req.param(name) ?? '';
  const receive = async (source: Source, raw: string) => {
    if (!pushedKinds.has(source.kind)) throw new CommunitySourceInvalidError(`${source.kind} sources do not take webhooks; use a webhook, discord-bot or telegram-bot source`);
    // Telegram pushes one Update per request (setWebhook); the parser reads getUpdates answers.
    const text = source.kind === 'telegram-bot' ? `{"ok":true,"result":[${raw}]}` : raw;
    return ingestPosts(await community(), source, parsePayload(source.kind, text));
  };
  return [
    defineRoute({ method: 'GET', path: '/api/community/sources', access: read, summary: 'Community sources with their polling state (cursor, next poll, failures).', handler: async (c) => c.json({ items: await listSources({ store: deps.store }) }) }),
    defineRoute({
      method: 'POST',
      path: '/api/community/sources',
      access: configure,
      summary: 'Add a source: rss, discourse, reddit, telegram-bot (polled), telegram-export, discord-export, app-store, play-store (imported), discord-bot, webhook (pushed).',
      handler: async (c) => c.json(await addSource({ store: deps.store, clock: deps.clock }, await readJson(c, SourceInput)), 201),
    }),
    defineRoute({ method: 'POST', path: '/api/community/sources/:id/poll', access: configure, summary: 'Poll one source now (conditional request, pagination from its cursor, dedup).', handler: async (c) => c.json(await pollSource(await community(), param(c, 'id'))) }),
    defineRoute({
      method: 'POST',
      path: '/api/community/sources/:id/import',
      access: configure,
      summary: 'Import an export of the source kind (raw body: RSS/Atom XML, Telegram result.json, DiscordChatExporter JSON, store review CSV/JSON…); malformed entries are rejected and counted.',
      handler: async (c) => {
        const source = await getSource({ store: deps.store }, param(c, 'id'));
        return c.json(await ingestPosts(await community(), source, parsePayload(source.kind, await c.req.text())));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/community/webhooks/:id',
      access: { roles: [...atLeast('agent'), 'ingest'] },
      summary: 'Receive pushed posts for a webhook, discord-bot or telegram-bot source, authenticated with an API token (agent or the push-only ingest role).',
      handler: async (c) => c.json(await receive(await getSource({ store: deps.store }, param(c, 'id')), await c.req.text())),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/community/hooks/:id',
      access: { public: true, reason: 'bots and relays cannot hold an OpsDesk session; every request must carry x-opsdesk-signature = HMAC-SHA256 of the body with community.webhookSecret, else 401' },
      csrfExempt: true,
      summary: 'Receive pushed posts signed with HMAC-SHA256 (x-opsdesk-signature: sha256=<hex>) for a webhook, discord-bot or telegram-bot source.',
      handler: async (c) => {
        const raw = await c.req.text();
        verifyCommunitySignature(raw, c.req.header('x-opsdesk-signature'), deps.config.community.webhookSecret);
        return c.json(await receive(await getSource({ store: deps.store }, param(c, 'id')), raw));
      },
    }),
    defineRoute({ method: 'GET', path: '/api/community/bursts', access: read, summary: 'Topic bursts, newest first, with their links to tickets, alerts and incidents (since, topic, limit).', handler: async (c) => c.json({ items: await listBursts({ store: deps.store }, { ...queryOf(c.req.query()) }) }) }),
    defineRoute({ method: 'POST', path: '/api/community/bursts/detect', access: configure, summary: 'Look for bursts in the window ending now; an unexplained burst raises an early-warning alert.', handler: async (c) => c.json(await detectBursts(await community())) }),
    defineRoute({ method: 'GET', path: '/api/community/scams', access: read, summary: 'Suspected impersonators, phishing links, DM-support offers and wallet lures for moderators (status, kind, source, limit, before).', handler: async (c) => c.json(await listScams({ store: deps.store }, c.req.query())) }),
    defineRoute({
      method: 'PATCH',
      path: '/api/community/scams/:id',
      access: read,
      summary: 'A moderator’s verdict on a scam report: {"status": "confirmed" | "dismissed" | "open"}.',
      handler: async (c) => c.json(await reviewScam({ store: deps.store }, param(c, 'id'), (await readJson(c, ScamVerdict)).status)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/community/report',
      access: read,
      summary: 'Sentiment per channel and day, top complaints by distinct authors, bursts and open scam reports (days, default 7).',
      handler: async (c) => c.json(await communityReport({ store: deps.store, clock: deps.clock }, parseWith(ReportQuery, c.req.query(), 'report query'))),
    }),
  ];
}

const ScamVerdict = z.object({ status: z.enum(scamStatuses) });

const ReportQuery = z.object({ days: z.coerce.number().int().min(1).max(90).optional(), top: z.coerce.number().int().min(1).max(100).optional() }).transform((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as { days?: number; top?: number });

function queryOf(q: Record<string, string>): { since?: string; topic?: string; limit?: number } {
  const out: { since?: string; topic?: string; limit?: number } = {};
  if (q.since) out.since = q.since;
  if (q.topic) out.topic = q.topic;
  if (q.limit && Number.isFinite(Number(q.limit))) out.limit = Number(q.limit);
  return out;
}
