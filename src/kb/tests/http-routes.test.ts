import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { tempDir } from '../../../test/tmp.ts';

const starterDir = new URL('../../../kb/', import.meta.url).pathname;
let t: TestApp;
let kbDir: { dir: string; remove(): void };
let agent: string;
let engineer: string;

const json = (token: string, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

before(async () => {
  kbDir = tempDir('opsdesk-kb-http-');
  cpSync(starterDir, kbDir.dir, { recursive: true });
  t = await openTestApp({ config: { kb: { dir: kbDir.dir, watch: false } } });
  agent = await t.tokenFor('agent');
  engineer = await t.tokenFor('engineer');
});
after(async () => {
  await t.close();
  kbDir.remove();
});

test('GET /api/kb/search ranks articles for an agent, with finding-code and chain boosts', async () => {
  const res = await t.request('/api/kb/search?q=' + encodeURIComponent('usdt enviado pela rede errada') + '&chains=bsc&codes=evm.tx.found_on_other_chain&limit=3', json(agent, 'GET'));
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as { items: Array<{ slug: string; title: string; score: number; why: string[] }> };
  assert.equal(items.length, 3);
  assert.equal(items[0]!.slug, 'wrong-network');
  assert.ok(items[0]!.why.includes('finding code evm.tx.found_on_other_chain'));
});

test('behavior: list, get (records a view) and versions', async () => {
  const list = (await (await t.request('/api/kb/articles?category=fees', json(agent, 'GET'))).json()) as { items: Array<{ slug: string; categories: string[] }> };
  assert.ok(list.items.length >= 3 && list.items.every((a) => a.categories.includes('fees')));
  const a = (await (await t.request('/api/kb/articles/address-poisoning', json(agent, 'GET'))).json()) as { slug: string; replies: Record<string, string>; diagnosis: string };
  assert.equal(a.slug, 'address-poisoning');
  assert.ok(a.replies['pt-BR'] && a.diagnosis);
  const versions = (await (await t.request('/api/kb/articles/address-poisoning/versions', json(agent, 'GET'))).json()) as { items: unknown[] };
  assert.equal(versions.items.length, 1);
  const audit = (await (await t.request('/api/kb/audit?codes=evm.security.address_poisoning,ton.failed.phase', json(agent, 'GET'))).json()) as { neverUsed: string[]; coverageGaps: string[] };
  assert.ok(!audit.neverUsed.includes('address-poisoning'));
  assert.deepEqual(audit.coverageGaps, ['ton.failed.phase']);
});

test('behavior: an engineer edits an article; the file is rewritten and the change is audited', async () => {
  const res = await t.request('/api/kb/articles/staking-rewards-missing', json(engineer, 'PUT', { reviewBy: '2027-12-31', expectedVersion: 1 }));
  assert.equal(res.status, 200);
  const a = (await res.json()) as { version: number; reviewBy: string };
  assert.deepEqual([a.version, a.reviewBy], [2, '2027-12-31']);
  assert.match(readFileSync(join(kbDir.dir, 'staking-rewards-missing.md'), 'utf8'), /^reviewBy: 2027-12-31$/m);
  const audit = await t.runtime.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'kb.article.update').execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.target_id, 'staking-rewards-missing');
});

test('behavior: the help form gets suggestions, and the outcome feeds the deflection stats', async () => {
  const res = await t.request('/api/kb/deflection/suggest', json(agent, 'POST', { text: 'no me llegó el USDT que compré con tarjeta', locale: 'es-MX' }));
  assert.equal(res.status, 201);
  const session = (await res.json()) as { sessionId: string; suggestions: Array<{ slug: string; reply: string; locale: string }> };
  assert.ok(session.suggestions.length > 0);
  assert.equal(session.suggestions[0]!.slug, 'onramp-paid-not-received');
  assert.equal(session.suggestions[0]!.locale, 'es');
  const ev = await t.request(`/api/kb/deflection/${session.sessionId}/events`, json(agent, 'POST', { type: 'submitted', ticketId: 'tkt_9' }));
  assert.equal(ev.status, 200);
  const stats = (await (await t.request('/api/kb/deflection/stats', json(agent, 'GET'))).json()) as { overall: { sessions: number; submitted: number; rate: number } };
  assert.deepEqual([stats.overall.sessions, stats.overall.submitted, stats.overall.rate], [1, 1, 0]);
});

test('error: agents may not edit, bad input is a 400, unknown slugs and sessions are 404, stale versions 409', async () => {
  assert.equal((await t.request('/api/kb/articles/nft-not-showing', json(agent, 'PUT', { title: 'Nope' }))).status, 403);
  assert.equal((await t.request('/api/kb/search', json(agent, 'GET'))).status, 400);
  assert.equal((await t.request('/api/kb/articles/nft-not-showing', json(engineer, 'PUT', { audience: 'everyone' }))).status, 400);
  assert.equal((await t.request('/api/kb/articles/nope-nope', json(agent, 'GET'))).status, 404);
  assert.equal((await t.request('/api/kb/deflection/dfl_nope/events', json(agent, 'POST', { type: 'resolved' }))).status, 404);
  assert.equal((await t.request('/api/kb/deflection/suggest', json(agent, 'POST', { text: '' }))).status, 400);
  const leaky = await t.request('/api/kb/articles/nft-not-showing', json(engineer, 'PUT', { body: '## Reply (en)\n\nExample: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n' }));
  assert.equal(leaky.status, 400);
  assert.match(await leaky.text(), /secret/);
  assert.doesNotMatch(readFileSync(join(kbDir.dir, 'nft-not-showing.md'), 'utf8'), /abandon/);
  const stale = await t.request('/api/kb/articles/staking-rewards-missing', json(engineer, 'PUT', { owner: 'late-editor', expectedVersion: 1 }));
  assert.equal(stale.status, 409);
  assert.equal(stale.headers.get('content-type'), 'application/problem+json');
});

test('error: POST /api/kb/draft answers 503 while assist is off (the default)', async () => {
  const res = await t.request('/api/kb/draft', json(agent, 'POST', { text: 'my transaction is pending' }));
  assert.equal(res.status, 503);
  const problem = (await res.json()) as { title?: string; detail?: string };
  assert.match(JSON.stringify(problem), /turned off/);
});
