import type { Context } from 'hono';
import { z } from 'zod';
import { FailureLimiter } from '../../auth/index.ts';
import { RateLimitedError } from '../../core/index.ts';
import { Lang, type SpDocument, type SpStatus } from '../../incidents/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { statusIncidentHtml, statusMessageHtml, statusPageHtml } from '../pages/status-page.ts';
import { statusStrings } from '../pages/status-strings.ts';
import { parseWith } from '../read-json.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const jsonDocs: readonly SpDocument[] = ['summary', 'status', 'components', 'incidents', 'incidents/unresolved', 'scheduled-maintenances', 'scheduled-maintenances/upcoming', 'scheduled-maintenances/active'];
const publicReason = 'the public status page: users and Statuspage-compatible tools read it without an account; shows published updates only; rate limited per IP';
const subscribeReason = 'status page visitors subscribe and unsubscribe without an account (double opt-in, signed links); rate limited per IP';

const SubscribeBody = z.object({ email: z.string().max(320), lang: z.string().max(10).optional(), componentIds: z.union([z.array(z.string()), z.string()]).optional() });

/** Picks the language: `?lang=`, else the best Accept-Language match, else the page default. */
export function pickLang(c: Context<AppEnv>, fallback: Lang): Lang {
  const asked = c.req.query('lang');
  const direct = asked ? normalise(asked) : undefined;
  if (direct) return direct;
  const header = c.req.header('accept-language') ?? '';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag?.trim() ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const l = normalise(r.tag);
    if (l) return l;
  }
  return fallback;
}

function normalise(tag: string): Lang | undefined {
  const t = tag.toLowerCase();
  if (t === 'pt-br' || t.startsWith('pt')) return 'pt-BR';
  if (t.startsWith('es')) return 'es';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The public status page, its Statuspage-compatible JSON, feeds, and the subscribe flow. */
export function statusPageRoutes(deps: HttpDeps): RouteDef[] {
  const svc = deps.incidents;
  const cfg = deps.config.statusPage;
  const reads = new FailureLimiter(cfg.requestsPerMinute, 60_000, deps.clock);
  const subscribes = new FailureLimiter(cfg.subscribesPerHour, 3_600_000, deps.clock);
  const limit = (c: Context<AppEnv>, limiter: FailureLimiter) => {
    const key = clientIp(c, deps.config.server.trustProxy);
    const wait = limiter.retryAfterSec(key);
    if (wait > 0) throw new RateLimitedError('Too many requests from this address; try again shortly.', wait);
    limiter.fail(key);
  };
  const publicHeaders = (c: Context<AppEnv>) => {
    c.header('cache-control', 'public, max-age=30');
    c.header('vary', 'Accept-Language');
    c.header('access-control-allow-origin', '*');
    c.header('x-content-type-options', 'nosniff');
  };
  const html = (c: Context<AppEnv>, body: string, status: 200 | 202 | 400 | 404 = 200) => {
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    c.header('x-content-type-options', 'nosniff');
    return c.html(body, status);
  };
  const wantsHtml = (c: Context<AppEnv>) => !(c.req.header('content-type') ?? '').includes('application/json') && (c.req.header('accept') ?? '').includes('text/html');

  const routes: RouteDef[] = jsonDocs.map((doc) =>
    defineRoute({
      method: 'GET',
      path: `/api/v2/${doc}.json`,
      access: { public: true, reason: publicReason },
      summary: `Statuspage-compatible ${doc}.json.`,
      handler: async (c) => {
        limit(c, reads);
        publicHeaders(c);
        return c.json(await svc.statuspage(doc, pickLang(c, cfg.defaultLang)));
      },
    }),
  );

  routes.push(
    defineRoute({
      method: 'GET',
      path: '/status',
      access: { public: true, reason: publicReason },
      summary: 'The public status page (HTML, no JavaScript needed; ?lang=en|es|pt-BR).',
      handler: async (c) => {
        limit(c, reads);
        const lang = pickLang(c, cfg.defaultLang);
        const summary = (await svc.statuspage('summary', lang)) as { status: SpStatus; page: { updated_at: string } };
        const components = await svc.publicComponents();
        const since = new Date(deps.clock.nowMs() - 90 * 86_400_000).toISOString();
        const [active, maintenances, past, uptime] = await Promise.all([
          svc.publicIncidents({ kind: 'incident', statuses: ['investigating', 'identified', 'monitoring'] }),
          svc.publicIncidents({ kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] }),
          svc.publicIncidents({ kind: 'incident', statuses: ['resolved'], since, limit: 30 }),
          svc.uptime(components.filter((x) => !x.group).map((x) => x.id), 90),
        ]);
        publicHeaders(c);
        return html(c, statusPageHtml({ pageName: cfg.name, lang, status: summary.status, updatedAt: summary.page.updated_at, components, uptime, active, maintenances, past, selfPath: '/status' }));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/status/incidents/:id',
      access: { public: true, reason: publicReason },
      summary: 'One published incident or maintenance (the JSON `shortlink`).',
      handler: async (c) => {
        limit(c, reads);
        const lang = pickLang(c, cfg.defaultLang);
        const id = c.req.param('id') ?? '';
        const found = /^inc_[0-9a-z]{26}$/.test(id) ? await svc.publicIncident(id) : undefined;
        publicHeaders(c);
        return html(c, statusIncidentHtml(cfg.name, lang, `/status/incidents/${id}`, found), found ? 200 : 404);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/history.rss',
      access: { public: true, reason: publicReason },
      summary: 'RSS feed of incident and maintenance updates.',
      handler: async (c) => {
        limit(c, reads);
        publicHeaders(c);
        return c.body(await svc.historyRss(pickLang(c, cfg.defaultLang)), 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/history.atom',
      access: { public: true, reason: publicReason },
      summary: 'Atom feed of incident and maintenance updates.',
      handler: async (c) => {
        limit(c, reads);
        publicHeaders(c);
        return c.body(await svc.historyAtom(pickLang(c, cfg.defaultLang)), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/subscribers',
      access: { public: true, reason: subscribeReason },
      summary: 'Subscribe an e-mail address (JSON or form); a confirmation link is e-mailed (double opt-in).',
      handler: async (c) => {
        limit(c, subscribes);
        const isJson = (c.req.header('content-type') ?? '').includes('application/json');
        const raw: unknown = isJson ? await c.req.json().catch(() => ({})) : await c.req.parseBody({ all: true });
        const body = parseWith(SubscribeBody, raw, 'subscription');
        const lang = Lang.safeParse(body.lang).data ?? pickLang(c, cfg.defaultLang);
        const componentIds = body.componentIds === undefined ? [] : Array.isArray(body.componentIds) ? body.componentIds : [body.componentIds];
        try {
          await svc.subscribeEmail({ email: body.email, lang, componentIds });
        } catch (err) {
          if (isJson || (err as { code?: string }).code !== 'VALIDATION') throw err;
          return html(c, statusMessageHtml(cfg.name, lang, (err as Error & { shortMessage: string }).shortMessage), 400);
        }
        if (!isJson) return html(c, statusMessageHtml(cfg.name, lang, statusStrings[lang].checkInbox), 202);
        return c.json({ status: 'pending_confirmation' }, 202);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/status/subscribers/confirm',
      access: { public: true, reason: subscribeReason },
      summary: 'Confirm an e-mail subscription from the link in the confirmation e-mail.',
      handler: async (c) => {
        limit(c, subscribes);
        const lang = pickLang(c, cfg.defaultLang);
        try {
          const sub = await svc.confirmSubscription(c.req.query('token') ?? '');
          return html(c, statusMessageHtml(cfg.name, sub.lang, statusStrings[sub.lang].confirmed));
        } catch (err) {
          if ((err as { code?: string }).code !== 'VALIDATION') throw err;
          return html(c, statusMessageHtml(cfg.name, lang, statusStrings[lang].invalidLink), 400);
        }
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/status/subscribers/unsubscribe',
      access: { public: true, reason: subscribeReason },
      summary: 'Shows the unsubscribe confirmation (a GET never unsubscribes: mail scanners follow links).',
      handler: async (c) => {
        limit(c, reads);
        const lang = pickLang(c, cfg.defaultLang);
        const q = new URLSearchParams({ id: c.req.query('id') ?? '', token: c.req.query('token') ?? '', lang });
        return html(c, statusMessageHtml(cfg.name, lang, statusStrings[lang].unsubscribeQuestion, { action: `/api/status/subscribers/unsubscribe?${q}`, button: statusStrings[lang].unsubscribeButton }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/status/subscribers/unsubscribe',
      access: { public: true, reason: subscribeReason },
      summary: 'One-click unsubscribe (RFC 8058) with the signed link from any notification.',
      handler: async (c) => {
        limit(c, subscribes);
        const lang = pickLang(c, cfg.defaultLang);
        try {
          await svc.unsubscribe(c.req.query('id') ?? '', c.req.query('token') ?? '');
        } catch (err) {
          if ((err as { code?: string }).code !== 'VALIDATION') throw err;
          if (wantsHtml(c)) return html(c, statusMessageHtml(cfg.name, lang, statusStrings[lang].invalidLink), 400);
          throw err;
        }
        if (wantsHtml(c)) return html(c, statusMessageHtml(cfg.name, lang, statusStrings[lang].unsubscribed));
        return c.json({ status: 'unsubscribed' });
      },
    }),
  );
  return routes;
}

