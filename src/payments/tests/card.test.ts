import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainCardPayment } from '../explain-card.ts';
import { normalizePaymentEvent } from '../normalize-event.ts';
import type { CardEvent } from '../event.ts';

const codes = (x: { findings: Array<{ code: string }> }) => x.findings.map((f) => f.code);
const cards = (provider: string, body: unknown) => normalizePaymentEvent(provider, body) as CardEvent[];

/** Marqeta Core API transaction webhook shape ({ transactions: [...] }); values built for the tests. */
function marqeta(tx: Record<string, unknown>) {
  return { transactions: [{ token: 'txn-1', type: 'authorization', state: 'PENDING', user_token: 'user-42', card_token: 'card-7', amount: 54.2, currency_code: 'USD', created_time: '2026-11-20T10:00:00Z', response: { code: '0000', memo: 'Approved or completed successfully' }, card_acceptor: { name: 'CAFE LISBOA', mcc: '5814', country_code: 'PRT' }, ...tx }] };
}
/** Stripe Issuing event shape (issuing_authorization object, API reference); values built for the tests. */
function stripeAuth(object: Record<string, unknown>, type = 'issuing_authorization.created') {
  return {
    id: `evt_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type,
    created: 1763632800,
    data: {
      object: {
        id: 'iauth_1Q2w3E', object: 'issuing_authorization', amount: 0, currency: 'usd', merchant_amount: 0, merchant_currency: 'usd', approved: false, status: 'closed', created: 1763632800,
        card: { id: 'ic_123' }, cardholder: 'ich_456', merchant_data: { name: 'ONLINE STORE', category: 'computer_software_stores', country: 'US' },
        request_history: [{ approved: false, reason: 'insufficient_funds', amount: 2599, merchant_amount: 2599, created: 1763632800 }],
        verification_data: { cvc_check: 'match', expiry_check: 'match', three_d_secure: null },
        ...object,
      },
    },
  };
}

test('an FX card payment: authorised (hold), then settled for a different amount in another currency', () => {
  const auth = cards('marqeta', marqeta({ currency_conversion: { network: { original_amount: 49.9, original_currency_code: 'EUR', conversion_rate: 1.0862 } } }));
  const pending = explainCardPayment(auth);
  assert.equal(pending.status, 'authorized');
  assert.deepEqual(codes(pending), ['card.fx.conversion', 'card.authorized.pending']);
  assert.match(pending.findings[0]!.userMessage, /charged 49\.9 EUR; your card was billed 54\.2 USD/);
  const clearing = cards('marqeta', marqeta({ token: 'txn-2', type: 'authorization.clearing', state: 'COMPLETION', amount: 55.01, preceding_related_transaction_token: 'txn-1', created_time: '2026-11-22T03:00:00Z' }));
  const settled = explainCardPayment([...auth, ...clearing], 'es');
  assert.equal(settled.status, 'settled');
  assert.deepEqual(codes(settled), ['card.fx.conversion', 'card.settled.posted', 'card.settled.amount_differs']);
  assert.equal(settled.findings[2]!.evidence.difference, '0.81');
  assert.match(settled.findings[2]!.userMessage, /El monto final \(55\.01 USD\) difiere del pendiente \(54\.2 USD\)/);
});

test('behavior: ISO 8583 response codes map to their declines', () => {
  const expected: Array<[string, string]> = [
    ['05', 'card.declined.do_not_honor'], ['14', 'card.declined.invalid_card'], ['51', 'card.declined.insufficient_funds'], ['54', 'card.declined.expired_card'],
    ['55', 'card.declined.incorrect_pin'], ['N7', 'card.declined.incorrect_cvv'], ['57', 'card.declined.not_permitted'], ['62', 'card.declined.not_permitted'],
    ['61', 'card.declined.limit_exceeded'], ['65', 'card.declined.limit_exceeded'], ['75', 'card.declined.pin_tries_exceeded'], ['41', 'card.declined.card_blocked'],
    ['59', 'card.declined.suspected_fraud'], ['1A', 'card.declined.authentication_required'], ['91', 'card.declined.issuer_unavailable'], ['96', 'card.declined.issuer_unavailable'], ['Q9', 'card.declined.other'],
  ];
  for (const [code, finding] of expected) {
    const [event] = cards('generic', { kind: 'card', provider: 'acme-processor', eventId: `e-${code}`, type: 'decline', authorizationId: `a-${code}`, occurredAt: '2026-11-20T10:00:00Z', amount: { value: '120.00', currency: 'BRL' }, merchant: { name: 'LOJA CENTRO' }, responseCode: code });
    const x = explainCardPayment([event!], 'pt-BR');
    assert.deepEqual(codes(x), [finding], code);
    assert.equal(x.status, 'declined');
    assert.match(x.findings[0]!.userMessage, /Seu pagamento com cartão de 120\.00 BRL em LOJA CENTRO foi recusado/);
  }
});

test('behavior: Stripe Issuing declines keep their reason; verification and 3-D Secure failures are named', () => {
  const insufficient = explainCardPayment(cards('stripe-issuing', stripeAuth({})));
  assert.deepEqual(codes(insufficient), ['card.declined.insufficient_funds']);
  assert.equal(insufficient.findings[0]!.evidence.declineReason, 'insufficient_funds');
  assert.match(insufficient.findings[0]!.summary, /25\.99 USD/);
  const cvc = explainCardPayment(cards('stripe-issuing', stripeAuth({ request_history: [{ approved: false, reason: 'verification_failed', amount: 1000 }], verification_data: { cvc_check: 'mismatch', expiry_check: 'match' } })));
  assert.deepEqual(codes(cvc), ['card.declined.incorrect_cvv']);
  const three = explainCardPayment(cards('stripe-issuing', stripeAuth({ request_history: [{ approved: false, reason: 'verification_failed', amount: 1000 }], verification_data: { cvc_check: 'match', expiry_check: 'match', three_d_secure: { result: 'failed' } } })));
  assert.deepEqual(codes(three), ['card.3ds.failed']);
  const fraud = explainCardPayment(cards('stripe-issuing', stripeAuth({ request_history: [{ approved: false, reason: 'suspected_fraud', amount: 1000 }] })));
  assert.deepEqual(codes(fraud), ['card.declined.suspected_fraud']);
  const marqetaDecline = explainCardPayment(cards('marqeta', marqeta({ state: 'DECLINED', response: { code: '1016', memo: 'Insufficient funds' } })));
  assert.deepEqual(codes(marqetaDecline), ['card.declined.insufficient_funds']);
});

test('behavior: reversals release the hold; refunds are pending until posted', () => {
  const approved = cards('stripe-issuing', stripeAuth({ approved: true, status: 'pending', amount: 8000, request_history: [{ approved: true, reason: 'webhook_approved', amount: 8000 }] }));
  const reversed = cards('stripe-issuing', stripeAuth({ approved: true, status: 'reversed', amount: 8000 }, 'issuing_authorization.updated'));
  const r = explainCardPayment([...approved, ...reversed]);
  assert.equal(r.status, 'reversed');
  assert.deepEqual(codes(r), ['card.reversal.released']);
  const base = { kind: 'card', provider: 'acme-processor', authorizationId: 'a-9', amount: { value: '19.90', currency: 'MXN' }, merchant: { name: 'TIENDA' } };
  const refund = cards('generic', [{ ...base, eventId: 'r1', type: 'settlement', occurredAt: '2026-11-01T00:00:00Z' }, { ...base, eventId: 'r2', type: 'refund', occurredAt: '2026-11-03T00:00:00Z' }]);
  assert.deepEqual(codes(explainCardPayment(refund)), ['card.settled.posted', 'card.refund.pending']);
  const posted = cards('stripe-issuing', { id: 'evt_refund', type: 'issuing_transaction.created', created: 1763900000, data: { object: { id: 'ipi_1', object: 'issuing_transaction', type: 'refund', amount: 1990, currency: 'mxn', authorization: 'a-9', merchant_data: { name: 'TIENDA' } } } });
  const done = explainCardPayment([...refund, ...posted]);
  assert.equal(done.status, 'refunded');
  assert.deepEqual(codes(done), ['card.settled.posted', 'card.refund.posted']);
});

test('error: foreign shapes and unknown providers are clear validation errors', () => {
  assert.throws(() => normalizePaymentEvent('stripe-issuing', { transactions: [] }), (e: Error & { code?: string }) => e.name === 'PaymentEventInvalidError' && e.code === 'VALIDATION' && /data: /.test(e.message));
  assert.throws(() => normalizePaymentEvent('generic', { kind: 'card' }), { name: 'PaymentEventInvalidError' });
  assert.throws(() => normalizePaymentEvent('visa-direct', {}), { name: 'PaymentProviderUnknownError' });
});
