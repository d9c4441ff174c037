import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

const secret = 'community-hook-secret-0123456789';
let t: TestApp;
let engineer: string;
let agent: string;
before(async () => {
  t = await openTestApp({ config: { community: { webhookSecret: secret, brandNames: ['OpsDesk Wallet'], officialDomains: ['opsdeskwallet.com'] } } });
  engineer = await t.tokenFor('engineer');
  agent = await t.tokenFor('agent');
});
after(async () => t.close());

const json = (token: string, body: unknown) => ({ method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a signed bot relay and an API-token webhook both store posts, once', async () => {
  const created = await t.request('/api/community/sources', json(engineer, { kind: 'discord-bot', name: 'discord' }));
  assert.equal(created.status, 201);
  const source = (await created.json()) as { id: string };
  const body = JSON.stringify({ id: '555', channel_id: '9', guild_id: '1', content: 'Wallet Support here: sync your wallet at https://opsdesk-wallet-sync.top/connect', timestamp: '2026-11-27T08:00:00Z', author: { id: '42', username: 'opsdesk_support' } });
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const signed = await t.request(`/api/community/hooks/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-opsdesk-signature': signature }, body });
  assert.equal(signed.status, 200);
  assert.deepEqual(((await signed.json()) as { inserted: number }).inserted, 1);
  const again = await t.request(`/api/community/webhooks/${source.id}`, { method: 'POST', headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' }, body });
  assert.equal(again.status, 200);
  assert.deepEqual(((await again.json()) as { duplicates: number }).duplicates, 1);
  const scams = await t.request('/api/community/scams?status=open', { headers: { authorization: `Bearer ${agent}` } });
  const items = ((await scams.json()) as { items: Array<{ id: string; kind: string }> }).items;
  assert.deepEqual(items.map((s) => s.kind).sort(), ['impersonation', 'phishing_link', 'wallet_lure']);
  const verdict = await t.request(`/api/community/scams/${items[0]!.id}`, { ...json(agent, { status: 'confirmed' }), method: 'PATCH' });
  assert.equal(verdict.status, 200);
  const open = await t.request('/api/community/scams?status=open', { headers: { authorization: `Bearer ${agent}` } });
  assert.equal(((await open.json()) as { items: unknown[] }).items.length, 2);
  const missing = await t.request('/api/community/scams/cscm_nope', { ...json(agent, { status: 'dismissed' }), method: 'PATCH' });
  assert.equal(missing.status, 404);
  const report = await t.request('/api/community/report?days=30', { headers: { authorization: `Bearer ${agent}` } });
  assert.equal(report.status, 200);
});

test('error: a relay with a wrong signature is refused with 401', async () => {
  const created = await t.request('/api/community/sources', json(engineer, { kind: 'webhook', name: 'relay' }));
  const source = (await created.json()) as { id: string };
  const res = await t.request(`/api/community/hooks/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-opsdesk-signature': `sha256=${'0'.repeat(64)}` }, body: '{"id":"1","author":"a","text":"hi","postedAt":"2026-11-27T08:00:00Z"}' });
  assert.equal(res.status, 401);
});

test('error: an unknown source kind is a 400 and an agent cannot add sources', async () => {
  assert.equal((await t.request('/api/community/sources', json(engineer, { kind: 'myspace', name: 'x' }))).status, 400);
  assert.equal((await t.request('/api/community/sources', json(agent, { kind: 'webhook', name: 'y' }))).status, 403);
});
