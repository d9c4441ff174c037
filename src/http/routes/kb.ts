import { z } from 'zod';
import { DraftRequest } from '../../assist/index.ts';
import { atLeast, writeAudit } from '../../auth/index.ts';
import { ValidationError } from '../../core/index.ts';
import { ArticleUpdate, DeflectionEvent, DeflectionRequest } from '../../kb/index.ts';
import { redactText } from '../../redaction/index.ts';
import type { HttpDeps } from '../deps.ts';
import { parseWith, readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const read = { roles: atLeast('agent') } as const;
/** Reading the published knowledge base: any staff role, viewers included. */
const look = { roles: atLeast('viewer') } as const;
const edit = { roles: atLeast('engineer') } as const;

const list = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(100)).max(max));

const SearchQuery = z.object({
  q: z.string().min(1).max(4000),
  chains: list(10).optional(),
  codes: list(20).optional(),
  locale: z.string().min(2).max(10).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
  audience: z.enum(['internal', 'public']).optional(),
});
const ListQuery = z.object({ audience: z.enum(['internal', 'public']).optional(), category: z.string().max(60).optional(), chain: z.string().max(40).optional() });
const AuditQuery = z.object({ codes: list(2000).optional(), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });
const StatsQuery = z.object({ since: z.string().datetime({ offset: true }).optional(), abandonAfterHours: z.coerce.number().min(0).max(24 * 90).optional() });

/** Knowledge base: search, read, edit (writes the Markdown back), versions, audit and the help-form deflection. */
export function kbRoutes(deps: HttpDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/kb/search',
      access: look,
      summary: 'Search articles: q, chains and codes (comma-separated), locale, limit; [{ slug, title, score, why }] best first.',
      handler: async (c) => {
        const q = parseWith(SearchQuery, c.req.query(), 'search query');
        const kb = await deps.kb();
        const items = kb.search(q.q, { limit: q.limit ?? 10, ...(q.chains ? { chains: q.chains } : {}), ...(q.codes ? { findingCodes: q.codes } : {}), ...(q.locale ? { locale: q.locale } : {}), ...(q.audience ? { audience: q.audience } : {}) });
        return c.json({ items });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/kb/articles',
      access: look,
      summary: 'List articles (front matter and version); filter by audience, category, chain.',
      handler: async (c) => {
        const q = parseWith(ListQuery, c.req.query(), 'article filter');
        const kb = await deps.kb();
        return c.json({ items: kb.listArticles({ ...(q.audience ? { audience: q.audience } : {}), ...(q.category ? { category: q.category } : {}), ...(q.chain ? { chain: q.chain } : {}) }) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/kb/articles/:slug',
      access: look,
      summary: 'One article: front matter, body, replies per locale, internal diagnosis, version.',
      handler: async (c) => {
        const kb = await deps.kb();
        const a = kb.getArticle(c.req.param('slug') ?? '');
        await kb.recordUsage([a.slug], 'view');
        return c.json(a);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/kb/articles/:slug/versions',
      access: look,
      summary: 'The version history of an article, newest first, with the full Markdown of each version.',
      handler: async (c) => c.json({ items: await (await deps.kb()).listVersions(c.req.param('slug') ?? '') }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/kb/articles/:slug',
      access: edit,
      summary: 'Edit (or create) an article; stores a new version and writes kb/<slug>.md. expectedVersion guards against lost updates (409).',
      handler: async (c) => {
        const slug = c.req.param('slug') ?? '';
        const body = await readJson(c, ArticleUpdate);
        const text = Object.values(body).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string').join('\n');
        const kinds = [...new Set(redactText(text).redactions.map((r) => r.kind))];
        if (kinds.length) throw new ValidationError('The article contains what looks like a secret.', { metaMessages: [`Found: ${kinds.join(', ')}.`, 'Articles are published; replace the example with a placeholder such as "<your 12 words>" (never a real phrase, key or card number).'], context: { kinds } });
        const p = principalOf(c);
        const kb = await deps.kb();
        const existed = Boolean(kb.findArticle(slug));
        const a = await kb.updateArticle(slug, body, p.userId ?? p.id);
        await writeAudit(deps.store.db, p, { action: existed ? 'kb.article.update' : 'kb.article.create', targetType: 'kb_article', targetId: slug, requestId: c.get('requestId') ?? null, detail: { version: a.version, fields: Object.keys(body) } }, deps.clock);
        return c.json(a, existed ? 200 : 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/kb/audit',
      access: read,
      summary: 'Audit: past review date, broken links, duplicates, never used, finding codes without an article (codes=…), missing replies.',
      handler: async (c) => {
        const q = parseWith(AuditQuery, c.req.query(), 'audit query');
        return c.json(await (await deps.kb()).audit({ ...(q.codes ? { knownCodes: q.codes } : {}), ...(q.today ? { today: q.today } : {}) }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/kb/deflection/suggest',
      access: read,
      summary: 'Help form, before a ticket exists: suggests public articles (with the reply in the user’s locale) and opens a deflection session. The text is not stored.',
      handler: async (c) => {
        const body = await readJson(c, DeflectionRequest);
        return c.json(await (await deps.kb()).suggest(body), 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/kb/deflection/:id/events',
      access: read,
      summary: 'Records what the user did after the suggestions: { type: "opened", slug } | { type: "resolved" } | { type: "submitted", ticketId? }.',
      handler: async (c) => {
        const body = await readJson(c, DeflectionEvent);
        return c.json(await (await deps.kb()).recordDeflection(c.req.param('id') ?? '', body));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/kb/draft',
      access: read,
      summary: 'Optional (assist.enabled): a reply draft from the configured language model, grounded in and citing KB articles; text is redacted before it is sent; drafts asking for secrets are refused (400). 503 when assist is off.',
      handler: async (c) => {
        const body = await readJson(c, DraftRequest);
        return c.json(await deps.draft(body));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/kb/deflection/stats',
      access: read,
      summary: 'Deflection rate overall, per article and per category (definition in the answer and docs/kb.md).',
      handler: async (c) => {
        const q = parseWith(StatsQuery, c.req.query(), 'stats query');
        return c.json(await (await deps.kb()).deflectionStats({ ...(q.since ? { since: q.since } : {}), ...(q.abandonAfterHours !== undefined ? { abandonAfterHours: q.abandonAfterHours } : {}) }));
      },
    }),
  ];
}
