import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

const secret = 'whsec_test_0123456789abcdef';
let t: TestApp;
before(async () => {
  t = await openTestApp({ config: { payments: { webhookSecrets: { moonpay: secret, 'stripe-issuing': secret, generic: secret } } } });
});
after(async () => t.close());

const moonpayBody = JSON.stringify({ type: 'transaction_updated', data: { id: 'mp-77', status: 'waitingPayment', baseCurrencyAmount: 50, baseCurrency: { code: 'usd' }, quoteCurrencyAmount: 49.1, currency: { code: 'usdc_sol' }, walletAddress: 'B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:05.000Z', externalCustomerId: 'cust-1' } });
const sign = (t0: number, body: string) => createHmac('sha256', secret).update(`${t0}.${body}`).digest('hex');
const post = (path: string, body: string, headers: Record<string, string>) => t.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('a signed MoonPay webhook is stored once and explained through the API', async () => {
  const now = Math.floor(Date.now() / 1000);
  const headers = { 'moonpay-signature-v2': `t=${now},s=${sign(now, moonpayBody)}` };
  const res = await post('/api/payments/webhooks/moonpay', moonpayBody, headers);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { stored: 1, duplicates: 0, subjects: ['mp-77'] });
  const again = await post('/api/payments/webhooks/moonpay', moonpayBody, headers);
  assert.deepEqual(await again.json(), { stored: 0, duplicates: 1, subjects: ['mp-77'] });
  const token = await t.tokenFor('agent');
  const explained = await t.request('/api/payments/mp-77/explain?locale=es', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(explained.status, 200);
  const body = (await explained.json()) as { status: string; findings: Array<{ code: string; userMessage: string }> };
  assert.equal(body.status, 'payment_pending');
  assert.equal(body.findings[0]!.code, 'onramp.payment.pending');
  assert.match(body.findings[0]!.userMessage, /Tu compra de USDC/);
  const list = await t.request('/api/payments?userRef=cust-1', { headers: { authorization: `Bearer ${token}` } });
  assert.deepEqual(((await list.json()) as { items: Array<{ subjectId: string }> }).items.map((i) => i.subjectId), ['mp-77']);
});

test('behavior: Stripe-style and generic signatures are accepted; API tokens may post events and ask for explanations', async () => {
  const now = Math.floor(Date.now() / 1000);
  const stripe = JSON.stringify({ id: 'evt_1', type: 'issuing_authorization.created', created: now, data: { object: { id: 'iauth_9', object: 'issuing_authorization', amount: 0, currency: 'usd', approved: false, status: 'closed', merchant_data: { name: 'SHOP' }, request_history: [{ approved: false, reason: 'insufficient_funds', amount: 1500 }] } } });
  const ok = await post('/api/payments/webhooks/stripe-issuing', stripe, { 'stripe-signature': `t=${now},v1=${sign(now, stripe)}` });
  assert.equal(ok.status, 200);
  const generic = JSON.stringify({ kind: 'card', provider: 'acme', eventId: 'g-1', type: 'decline', authorizationId: 'auth-g', occurredAt: '2026-11-20T10:00:00Z', amount: { value: '10.00', currency: 'USD' }, responseCode: '05' });
  const signed = await post('/api/payments/webhooks/generic', generic, { 'x-opsdesk-signature': `sha256=${createHmac('sha256', secret).update(generic).digest('hex')}` });
  assert.equal(signed.status, 200);
  const token = await t.tokenFor('agent');
  const viaToken = await post('/api/payments/events/generic', JSON.stringify({ ...JSON.parse(generic), eventId: 'g-2', authorizationId: 'auth-h', responseCode: '54' }), { authorization: `Bearer ${token}` });
  assert.equal(viaToken.status, 200);
  const card = (await (await t.request('/api/payments/iauth_9/explain', { headers: { authorization: `Bearer ${token}` } })).json()) as { findings: Array<{ code: string }> };
  assert.deepEqual(card.findings.map((f) => f.code), ['card.declined.insufficient_funds']);
  const direct = await post('/api/payments/explain', JSON.stringify({ provider: 'generic', payload: JSON.parse(generic), locale: 'pt-BR' }), { authorization: `Bearer ${token}` });
  const items = ((await direct.json()) as { items: Array<{ findings: Array<{ code: string }> }> }).items;
  assert.equal(items[0]!.findings[0]!.code, 'card.declined.do_not_honor');
});

test('error: unsigned, badly signed, stale, unconfigured and malformed webhooks are refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  assert.equal((await post('/api/payments/webhooks/moonpay', moonpayBody, {})).status, 401);
  const bad = await post('/api/payments/webhooks/moonpay', moonpayBody, { 'moonpay-signature-v2': `t=${now},s=${'0'.repeat(64)}` });
  assert.equal(bad.status, 401);
  assert.equal(bad.headers.get('content-type'), 'application/problem+json');
  assert.equal((await post('/api/payments/webhooks/moonpay', moonpayBody, { 'moonpay-signature-v2': `t=${now - 3600},s=${sign(now - 3600, moonpayBody)}` })).status, 401);
  assert.equal((await post('/api/payments/webhooks/ramp', '{}', { 'x-opsdesk-signature': 'sha256=00' })).status, 401);
  const token = await t.tokenFor('agent');
  assert.equal((await post('/api/payments/events/moonpay', '{"type":', { authorization: `Bearer ${token}` })).status, 400);
  assert.equal((await post('/api/payments/events/moonpay', '{"type":"x"}', { authorization: `Bearer ${token}` })).status, 400);
  assert.equal((await t.request('/api/payments/nope/explain', { headers: { authorization: `Bearer ${token}` } })).status, 404);
});
