import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { staffRoles, type Role } from '../../auth/index.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';

/**
 * Routes anyone may call. Adding a public route means adding it here on purpose; any other route
 * must refuse anonymous callers (401) and callers whose role it does not list (403).
 */
const publicAllowlist = new Set([
  'GET /healthz',
  'GET /',
  'POST /api/auth/login',
  'GET /api/openapi.json',
  // Public status page and its Statuspage-compatible JSON and feeds.
  'GET /status',
  'GET /api/v2/summary.json',
  'GET /api/v2/status.json',
  'GET /api/v2/components.json',
  'GET /api/v2/incidents.json',
  'GET /api/v2/incidents/unresolved.json',
  'GET /api/v2/scheduled-maintenances.json',
  'GET /api/v2/scheduled-maintenances/upcoming.json',
  'GET /api/v2/scheduled-maintenances/active.json',
  'GET /history.rss',
  'GET /history.atom',
  'POST /api/status/subscribers',
  'GET /api/status/subscribers/confirm',
  'GET /api/status/subscribers/unsubscribe',
  'POST /api/status/subscribers/unsubscribe',
  // Payment provider webhooks: HMAC-signed (payments.webhookSecrets), 401 without a valid signature.
  'POST /api/payments/webhooks/:provider',
  // Community bot relays: HMAC-signed (community.webhookSecret), 401 without a valid signature.
  'POST /api/community/hooks/:id',
]);

let t: TestApp;
const tokens = new Map<Role, string>();
before(async () => {
  t = await openTestApp();
  for (const role of [...staffRoles, 'ingest'] as const) tokens.set(role, await t.tokenFor(role));
});
after(async () => t.close());

function concrete(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, 'x').replace(/\*$/, 'x');
}

test('every route declares its access, and only allowlisted routes are public', () => {
  assert.ok(t.routes.length >= 10);
  for (const r of t.routes) {
    const key = `${r.method} ${r.path}`;
    if ('public' in r.access) {
      assert.ok(publicAllowlist.has(key) || key.startsWith('GET /assets/') || key.startsWith('GET /status/'), `${key} is public but not in the allowlist`);
      assert.ok(r.access.reason.length > 10, `${key} must say why it is public`);
    } else {
      assert.ok(r.access.roles.length > 0, `${key} lists no roles`);
    }
  }
});

test('behavior: anonymous calls to non-public routes get 401', async () => {
  for (const r of t.routes) {
    if ('public' in r.access) continue;
    const res = await t.request(concrete(r.path), { method: r.method, headers: { 'content-type': 'application/json' }, ...(r.method === 'GET' ? {} : { body: '{}' }) });
    assert.equal(res.status, 401, `${r.method} ${r.path} answered ${res.status} to an anonymous caller`);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  }
});

test('behavior: a role the route does not list gets 403', async () => {
  let checked = 0;
  for (const r of t.routes) {
    if ('public' in r.access) continue;
    const allowed = r.access.roles;
    for (const role of [...staffRoles, 'ingest'] as const) {
      if (allowed.includes(role)) continue;
      const res = await t.request(concrete(r.path), {
        method: r.method,
        headers: { authorization: `Bearer ${tokens.get(role)}`, 'content-type': 'application/json' },
        ...(r.method === 'GET' ? {} : { body: '{}' }),
      });
      assert.equal(res.status, 403, `${r.method} ${r.path} answered ${res.status} to role ${role}`);
      checked++;
    }
  }
  assert.ok(checked > 0);
});

test('error: a revoked or unknown token is refused', async () => {
  const res = await t.request('/api/users', { headers: { authorization: 'Bearer ods_not-a-real-token' } });
  assert.equal(res.status, 401);
});

test('behavior: the push-only ingest role may POST intake and telemetry, and read only who it is and /metrics', () => {
  const readsAllowed = new Set(['GET /api/auth/me', 'GET /metrics']);
  const ingestRoutes = t.routes.filter((r) => !('public' in r.access) && r.access.roles.includes('ingest')).map((r) => `${r.method} ${r.path}`);
  for (const key of ingestRoutes) assert.ok(key.startsWith('POST ') || readsAllowed.has(key), `ingest may call ${key}, which is not a push`);
  for (const intake of ['POST /api/tickets', 'POST /api/tickets/inbound/email', 'POST /api/tickets/inbound/chat', 'POST /v1/logs']) assert.ok(ingestRoutes.includes(intake), `ingest may not call ${intake}`);
  for (const read of ['GET /api/tickets', 'GET /api/tickets/:id']) assert.ok(!ingestRoutes.includes(read), `ingest may call ${read}`);
});
