import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, startReplayServer } from '../../../test/replay-server.ts';
import { createChainService } from '../../chains/index.ts';
import { chainTransferChecker } from '../check-transfer.ts';
import { explainOnrampOrder } from '../explain-onramp.ts';
import { normalizePaymentEvent } from '../normalize-event.ts';
import type { OnrampEvent } from '../event.ts';

const T1 = '242f3fff9ca7d5aea7a7a57d886f3fa7329e24fac948598a991b3a3dd631cd29';
const T2 = 'b6a53d8a8025c0c5b194345925a99741b645cae0b1f180f0613273029f2bf698';
const OOE = 'e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481';
const SENDER = '1stAprEZapjCYGUACUcXohQqSHF9MU5Kj';
const codes = (x: { findings: Array<{ code: string }> }) => x.findings.map((f) => f.code);
const onramp = (provider: string, body: unknown) => normalizePaymentEvent(provider, body) as OnrampEvent[];

/** MoonPay buy-transaction webhook shape (MoonPay webhook docs); values built for the tests. */
function moonpay(status: string, extra: Record<string, unknown> = {}) {
  return { type: 'transaction_updated', data: { id: 'mp-tx-1', status, baseCurrencyAmount: 100, baseCurrency: { code: 'usd' }, quoteCurrencyAmount: 0.0004904, currency: { code: 'btc' }, walletAddress: SENDER, cryptoTransactionId: null, failureReason: null, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: `2026-11-20T10:0${status.length % 10}:00.000Z`, externalCustomerId: 'cust-9', ...extra } };
}
/** Ramp purchase webhook shape (Ramp Network docs: type + purchase); values built. */
function ramp(status: string, extra: Record<string, unknown> = {}) {
  return { type: status === 'RELEASED' ? 'RELEASED' : 'CREATED', purchase: { id: 'ramp-p-1', status, asset: { symbol: 'USDT', chain: 'TRON', decimals: 6, type: 'TRC20' }, cryptoAmount: '10000000', fiatCurrency: 'BRL', fiatValue: 55.5, receiverAddress: 'THVmXun9u721tBiYcT3VfLQKcwYBmoY1xX', finalTxHash: null, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:05:00Z', ...extra } };
}
/** Transak order webhook once its JWT payload is decoded ({ eventID, webhookData }); values built. */
function transak(status: string, extra: Record<string, unknown> = {}) {
  return { eventID: `ORDER_${status}`, webhookData: { id: 'tk-o-1', status, fiatCurrency: 'MXN', fiatAmount: 1000, cryptoCurrency: 'USDC', cryptoAmount: 54.1, network: 'solana', walletAddress: 'B2v68t8MXb9zUms1VQKuCcvjrjKDK6fLd8ZngqmBGy1M', transactionHash: null, createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:10:00Z', statusReason: null, ...extra } };
}

test('a paid MoonPay BTC order is matched to its confirmed on-chain transfer to the order wallet', async () => {
  const block = (fixture('mempool-rbf/tx02_ws_block.json') as { block: { id: string; height: number; timestamp: number } }).block;
  const mined = { ...(fixture('mempool-rbf/tx02_api_tx.json') as object), status: { confirmed: true, block_height: block.height, block_hash: block.id, block_time: block.timestamp } };
  const server = await startReplayServer([{ path: `/api/tx/${T2}`, body: mined }, { path: '/api/blocks/tip/height', body: String(block.height + 10) }]);
  try {
    const service = createChainService({ rpc: { bitcoin: [server.url + '/api'] } });
    const events = [...onramp('moonpay', moonpay('waitingPayment')), ...onramp('moonpay', moonpay('completed', { cryptoTransactionId: T2, updatedAt: '2026-11-20T11:00:00.000Z' }))];
    const x = await explainOnrampOrder(events, { checkTransfer: chainTransferChecker(service) });
    assert.equal(x.status, 'completed');
    assert.deepEqual(codes(x), ['onramp.crypto.delivered']);
    assert.equal(x.findings[0]!.evidence.recipientChecked, true);
    assert.ok(x.transaction?.ok && x.transaction.diagnosis.findings.some((f) => f.code === 'btc.recipient.found'));
    const wrong = onramp('moonpay', moonpay('completed', { cryptoTransactionId: T2, walletAddress: 'bc1p5t79edz9w4fcnmkjjk4e6k2tp7kd8cqggz37gal60sp9gyk9x72sk4mk0f' }));
    assert.deepEqual(codes(await explainOnrampOrder(wrong, { checkTransfer: chainTransferChecker(service), locale: 'es' })), ['onramp.crypto.wrong_address']);
  } finally {
    await server.close();
  }
});

test('behavior: the delivery transaction pending, unknown or failed on chain is explained', async () => {
  const server = await startReplayServer([
    { path: `/api/tx/${T1}`, body: fixture('btc-mainnet-rbf-original-unconfirmed.esplora.json') },
    { path: '/api/v1/fees/recommended', body: { fastestFee: 3, halfHourFee: 2, hourFee: 2, economyFee: 1, minimumFee: 1 } },
    { path: `/api/tx/${'c'.repeat(64)}`, status: 404, body: 'Transaction not found' },
    { method: 'POST', path: '/wallet/gettransactionbyid', body: {} },
    { method: 'POST', path: '/wallet/gettransactioninfobyid', body: fixture('tron-mainnet-gettransactioninfobyid-out-of-energy.json') },
  ]);
  try {
    const checkTransfer = chainTransferChecker(createChainService({ rpc: { bitcoin: [server.url + '/api'], tron: [server.url] } }));
    const pending = await explainOnrampOrder(onramp('moonpay', moonpay('pending', { cryptoTransactionId: T1 })), { checkTransfer });
    assert.deepEqual(codes(pending), ['onramp.crypto.tx_pending']);
    const unknown = await explainOnrampOrder(onramp('moonpay', moonpay('completed', { cryptoTransactionId: 'c'.repeat(64) })), { checkTransfer });
    assert.deepEqual(codes(unknown), ['onramp.crypto.tx_not_found']);
    const failed = await explainOnrampOrder(onramp('ramp', ramp('RELEASED', { finalTxHash: OOE })), { checkTransfer, locale: 'pt-BR' });
    assert.deepEqual(codes(failed), ['onramp.crypto.tx_failed']);
    assert.ok(failed.transaction?.ok && failed.transaction.diagnosis.findings[0]!.code === 'tron.failed.out_of_energy');
    assert.match(failed.findings[0]!.userMessage, /falhou na tron/);
  } finally {
    await server.close();
  }
});

test('behavior: order states from MoonPay, Ramp and Transak without a chain check', async () => {
  const cases: Array<[OnrampEvent[], string]> = [
    [onramp('moonpay', moonpay('waitingPayment')), 'onramp.payment.pending'],
    [onramp('moonpay', moonpay('failed', { failureReason: 'Card declined by issuer' })), 'onramp.payment.failed'],
    [onramp('transak', transak('ON_HOLD_PENDING_DELIVERY_FROM_TRANSAK')), 'onramp.kyc.required'],
    [onramp('ramp', ramp('PAYMENT_EXECUTED')), 'onramp.crypto.processing'],
    [onramp('transak', transak('COMPLETED')), 'onramp.crypto.no_tx_hash'],
    [onramp('transak', transak('FAILED', { transactionHash: '5EDZTSg5WD8gr6KeYZbE1hBTr1S7WuCJSpdx4EjCTW6Ykgt1KUgtfPFzQ99faPyiz411AKDuaci54zF7997QtEvH', statusReason: 'Delivery failed' })), 'onramp.order.failed'],
    [onramp('transak', transak('REFUNDED')), 'onramp.order.refunded'],
    [onramp('ramp', ramp('EXPIRED')), 'onramp.order.expired'],
  ];
  for (const [events, code] of cases) assert.deepEqual(codes(await explainOnrampOrder(events)), [code], code);
  const refunded = await explainOnrampOrder(onramp('transak', transak('REFUNDED')), { locale: 'es' });
  assert.match(refunded.findings[0]!.userMessage, /se reembolsaron tus 1000 MXN/);
  assert.equal(onramp('ramp', ramp('RELEASED'))[0]!.crypto.value, '10');
});

test('error: an unreachable chain endpoint leaves the provider state and the error, not a crash', async () => {
  const server = await startReplayServer([{ path: `/api/tx/${T2}`, status: 503, body: 'upstream busy' }]);
  try {
    const checkTransfer = chainTransferChecker(createChainService({ rpc: { bitcoin: [server.url + '/api'] }, retries: 0 }));
    const x = await explainOnrampOrder(onramp('moonpay', moonpay('completed', { cryptoTransactionId: T2 })), { checkTransfer });
    assert.deepEqual(codes(x), ['onramp.crypto.processing']);
    assert.equal(x.transaction?.ok, false);
    assert.ok(!x.transaction?.ok && x.transaction?.error.code === 'UNAVAILABLE');
  } finally {
    await server.close();
  }
});
