import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUser, disableUser } from '../../auth/index.ts';
import { defaultSlaSettings } from '../../tickets/index.ts';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';

const pathKey = '0123456789abcdefABCDEF0123456789';
const queryKey = 'zz-query-secret-42';
let node: EvmNode;
let t: TestApp;
let agent: string;
let engineer: string;

before(async () => {
  node = await startEvmNode();
  t = await openTestApp({
    config: {
      chains: { rpc: { ethereum: [`${node.url}/v3/${pathKey}?apikey=${queryKey}`, 'http://127.0.0.1:9/down'] } },
      telemetry: { prometheusUrl: `https://prom.example.test/api?token=${queryKey}`, prometheusToken: 'prom-bearer-secret' },
      escalations: { githubRepo: 'acme/wallet', githubToken: 'ghp_secretsecretsecret' },
    },
  });
  agent = await t.tokenFor('agent');
  engineer = await t.tokenFor('engineer');
});
after(async () => {
  await t?.close();
  await node?.stop();
});

const get = (path: string, token: string) => t.request(path, { headers: { authorization: `Bearer ${token}` } });
const post = (path: string, token: string, body: unknown) => t.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface ChainsAnswer {
  items: Array<{ slug: string; source: string; probeable: boolean; endpoints: Array<{ index: number; endpoint: string; lastProbe: { ok: boolean; height: number | null; error: string | null } | null }> }>;
}

test('chains list the configured RPC endpoints with keys in the path and query redacted', async () => {
  const res = await get('/api/settings/chains', agent);
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.doesNotMatch(text, new RegExp(pathKey));
  assert.doesNotMatch(text, new RegExp(queryKey));
  const eth = (JSON.parse(text) as ChainsAnswer).items.find((c) => c.slug === 'ethereum');
  assert.ok(eth);
  assert.equal(eth.source, 'chains.rpc');
  assert.equal(eth.probeable, true);
  assert.equal(eth.endpoints.length, 2);
  assert.match(eth.endpoints[0]!.endpoint, /\/v3\/\*\*\*\?apikey=\*\*\*$/);
  assert.equal(eth.endpoints[0]!.lastProbe, null);
});

test('testing an endpoint probes the node (engineer only) and the chains list shows the result', async () => {
  assert.equal((await post('/api/settings/chains/ethereum/probe', agent, { index: 0 })).status, 403);
  const res = await post('/api/settings/chains/ethereum/probe', engineer, { index: 0 });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { items: Array<{ ok: boolean; height: number | null; endpoint: string }> };
  assert.equal(body.items.length, 1);
  assert.equal(body.items[0]!.ok, true);
  assert.equal(typeof body.items[0]!.height, 'number');
  assert.doesNotMatch(JSON.stringify(body), new RegExp(pathKey));
  const down = (await (await post('/api/settings/chains/ethereum/probe', engineer, { index: 1 })).json()) as { items: Array<{ ok: boolean; error: string | null }> };
  assert.equal(down.items[0]!.ok, false);
  assert.ok(down.items[0]!.error);
  const eth = ((await (await get('/api/settings/chains', agent)).json()) as ChainsAnswer).items.find((c) => c.slug === 'ethereum')!;
  assert.equal(eth.endpoints[0]!.lastProbe?.ok, true);
  assert.equal(eth.endpoints[1]!.lastProbe?.ok, false);
});

test('a probe with a bad index or body is a problem+json 400', async () => {
  const res = await post('/api/settings/chains/ethereum/probe', engineer, { index: 7 });
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  assert.match(((await res.json()) as { detail: string }).detail, /no RPC endpoint 7/);
  assert.equal((await post('/api/settings/chains/ethereum/probe', engineer, { index: 'x' })).status, 400);
  assert.equal((await post('/api/settings/chains/no-such-chain/probe', engineer, {})).status >= 400, true);
});

test('connectors say what is configured without any secret', async () => {
  const res = await get('/api/settings/connectors', agent);
  assert.equal(res.status, 200);
  const text = await res.text();
  for (const secret of [queryKey, 'prom-bearer-secret', 'ghp_secretsecretsecret']) assert.ok(!text.includes(secret), `${secret} leaked`);
  const body = JSON.parse(text) as { prometheus: { configured: boolean; tokenSet: boolean }; trackers: Array<{ tracker: string; configured: boolean; target: string | null }>; intake: Array<{ path: string }> };
  assert.equal(body.prometheus.configured, true);
  assert.equal(body.prometheus.tokenSet, true);
  assert.deepEqual(body.trackers.find((x) => x.tracker === 'github'), { ...body.trackers.find((x) => x.tracker === 'github'), configured: true, target: 'acme/wallet' });
  assert.equal(body.trackers.find((x) => x.tracker === 'jira')?.configured, false);
  assert.ok(body.intake.some((i) => i.path === '/api/tickets/inbound/email'));
});

test('without sla.policiesFile the SLA policies are the built-in defaults, read-only', async () => {
  const body = (await (await get('/api/settings/sla', agent)).json()) as { editable: boolean; source: string; file: string | null; configPath: string; policies: Array<{ id: string; firstReplyMin?: number }>; calendars: Record<string, { timeZone: string }> };
  assert.equal(body.editable, false);
  assert.match(body.source, /built-in defaults/);
  assert.equal(body.file, null);
  assert.equal(body.configPath, 'sla.policiesFile');
  assert.deepEqual(
    body.policies.map((p) => [p.id, p.firstReplyMin]),
    defaultSlaSettings.policies.map((p) => [p.id, p.firstReplyMin]),
  );
  assert.equal(body.calendars.business?.timeZone, 'America/Sao_Paulo');
});

test('agents lists active staff who can take tickets, with skills, and no e-mail addresses', async () => {
  const db = t.runtime.store.db;
  const ada = await createUser(db, { email: 'ada@example.test', name: 'Ada', role: 'agent', password: 'a long password here' }, null);
  const gone = await createUser(db, { email: 'gone@example.test', name: 'Gone', role: 'agent', password: 'a long password here' }, null);
  await createUser(db, { email: 'vi@example.test', name: 'Vi', role: 'viewer', password: 'a long password here' }, null);
  await disableUser(db, gone.user.id, null);
  const put = await t.request(`/api/queue/skills/${ada.user.id}`, { method: 'PUT', headers: { authorization: `Bearer ${engineer}`, 'content-type': 'application/json' }, body: JSON.stringify({ skills: ['polygon', 'lang:es'] }) });
  assert.equal(put.status, 200);
  const text = await (await get('/api/agents', agent)).text();
  assert.doesNotMatch(text, /@example\.test/);
  const items = (JSON.parse(text) as { items: Array<{ id: string; name: string; skills: string[] }> }).items;
  const names = items.map((a) => a.name);
  assert.ok(names.includes('Ada'));
  assert.ok(!names.includes('Gone'));
  assert.ok(!names.includes('Vi'));
  assert.deepEqual(items.find((a) => a.name === 'Ada')?.skills, ['lang:es', 'polygon']);
});

test('saved queue views belong to the caller; bad input is a problem+json 400', async () => {
  const other = await t.tokenFor('agent');
  const put = (name: string, token: string, body: unknown) => t.request(`/api/queue/views/${encodeURIComponent(name)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const saved = await put('My tickets', agent, { filters: { assignee: 'mine', status: '' } });
  assert.equal(saved.status, 200, await saved.clone().text());
  assert.deepEqual(((await saved.json()) as { name: string; filters: unknown }).filters, { assignee: 'mine' });
  assert.equal((await put('50% off', agent, { filters: { priority: 'p1' } })).status, 200);
  const mine = (await (await get('/api/queue/views', agent)).json()) as { items: Array<{ name: string }> };
  assert.deepEqual(mine.items.map((v) => v.name), ['50% off', 'My tickets']);
  assert.deepEqual(((await (await get('/api/queue/views', other)).json()) as { items: unknown[] }).items, []);
  const bad = await put('x', agent, { filters: { nonsense: '1' } });
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal((await put(' ', agent, { filters: {} })).status, 400);
  const del = await t.request(`/api/queue/views/${encodeURIComponent('50% off')}`, { method: 'DELETE', headers: { authorization: `Bearer ${agent}` } });
  assert.equal(del.status, 204);
  assert.deepEqual(((await (await get('/api/queue/views', agent)).json()) as { items: Array<{ name: string }> }).items.map((v) => v.name), ['My tickets']);
  assert.equal((await get('/api/queue/views', await t.tokenFor('viewer'))).status, 403);
});
