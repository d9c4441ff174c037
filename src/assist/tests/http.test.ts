import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let chat: Server;
let t: TestApp;
let reply = 'Your transfer is waiting behind an earlier one [tx-pending-evm]. Speed up the oldest pending transaction first.';

before(async () => {
  chat = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply } }] })));
  });
  await new Promise<void>((r) => chat.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(chat.address() as AddressInfo).port}/v1`;
  t = await openTestApp({ config: { kb: { dir: new URL('../../../kb/', import.meta.url).pathname, watch: false }, assist: { enabled: true, baseUrl, model: 'local-test' } } });
});
after(async () => {
  await t.close();
  await new Promise<void>((r) => chat.close(() => r()));
});

test('POST /api/kb/draft returns a cited draft when assist is on', async () => {
  const token = await t.tokenFor('agent');
  const res = await t.request('/api/kb/draft', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'my usdt transfer is stuck pending on bsc' }) });
  assert.equal(res.status, 200);
  const d = (await res.json()) as { draft: string; citations: Array<{ slug: string }>; model: string };
  assert.deepEqual(d.citations.map((c) => c.slug), ['tx-pending-evm']);
  assert.equal(d.model, 'local-test');
});

test('error: a draft that asks for the secret phrase is refused with 400', async () => {
  reply = 'To fix this, send us your seed phrase.';
  const token = await t.tokenFor('agent');
  const res = await t.request('/api/kb/draft', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'wallet empty after restore' }) });
  assert.equal(res.status, 400);
});
