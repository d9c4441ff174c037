import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

let t: TestApp;
let auth: Record<string, string>;
before(async () => {
  t = await openTestApp();
  auth = { authorization: `Bearer ${await t.tokenFor('agent')}` };
});
after(async () => t.close());

const post = (path: string, body: string | Uint8Array, type = 'application/json', headers: Record<string, string> = auth) => t.request(path, { method: 'POST', headers: { 'content-type': type, ...headers }, body: body as BodyInit });
const problem = async (res: Response) => (await res.json()) as { status: number; detail: string; code: string };

test('POST /api/tickets creates a triaged ticket, idempotent on externalId; GET reads it', async () => {
  const body = JSON.stringify({ externalId: 'z-1', requester: 'maria@example.com', subject: 'Saldo', body: 'meu saldo tá zerado e ontem tinha 3 mil usdt, cadê meu dinheiro??', locale: 'pt-BR' });
  const res = await post('/api/tickets', body);
  assert.equal(res.status, 201);
  const created = (await res.json()) as { ticketId: string; triage: { category: string; language: string; acknowledgement: string } };
  assert.equal(created.triage.category, 'funds_missing_or_not_shown');
  assert.equal(created.triage.language, 'pt');
  const again = await post('/api/tickets', body);
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { ticketId: string; created: boolean }).ticketId, created.ticketId);
  const read = await t.request(`/api/tickets/${created.ticketId}`, { headers: auth });
  assert.equal(read.status, 200);
  assert.equal(((await read.json()) as { requester: string }).requester, 'maria@example.com');
  const list = await t.request('/api/tickets?category=funds_missing_or_not_shown', { headers: auth });
  assert.ok(((await list.json()) as { items: Array<{ id: string }> }).items.some((i) => i.id === created.ticketId));
});

test('behavior: e-mail webhook takes raw MIME, Postmark JSON and form posts; chat webhook builds a conversation', async () => {
  const mime = 'From: Ana <ana@example.com>\r\nSubject: swap\r\nMessage-ID: <m-77@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nmy swap from eth to usdt failed and the eth left my wallet\r\n';
  const raw = await post('/api/tickets/inbound/email', mime, 'message/rfc822');
  assert.equal(raw.status, 201);
  assert.equal(((await raw.json()) as { triage: { category: string } }).triage.category, 'swap_or_bridge_failure');
  assert.equal((await post('/api/tickets/inbound/email', mime, 'message/rfc822')).status, 200);
  const pm = await post('/api/tickets/inbound/email', JSON.stringify({ FromFull: { Email: 'b@example.com', Name: 'B' }, Subject: 'card', TextBody: 'my crypto card was charged twice', MessageID: 'pm-9' }));
  assert.equal(pm.status, 201);
  const form = new FormData();
  form.set('from', 'C <c@example.com>');
  form.set('subject', 'ledger');
  form.set('text', 'my ledger nano x will not connect over bluetooth');
  form.set('headers', 'Message-ID: <sg-5@x>');
  form.set('attachment1', new File(['ERROR pairing failed'], 'app.log', { type: 'text/plain' }));
  const sg = await t.request('/api/tickets/inbound/email', { method: 'POST', headers: auth, body: form });
  assert.equal(sg.status, 201);
  const sgTicket = (await sg.json()) as { ticketId: string };
  const read = (await (await t.request(`/api/tickets/${sgTicket.ticketId}`, { headers: auth })).json()) as { messages: Array<{ attachments: Array<{ text?: string }> }> };
  assert.equal(read.messages[0]!.attachments[0]!.text, 'ERROR pairing failed');
  const c1 = await post('/api/tickets/inbound/chat', JSON.stringify({ conversationId: 'cv-1', messageId: '1', text: 'walletconnect does not work on pancakeswap', from: { email: 'd@example.com' } }));
  const c2 = await post('/api/tickets/inbound/chat', JSON.stringify({ conversationId: 'cv-1', messageId: '2', text: 'still broken', from: { email: 'd@example.com' } }));
  assert.deepEqual([c1.status, c2.status], [201, 200]);
});

test('behavior: POST /api/triage answers the contract fields; agents correct triage', async () => {
  const res = await post('/api/triage', JSON.stringify({ body: 'Transaction failed with execution reverted on polygon' }));
  const r = (await res.json()) as Record<string, unknown>;
  assert.deepEqual(Object.keys(r).slice(0, 10), ['category', 'categoryConfidence', 'severity', 'priority', 'chains', 'entities', 'redactions', 'redactedText', 'securityFlags', 'kb']);
  const created = (await (await post('/api/tickets', JSON.stringify({ body: 'question about the fees on tron' }))).json()) as { ticketId: string };
  const fix = await post(`/api/tickets/${created.ticketId}/triage`, JSON.stringify({ category: 'fees', severity: 'low' }));
  assert.equal(fix.status, 200);
  assert.equal(((await fix.json()) as { priority: string }).priority, 'p4');
});

test('error: bad bodies get a 4xx naming the problem', async () => {
  const cases: Array<[string, string | Uint8Array, string, number, RegExp]> = [
    ['/api/tickets', '', 'application/json', 400, /request body is empty/],
    ['/api/tickets', JSON.stringify({ body: '' }), 'application/json', 400, /message body is empty/],
    ['/api/tickets', JSON.stringify({ body: 'a\u0000\u0001b' }), 'application/json', 400, /binary/],
    ['/api/tickets', new Uint8Array([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json', 400, /not valid UTF-8/],
    ['/api/tickets', '['.repeat(5000) + ']'.repeat(5000), 'application/json', 400, /nested more than 64 levels/],
    ['/api/tickets', '{"body": ', 'application/json', 400, /not valid JSON/],
    ['/api/tickets/inbound/email', new Uint8Array([0, 1, 2, 3, 255]), 'message/rfc822', 400, /no RFC 822 header/],
    ['/api/tickets/inbound/chat', JSON.stringify({ text: 'hi' }), 'application/json', 400, /no conversation id/],
  ];
  for (const [path, body, type, status, detail] of cases) {
    const res = await post(path, body, type);
    assert.equal(res.status, status, `${path} ${String(detail)}`);
    assert.match((await problem(res)).detail, detail);
  }
  const huge = await post('/api/tickets', JSON.stringify({ body: 'x'.repeat(10 * 1024 * 1024) }));
  assert.equal(huge.status, 413);
  const unauth = await post('/api/tickets', JSON.stringify({ body: 'x' }), 'application/json', {});
  assert.equal(unauth.status, 401);
  const viewer = await post('/api/tickets', JSON.stringify({ body: 'x' }), 'application/json', { authorization: `Bearer ${await t.tokenFor('viewer')}` });
  assert.equal(viewer.status, 403);
  assert.equal((await t.request('/api/tickets/tkt_missing', { headers: auth })).status, 404);
});
