import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp({ config: { auth: { loginAttemptsPerWindow: 3 } } });
});
after(async () => t.close());

test('signing in sets an httpOnly session cookie and a CSRF token', async () => {
  const { cookie, csrf } = await t.loginAs('agent');
  assert.match(cookie, /opsdesk_session=/);
  const me = await t.request('/api/auth/me', { headers: { cookie } });
  assert.equal(me.status, 200);
  const body = (await me.json()) as { role: string; csrfToken: string };
  assert.equal(body.role, 'agent');
  assert.equal(body.csrfToken, csrf);
});

test('behavior: unsafe requests with a cookie need the CSRF header; tokens do not', async () => {
  const { cookie, csrf } = await t.loginAs('admin');
  const create = (headers: Record<string, string>) =>
    t.request('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email: `u${Math.random()}@example.test`, role: 'viewer' }) });
  const noCsrf = await create({ cookie });
  assert.equal(noCsrf.status, 403);
  assert.match(((await noCsrf.json()) as { detail: string }).detail, /CSRF/);
  assert.equal((await create({ cookie, 'x-csrf-token': csrf })).status, 201);
  assert.equal((await create({ authorization: `Bearer ${await t.tokenFor('admin')}` })).status, 201);
});

test('behavior: logout ends the session', async () => {
  const { cookie, csrf } = await t.loginAs('viewer');
  assert.equal((await t.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } })).status, 204);
  assert.equal((await t.request('/api/auth/me', { headers: { cookie } })).status, 401);
});

test('behavior: every change writes an audit row', async () => {
  const token = await t.tokenFor('admin');
  const res = await t.request('/api/tokens', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'grafana', role: 'viewer' }) });
  assert.equal(res.status, 201);
  const created = (await res.json()) as { token: { id: string }; secret: string };
  const audit = await t.request(`/api/audit?targetType=api_token&targetId=${created.token.id}`, { headers: { authorization: `Bearer ${token}` } });
  const rows = ((await audit.json()) as { items: Array<{ action: string; detail: unknown }> }).items;
  assert.deepEqual(rows.map((r) => r.action), ['token.create']);
  assert.ok(!JSON.stringify(rows).includes(created.secret));
});

test('error: wrong passwords get 401, then 429 with Retry-After', async () => {
  const attempt = () => t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong' }) });
  for (let i = 0; i < 3; i++) assert.equal((await attempt()).status, 401);
  const limited = await attempt();
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
});

test('error: malformed bodies get a problem+json 400 naming the problem', async () => {
  const res = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
  assert.equal(res.status, 400);
  const p = (await res.json()) as { detail: string; requestId: string };
  assert.match(p.detail, /not valid JSON/);
  assert.ok(p.requestId);
  const missing = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.c"}' });
  assert.equal(missing.status, 400);
  assert.deepEqual(((await missing.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path), ['password']);
});

test('error: bodies over the size limit get 413', async () => {
  const res = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(6 * 1024 * 1024) });
  assert.equal(res.status, 413);
});

test('error: a malformed body is never quoted back, so a pasted secret cannot leak through the error', async () => {
  const seed = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
  for (const body of [seed, `{"email": "${seed}`, `{"email": "a@b.c", "password": x ${seed}}`]) {
    const res = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.doesNotMatch(text, /abandon|absurd|accident/, text);
  }
});
