import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let t: TestApp;
let agent: Record<string, string>;
let engineer: Record<string, string>;
before(async () => {
  t = await openTestApp();
  agent = { authorization: `Bearer ${await t.tokenFor('agent')}`, 'content-type': 'application/json' };
  engineer = { authorization: `Bearer ${await t.tokenFor('engineer')}`, 'content-type': 'application/json' };
});
after(async () => t.close());

const post = async (path: string, body: unknown, headers = agent) => t.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const hash = `0x${'4f'.repeat(32)}`;

test('ingested tickets reach the queue, clusters and replies over HTTP; an incident update replies to linked tickets', async () => {
  const a = await json<{ ticketId: string }>(post('/api/tickets', { externalId: 'q-1', requester: 'ana@example.com', requesterName: 'Ana', body: `Mi transacción de USDT en polygon sigue pendiente desde ayer ${hash}`, locale: 'es' }));
  const b = await json<{ ticketId: string }>(post('/api/tickets', { externalId: 'q-2', requester: 'bia@example.com', requesterName: 'Bia', body: `minha transação ${hash} na polygon está pendente`, locale: 'pt-BR' }));
  const queue = await json<{ items: Array<{ id: string; sla: { state: string; policy: string } }>; total: number }>(t.request('/api/queue', { headers: agent }));
  assert.ok(queue.items.some((i) => i.id === a.ticketId) && queue.items.some((i) => i.id === b.ticketId));
  assert.ok(queue.items.every((i) => i.sla.policy));
  // Clustered at ingestion (same tx hash); a recompute finds the same.
  const clusters = await json<{ items: Array<{ id: string; ticketCount: number }> }>(t.request('/api/clusters?status=open', { headers: agent }));
  const cluster = clusters.items.find((c) => c.ticketCount >= 2)!;
  assert.ok(cluster, JSON.stringify(clusters));
  const recomputed = await json<{ clustered: number }>(post('/api/clusters/recompute', {}, engineer));
  assert.ok(recomputed.clustered >= 2);
  assert.ok((await json<{ items: Array<{ id: string }> }>(t.request('/api/clusters?status=open', { headers: agent }))).items.some((c) => c.id === cluster.id), 'the cluster id survives a recompute');
  const view = await t.request(`/api/clusters/${cluster.id}`, { headers: agent });
  const viewText = await view.text();
  assert.ok(!viewText.includes('ana@example.com') && !viewText.includes('Ana') && !viewText.includes('pendiente'));
  const inCluster = await json<{ items: Array<{ id: string }> }>(t.request(`/api/queue?cluster=${cluster.id}`, { headers: agent }));
  assert.deepEqual(inCluster.items.map((i) => i.id).sort(), [a.ticketId, b.ticketId].sort());

  const reply = await post(`/api/tickets/${a.ticketId}/replies`, { macro: 'tx-status', diagnosis: { chain: 'polygon', findings: [{ code: 'evm.pending.underpriced', userMessage: 'La comisión quedó por debajo del mínimo actual de la red.' }] } });
  assert.equal(reply.status, 201);
  const sent = (await reply.json()) as { body: string; lang: string };
  assert.equal(sent.lang, 'es');
  assert.ok(sent.body.startsWith('Hola, Ana:') && sent.body.includes(`https://polygonscan.com/tx/${hash}`));
  const sla = await json<{ metrics: Array<{ metric: string; state: string }> }>(t.request(`/api/tickets/${a.ticketId}/sla`, { headers: agent }));
  assert.equal(sla.metrics.find((m) => m.metric === 'first_reply')!.state, 'met');
  const report = await json<{ overall: { met: number } }>(t.request('/api/sla/report', { headers: agent }));
  assert.ok(report.overall.met >= 1);

  const incident = await json<{ id: string }>(post('/api/incidents', { title: 'Polygon transactions delayed', severity: 'SEV2', links: [{ kind: 'ticket', id: b.ticketId }] }, engineer));
  const update = await json<{ ticketReplies: { sent: number; wired: boolean } }>(post(`/api/incidents/${incident.id}/updates`, { status: 'identified', text: { en: 'Polygon transfers are delayed; funds are safe.', es: 'Las transferencias en Polygon están demoradas; los fondos están seguros.', 'pt-BR': 'As transferências na Polygon estão atrasadas; os fundos estão seguros.' } }, engineer));
  assert.deepEqual(update.ticketReplies, { sent: 1, failed: 0, skipped: 0, wired: true });
  const ticketB = await json<{ messages: Array<{ authorKind: string; body: string }>; events: Array<{ kind: string }> }>(t.request(`/api/tickets/${b.ticketId}`, { headers: agent }));
  assert.equal(ticketB.messages.at(-1)!.body, 'As transferências na Polygon estão atrasadas; os fundos estão seguros.');
  assert.ok(ticketB.events.some((e) => e.kind === 'reply_sent'));
});

test('behavior: macros are listed; round-robin assignment with no agent user answers 503', async () => {
  const me = await json<{ items: Array<{ id: string }> }>(t.request('/api/queue?limit=1', { headers: agent }));
  assert.equal(me.items.length, 1);
  const macros = await json<{ items: Array<{ id: string }> }>(t.request('/api/macros', { headers: agent }));
  assert.ok(macros.items.some((m) => m.id === 'known-problem'));
  const rr = await post(`/api/tickets/${me.items[0]!.id}/assign`, { roundRobin: true });
  assert.equal(rr.status, 503, 'no agent user exists yet');
});

test('error: unsafe replies get 400, unknown clusters 404, bad queue filters 400', async () => {
  const created = await json<{ ticketId: string }>(post('/api/tickets', { externalId: 'q-3', body: 'my bitcoin withdrawal never arrived' }));
  const unsafe = await post(`/api/tickets/${created.ticketId}/replies`, { body: 'Please validate your wallet here: https://wallet-validate.app' });
  assert.equal(unsafe.status, 400);
  assert.match(((await unsafe.json()) as { detail: string }).detail, /impersonation/);
  assert.equal((await t.request('/api/clusters/tcl_nope', { headers: agent })).status, 404);
  assert.equal((await t.request('/api/queue?sla=late', { headers: agent })).status, 400);
  assert.equal((await t.request('/api/queue?cursor=zzz', { headers: agent })).status, 400);
});
