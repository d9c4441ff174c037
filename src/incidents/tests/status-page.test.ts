import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { loadConfig, silentLogger } from '../../core/index.ts';
import { startServer } from '../../main.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { startReceivers, type Receivers } from '../../../test/receivers.ts';
import { tempDir } from '../../../test/tmp.ts';

// The documented Statuspage v2 shapes (/work/shared/reference/statuspage-api.md), strict where the doc is.
const iso = z.iso.datetime({ offset: true });
const Page = z.object({ id: z.string(), name: z.string(), url: z.string().url(), time_zone: z.string(), updated_at: iso });
const Status = z.object({ indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']), description: z.string().min(1) });
const componentStatus = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
const Component = z.object({
  id: z.string(),
  name: z.string(),
  status: componentStatus,
  description: z.string().nullable(),
  position: z.number().int(),
  group: z.boolean(),
  group_id: z.string().nullable(),
  components: z.array(z.string()).optional(),
  only_show_if_degraded: z.boolean(),
  showcase: z.boolean(),
  start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  created_at: iso,
  updated_at: iso,
  page_id: z.string(),
});
const IncidentUpdate = z.object({
  id: z.string(),
  incident_id: z.string(),
  status: z.string(),
  body: z.string().min(1),
  created_at: iso,
  updated_at: iso,
  display_at: iso,
  affected_components: z.array(z.object({ code: z.string(), name: z.string(), old_status: componentStatus, new_status: componentStatus })),
  deliver_notifications: z.boolean(),
});
const incidentFields = {
  id: z.string(),
  name: z.string(),
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  shortlink: z.string().url(),
  created_at: iso,
  updated_at: iso,
  started_at: iso,
  monitoring_at: iso.nullable(),
  resolved_at: iso.nullable(),
  page_id: z.string(),
  components: z.array(Component),
  incident_updates: z.array(IncidentUpdate),
};
const Incident = z.object({ ...incidentFields, status: z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']) });
const Maintenance = z.object({ ...incidentFields, status: z.enum(['scheduled', 'in_progress', 'verifying', 'completed']), scheduled_for: iso, scheduled_until: iso });
const docs = {
  '/api/v2/summary.json': z.object({ page: Page, status: Status, components: z.array(Component), incidents: z.array(Incident), scheduled_maintenances: z.array(Maintenance) }),
  '/api/v2/status.json': z.object({ page: Page, status: Status }),
  '/api/v2/components.json': z.object({ page: Page, components: z.array(Component) }),
  '/api/v2/incidents.json': z.object({ page: Page, incidents: z.array(Incident) }),
  '/api/v2/incidents/unresolved.json': z.object({ page: Page, incidents: z.array(Incident) }),
  '/api/v2/scheduled-maintenances.json': z.object({ page: Page, scheduled_maintenances: z.array(Maintenance) }),
  '/api/v2/scheduled-maintenances/upcoming.json': z.object({ page: Page, scheduled_maintenances: z.array(Maintenance) }),
  '/api/v2/scheduled-maintenances/active.json': z.object({ page: Page, scheduled_maintenances: z.array(Maintenance) }),
} as const;

const publicUrl = 'http://status.wallet.test';

async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return JSON.parse(text) as T;
}

function api(t: TestApp, token: string) {
  return async (method: string, path: string, body?: unknown) =>
    t.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const pathOf = (url: string) => url.replace(publicUrl, '');

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`status page over HTTP [${engine}]`, () => {
    let t: TestApp;
    let rx: Receivers;
    before(async () => {
      rx = await startReceivers();
      t = await openTestApp({ engine, config: { server: { publicUrl }, notifications: { smtpHost: '127.0.0.1', smtpPort: rx.smtpPort, from: 'Wallet Status <status@wallet.test>' } } });
    });
    after(async () => {
      await t.close();
      await rx.stop();
    });

    test('declare from an alert, post updates, and read them as Statuspage JSON, a confirmed e-mail and a signed webhook', async () => {
      const call = api(t, await t.tokenFor('engineer'));
      const group = await json<{ id: string }>(await call('POST', '/api/status/components', { name: 'Wallet', group: true }), 201);
      const swaps = await json<{ id: string }>(await call('POST', '/api/status/components', { name: 'Swaps', groupId: group.id }), 201);
      await json(await call('POST', '/api/status/components', { name: 'Send and receive', groupId: group.id }), 201);

      const sub = await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'Maria@Example.test', lang: 'es' }) });
      assert.equal(sub.status, 202);
      assert.equal(rx.mails.length, 1);
      const confirmMail = rx.mails[0]!;
      assert.equal(confirmMail.subject, 'Confirma tu suscripción a Wallet Status');
      const confirmLink = /http\S+\/api\/status\/subscribers\/confirm\?token=\S+/.exec(confirmMail.text ?? '')?.[0];
      assert.ok(confirmLink, 'no confirmation link in the e-mail');
      const confirmed = await t.request(pathOf(confirmLink));
      assert.equal(confirmed.status, 200);
      assert.match(await confirmed.text(), /suscripción está confirmada/);
      assert.equal((await t.request(pathOf(confirmLink))).status, 400, 'a confirmation link works once');

      const webhook = await json<{ subscriber: { id: string }; signingKey: string }>(await call('POST', '/api/status/webhooks', { url: `${rx.url}/hooks/status`, lang: 'pt-BR' }), 201);

      const alert = { id: 'alt_swap_5xx', fingerprint: 'fp1', title: 'Swap quotes failing', severity: 'critical', series: 'swap_quote_errors', status: 'firing' };
      const incident = await json<{ id: string; severity: string }>(await call('POST', '/api/incidents/from-alert', { alert }), 201);
      assert.equal(incident.severity, 'SEV1');
      const posted = await json<{ notifications: { emails: number; webhooks: number; failed: unknown[] } }>(
        await call('POST', `/api/incidents/${incident.id}/updates`, { status: 'investigating', components: [{ id: swaps.id, status: 'major_outage' }], workaround: 'Swap on the web app.', nextUpdateAt: '2030-01-01T12:00:00Z' }),
        201,
      );
      assert.deepEqual(posted.notifications, { emails: 1, webhooks: 1, failed: [] });

      const mail = rx.mails[1]!;
      assert.equal((mail.to as { text: string }).text, 'maria@example.test');
      assert.equal(mail.subject, '[Wallet Status] Investigando: Swap quotes failing');
      assert.match(mail.text ?? '', /Estamos investigando reportes de problemas con Swaps\./);
      assert.match(mail.text ?? '', /Solución temporal: Swap on the web app\./);
      const rawHeader = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ') ?? '';
      const unsubscribeUrl = /<(http[^>]+)>/.exec(rawHeader('list-unsubscribe'))?.[1];
      assert.ok(unsubscribeUrl, 'no List-Unsubscribe URL');
      assert.equal(rawHeader('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      assert.equal(rx.hooks.length, 1);
      const hook = rx.hooks[0]!;
      const [tPart, vPart] = String(hook.headers['x-opsdesk-signature']).split(',');
      const ts = tPart!.replace('t=', '');
      assert.equal(vPart, `v1=${createHmac('sha256', webhook.signingKey).update(`${ts}.${hook.raw}`).digest('hex')}`, 'webhook signature does not verify');
      const payload = JSON.parse(hook.raw) as { page: { status_indicator: string }; incident: unknown; meta: { event: string } };
      assert.equal(payload.meta.event, 'incident.update');
      assert.equal(payload.page.status_indicator, 'critical');
      const hookIncident = Incident.parse(payload.incident);
      assert.match(hookIncident.incident_updates[0]!.body, /Estamos investigando relatos de problemas com Swaps/);

      for (const [path, schema] of Object.entries(docs)) {
        const res = await t.request(path);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        const parsed = schema.safeParse(await json(res, 200));
        assert.ok(parsed.success, `${path}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      }
      const summary = docs['/api/v2/summary.json'].parse(await json(await t.request('/api/v2/summary.json'), 200));
      assert.deepEqual(summary.status, { indicator: 'critical', description: 'Major Service Outage' });
      assert.equal(summary.incidents.length, 1);
      assert.deepEqual(summary.components.find((c) => c.id === group.id)?.components?.length, 2);
      assert.equal(summary.components.find((c) => c.id === swaps.id)?.status, 'major_outage');

      const page = await t.request('/status');
      const html = await page.text();
      assert.equal(page.status, 200);
      assert.ok(!html.includes('<script'), 'the status page must work without JavaScript');
      assert.match(html, /<html lang="en">/);
      assert.match(html, /Major Service Outage/);
      assert.match(html, /Swap quotes failing/);
      assert.match(html, /role="img" aria-label="[\d.]+% uptime over the last 90 days"/);

      await json(await call('POST', `/api/incidents/${incident.id}/resolve`, {}), 200);
      const unresolved = docs['/api/v2/incidents/unresolved.json'].parse(await json(await t.request('/api/v2/incidents/unresolved.json'), 200));
      assert.equal(unresolved.incidents.length, 0);
      const all = docs['/api/v2/incidents.json'].parse(await json(await t.request('/api/v2/incidents.json'), 200));
      assert.deepEqual(all.incidents[0]!.incident_updates.map((u) => u.status), ['resolved', 'investigating']);
      assert.equal(all.incidents[0]!.resolved_at !== null, true);
      assert.equal((await json<{ status: { indicator: string } }>(await t.request('/api/v2/status.json'), 200)).status.indicator, 'none');
      assert.equal(rx.mails.length, 3);

      const rss = await (await t.request('/history.rss')).text();
      assert.match(rss, /<rss version="2.0"/);
      assert.match(rss, /Swap quotes failing — Resolved/);
      const atom = await (await t.request('/history.atom?lang=es')).text();
      assert.match(atom, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="es">/);
      assert.match(atom, /Swap quotes failing — Resuelto/);

      const confirmPage = await t.request(pathOf(unsubscribeUrl));
      assert.equal(confirmPage.status, 200, 'GET only shows the unsubscribe button');
      const oneClick = await t.request(pathOf(unsubscribeUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(oneClick.status, 200);
      const second = await json<{ id: string }>(await call('POST', '/api/incidents', { title: 'Sends delayed on Tron', severity: 'SEV3' }), 201);
      const posted2 = await json<{ notifications: { emails: number; webhooks: number } }>(await call('POST', `/api/incidents/${second.id}/updates`, { status: 'investigating' }), 201);
      assert.deepEqual([posted2.notifications.emails, posted2.notifications.webhooks], [0, 1]);
      assert.equal(rx.mails.length, 3, 'an unsubscribed address got mail');
    });

    test('behavior: the HTML form subscribes to the chosen components in the chosen language', async () => {
      const call = api(t, await t.tokenFor('engineer'));
      const card = await json<{ id: string }>(await call('POST', '/api/status/components', { name: 'Card' }), 201);
      const buy = await json<{ id: string }>(await call('POST', '/api/status/components', { name: 'Buy crypto' }), 201);
      const page = await (await t.request('/status')).text();
      assert.match(page, new RegExp(`<input type="checkbox" name="componentIds" value="${card.id}">`));
      const before = rx.mails.length;
      const form = new URLSearchParams([['email', 'joao@example.test'], ['lang', 'pt-BR'], ['componentIds', card.id], ['componentIds', buy.id]]);
      const res = await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: form.toString() });
      assert.equal(res.status, 202);
      assert.match(await res.text(), /Confira seu e-mail/);
      assert.equal(rx.mails.length, before + 1);
      assert.equal(rx.mails.at(-1)!.subject, 'Confirme sua inscrição em Wallet Status');
      const subs = await json<{ items: { email: string | null; componentIds: string[]; confirmed: boolean; lang: string }[] }>(await call('GET', '/api/status/subscribers'), 200);
      const joao = subs.items.find((x) => x.email === 'joao@example.test');
      assert.deepEqual(joao && { componentIds: [...joao.componentIds].sort(), confirmed: joao.confirmed, lang: joao.lang }, { componentIds: [card.id, buy.id].sort(), confirmed: false, lang: 'pt-BR' });
      const bad = await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=not-an-address' });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /text\/html/);
    });
  });
}

describe('status page over HTTP: privacy, language, limits', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ config: { server: { publicUrl }, statusPage: { requestsPerMinute: 1000 } } });
  });
  after(async () => t.close());

  test('behavior: public responses never show internal notes, ticket content or requester data', async () => {
    const call = api(t, await t.tokenFor('engineer'));
    const comp = await json<{ id: string }>(await call('POST', '/api/status/components', { name: 'Card' }), 201);
    const inc = await json<{ id: string }>(
      await call('POST', '/api/incidents', {
        title: 'Card payments declined',
        severity: 'SEV2',
        summary: 'PLANTED-INTERNAL-SUMMARY from requester jane.doe@requester.test',
        roles: { commander: 'usr_PLANTED_COMMANDER', scribe: 'usr_PLANTED_SCRIBE' },
        links: [{ kind: 'ticket', id: 'tkt_PLANTED_TICKET' }, { kind: 'signal', id: 'sig_PLANTED_SIGNAL' }],
        usersAffected: 987654,
      }),
      201,
    );
    await call('POST', `/api/incidents/${inc.id}/notes`, { text: 'PLANTED-NOTE: requester wrote "my card 4111 is blocked", phone +55 11 99999-0000' });
    await call('POST', `/api/incidents/${inc.id}/providers`, { provider: 'PLANTED-PROVIDER', direction: 'reported', text: 'PLANTED-PROVIDER-TEXT', reference: 'PLANTED-REF' });
    await json(await call('POST', `/api/incidents/${inc.id}/updates`, { status: 'identified', components: [{ id: comp.id, status: 'partial_outage' }] }), 201);
    await json(await call('POST', '/api/incidents', { title: 'PLANTED-UNPUBLISHED-TITLE', severity: 'SEV1' }), 201);
    await json(await call('POST', '/api/status/webhooks', { url: 'https://hooks.requester.test/PLANTED-HOOK' }), 201);
    const markers = ['PLANTED', 'jane.doe', 'requester.test', '987654', '4111', '99999-0000'];
    const publicGets = t.routes.filter((r) => 'public' in r.access && r.method === 'GET').map((r) => r.path.replace(':id', inc.id));
    assert.ok(publicGets.length >= 12);
    let scanned = 0;
    for (const path of publicGets) {
      for (const lang of ['en', 'es', 'pt-BR']) {
        const res = await t.request(`${path}?lang=${lang}`);
        const body = await res.text();
        for (const m of markers) assert.ok(!body.includes(m), `${path}?lang=${lang} leaks ${m}`);
        scanned++;
      }
    }
    assert.ok(scanned >= 36);
    const detail = await json<{ incident: { summary: string } }>(await call('GET', `/api/incidents/${inc.id}`), 200);
    assert.match(detail.incident.summary, /PLANTED-INTERNAL-SUMMARY/, 'staff still see the internal summary');
  });

  test('behavior: the language follows ?lang= first, then Accept-Language', async () => {
    const es = await (await t.request('/status?lang=es')).text();
    assert.match(es, /<html lang="es">/);
    assert.match(es, /Componentes/);
    const pt = await (await t.request('/status', { headers: { 'accept-language': 'fr;q=1, pt-BR;q=0.9, en;q=0.5' } })).text();
    assert.match(pt, /<html lang="pt-BR">/);
    const forced = await (await t.request('/status?lang=en', { headers: { 'accept-language': 'es' } })).text();
    assert.match(forced, /<html lang="en">/);
    const summary = await json<{ status: { description: string } }>(await t.request('/api/v2/status.json', { headers: { 'accept-language': 'es-MX' } }), 200);
    assert.ok(['Todos los sistemas operativos', 'Interrupción parcial del sistema', 'Interrupción mayor del servicio', 'Interrupción menor del servicio'].includes(summary.status.description));
  });

  test('error: an update asking users to verify their wallet is refused with 400 and nothing is published', async () => {
    const call = api(t, await t.tokenFor('engineer'));
    const inc = await json<{ id: string }>(await call('POST', '/api/incidents', { title: 'Balances missing', severity: 'SEV2' }), 201);
    const res = await call('POST', `/api/incidents/${inc.id}/updates`, { status: 'investigating', text: { en: 'Verify your wallet by entering your seed phrase at https://wallet-verify.example.com' } });
    const problem = await json<{ code: string; hints: string[] }>(res, 400);
    assert.equal(problem.code, 'VALIDATION');
    assert.ok(problem.hints.some((h) => h.includes('wallet-verify.example.com')));
    const page = await json<{ incidents: { id: string }[] }>(await t.request('/api/v2/incidents.json'), 200);
    assert.ok(!page.incidents.some((i) => i.id === inc.id));
  });

  test('error: e-mail subscriptions without SMTP answer 503; a bad confirmation or unsubscribe link is refused', async () => {
    const res = await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.test' }) });
    assert.equal((await json<{ code: string }>(res, 503)).code, 'UNAVAILABLE');
    assert.equal((await t.request('/api/status/subscribers/confirm?token=nope')).status, 400);
    assert.equal((await t.request('/api/status/subscribers/unsubscribe?id=sub_x&token=forged', { method: 'POST' })).status, 400);
  });
});

describe('status page over HTTP: rate limits', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ config: { statusPage: { requestsPerMinute: 3, subscribesPerHour: 2 } } });
  });
  after(async () => t.close());

  test('error: public routes answer 429 with Retry-After past the per-IP limit', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await t.request('/api/v2/status.json')).status, 200);
    const limited = await t.request('/api/v2/summary.json');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    for (let i = 0; i < 2; i++) await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.test"}' });
    assert.equal((await t.request('/api/status/subscribers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.test"}' })).status, 429);
  });
});

describe('status page on a real server', () => {
  test('behavior: the rate limit counts per client IP (X-Forwarded-For behind a trusted proxy)', async () => {
    const tmp = tempDir('opsdesk-status-srv-');
    const config = loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir, server: { host: '127.0.0.1', port: 0, trustProxy: true }, statusPage: { requestsPerMinute: 2 }, log: { level: 'silent' } } });
    const started = await startServer(config, { logger: silentLogger, announce: () => undefined });
    try {
      const get = (ip: string) => fetch(`${started.url}/api/v2/status.json`, { headers: { 'x-forwarded-for': ip } });
      assert.equal((await get('203.0.113.1')).status, 200);
      assert.equal((await get('203.0.113.1')).status, 200);
      assert.equal((await get('203.0.113.1')).status, 429);
      assert.equal((await get('203.0.113.2')).status, 200, 'another client is not limited');
      const page = await fetch(`${started.url}/status`, { headers: { 'x-forwarded-for': '203.0.113.3' } });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    } finally {
      await started.stop();
      tmp.remove();
    }
  });
});
