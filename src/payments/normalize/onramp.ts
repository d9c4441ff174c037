import { z } from 'zod';
import type { OnrampEvent, OnrampStatus } from '../event.ts';
import { decimal, fromBaseUnits, parseShape, toIso } from './internal.ts';

const MoonPayTx = z.object({
  id: z.string(),
  status: z.string(),
  baseCurrencyAmount: z.number().nullish(),
  baseCurrency: z.object({ code: z.string() }).optional(),
  quoteCurrencyAmount: z.number().nullish(),
  currency: z.object({ code: z.string(), metadata: z.object({ networkCode: z.string().optional() }).nullish() }),
  walletAddress: z.string().nullish(),
  cryptoTransactionId: z.string().nullish(),
  failureReason: z.string().nullish(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  externalCustomerId: z.string().nullish(),
});
const MoonPayWebhook = z.object({ type: z.string(), data: MoonPayTx });

/** MoonPay currency code suffixes (e.g. usdt_trx) to networks, when metadata.networkCode is absent. */
const moonpaySuffix: Readonly<Record<string, string>> = { trx: 'tron', sol: 'solana', bsc: 'bsc', polygon: 'polygon', arbitrum: 'arbitrum', optimism: 'optimism', base: 'base', ton: 'ton', erc20: 'ethereum' };
const moonpayNative: Readonly<Record<string, string>> = { btc: 'bitcoin', eth: 'ethereum', sol: 'solana', trx: 'tron', ltc: 'litecoin', doge: 'dogecoin', xrp: 'xrp', xlm: 'stellar', atom: 'cosmos', ton: 'ton', bnb_bsc: 'bsc', pol_polygon: 'polygon' };

function moonpayStatus(status: string, tx: z.infer<typeof MoonPayTx>): OnrampStatus {
  switch (status) {
    case 'waitingPayment':
    case 'waitingAuthorization':
      return 'payment_pending';
    case 'pending':
      return tx.cryptoTransactionId ? 'crypto_sending' : 'paid';
    case 'completed':
      return 'completed';
    case 'failed':
      return tx.cryptoTransactionId ? 'failed' : 'payment_failed';
    default:
      return 'created';
  }
}

/** MoonPay-style buy transaction webhooks (`transaction_created|updated|failed`). */
export function normalizeMoonPay(body: unknown): OnrampEvent[] {
  const hook = parseShape(MoonPayWebhook, body, 'moonpay');
  const t = hook.data;
  const code = t.currency.code.toLowerCase();
  const [asset = code, suffix] = code.split('_');
  const network = t.currency.metadata?.networkCode ?? (suffix ? moonpaySuffix[suffix] : undefined) ?? moonpayNative[code];
  return [{
    kind: 'onramp',
    provider: 'moonpay',
    eventId: `${t.id}:${t.status}:${t.updatedAt ?? hook.type}`,
    orderId: t.id,
    status: moonpayStatus(t.status, t),
    providerStatus: t.status,
    occurredAt: toIso(t.updatedAt ?? t.createdAt),
    ...(t.externalCustomerId ? { userRef: t.externalCustomerId } : {}),
    ...(t.baseCurrencyAmount != null && t.baseCurrency ? { fiat: { value: decimal(t.baseCurrencyAmount), currency: t.baseCurrency.code.toUpperCase() } } : {}),
    crypto: { asset: asset.toUpperCase(), ...(t.quoteCurrencyAmount != null ? { value: decimal(t.quoteCurrencyAmount) } : {}), ...(network ? { network } : {}) },
    ...(t.walletAddress ? { walletAddress: t.walletAddress } : {}),
    ...(t.cryptoTransactionId ? { txHash: t.cryptoTransactionId } : {}),
    ...(t.failureReason ? { failureReason: t.failureReason } : {}),
  }];
}

const RampPurchase = z.object({
  id: z.string(),
  status: z.string(),
  asset: z.object({ symbol: z.string(), chain: z.string().optional(), decimals: z.number().int().min(0).max(36) }),
  cryptoAmount: z.string().regex(/^\d+$/).optional(),
  fiatCurrency: z.string().optional(),
  fiatValue: z.number().optional(),
  receiverAddress: z.string().nullish(),
  finalTxHash: z.string().nullish(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
const RampWebhook = z.object({ type: z.string(), purchase: RampPurchase });

const rampStatuses: Readonly<Record<string, OnrampStatus>> = {
  INITIALIZED: 'payment_pending', PAYMENT_STARTED: 'payment_pending', PAYMENT_IN_PROGRESS: 'payment_pending', PAYMENT_FAILED: 'payment_failed',
  PAYMENT_EXECUTED: 'paid', FIAT_SENT: 'paid', FIAT_RECEIVED: 'paid', RELEASING: 'crypto_sending', RELEASED: 'completed', EXPIRED: 'expired', CANCELLED: 'cancelled', RETURNED: 'refunded', ERROR: 'failed',
};

/** Ramp-style purchase webhooks (`{ type, purchase }`, amounts in base units with asset decimals). */
export function normalizeRamp(body: unknown): OnrampEvent[] {
  const hook = parseShape(RampWebhook, body, 'ramp');
  const p = hook.purchase;
  return [{
    kind: 'onramp',
    provider: 'ramp',
    eventId: `${p.id}:${p.status}:${p.updatedAt ?? hook.type}`,
    orderId: p.id,
    status: rampStatuses[p.status] ?? rampStatuses[hook.type] ?? 'created',
    providerStatus: p.status,
    occurredAt: toIso(p.updatedAt ?? p.createdAt),
    ...(p.fiatValue !== undefined && p.fiatCurrency ? { fiat: { value: decimal(p.fiatValue), currency: p.fiatCurrency.toUpperCase() } } : {}),
    crypto: { asset: p.asset.symbol.toUpperCase(), ...(p.cryptoAmount ? { value: fromBaseUnits(p.cryptoAmount, p.asset.decimals) } : {}), ...(p.asset.chain ? { network: p.asset.chain.toLowerCase() } : {}) },
    ...(p.receiverAddress ? { walletAddress: p.receiverAddress } : {}),
    ...(p.finalTxHash ? { txHash: p.finalTxHash } : {}),
  }];
}

const TransakOrder = z.object({
  id: z.string(),
  status: z.string(),
  fiatCurrency: z.string().optional(),
  fiatAmount: z.number().optional(),
  cryptoCurrency: z.string(),
  cryptoAmount: z.number().optional(),
  network: z.string().optional(),
  walletAddress: z.string().nullish(),
  transactionHash: z.string().nullish(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  completedAt: z.string().nullish(),
  statusReason: z.string().nullish(),
  partnerCustomerId: z.string().nullish(),
});
const TransakWebhook = z.object({ eventID: z.string(), webhookData: TransakOrder });

const transakStatuses: Readonly<Record<string, OnrampStatus>> = {
  AWAITING_PAYMENT_FROM_USER: 'payment_pending', PAYMENT_DONE_MARKED_BY_USER: 'payment_pending', PROCESSING: 'paid', PENDING_DELIVERY_FROM_TRANSAK: 'crypto_sending',
  ON_HOLD_PENDING_DELIVERY_FROM_TRANSAK: 'kyc_required', COMPLETED: 'completed', CANCELLED: 'cancelled', FAILED: 'failed', REFUNDED: 'refunded', EXPIRED: 'expired',
};

/** Transak-style order webhooks, as `{ eventID, webhookData }` once the JWT payload is decoded. */
export function normalizeTransak(body: unknown): OnrampEvent[] {
  const hook = parseShape(TransakWebhook, body, 'transak');
  const o = hook.webhookData;
  const status = transakStatuses[o.status] ?? 'created';
  return [{
    kind: 'onramp',
    provider: 'transak',
    eventId: `${o.id}:${o.status}:${o.updatedAt ?? hook.eventID}`,
    orderId: o.id,
    status: status === 'failed' && !o.transactionHash ? 'payment_failed' : status,
    providerStatus: o.status,
    occurredAt: toIso(o.completedAt ?? o.updatedAt ?? o.createdAt),
    ...(o.partnerCustomerId ? { userRef: o.partnerCustomerId } : {}),
    ...(o.fiatAmount !== undefined && o.fiatCurrency ? { fiat: { value: decimal(o.fiatAmount), currency: o.fiatCurrency.toUpperCase() } } : {}),
    crypto: { asset: o.cryptoCurrency.toUpperCase(), ...(o.cryptoAmount !== undefined ? { value: decimal(o.cryptoAmount) } : {}), ...(o.network ? { network: o.network.toLowerCase() } : {}) },
    ...(o.walletAddress ? { walletAddress: o.walletAddress } : {}),
    ...(o.transactionHash ? { txHash: o.transactionHash } : {}),
    ...(o.statusReason ? { failureReason: o.statusReason } : {}),
  }];
}
