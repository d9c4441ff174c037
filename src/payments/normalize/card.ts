import { z } from 'zod';
import type { CardEvent } from '../event.ts';
import { decimal, fromMinor, parseShape, reasonToIso, toIso } from './internal.ts';

const MarqetaTransaction = z.object({
  token: z.string(),
  type: z.string(),
  state: z.string().optional(),
  user_token: z.string().optional(),
  card_token: z.string().optional(),
  amount: z.number(),
  currency_code: z.string().default('USD'),
  created_time: z.string().optional(),
  user_transaction_time: z.string().optional(),
  preceding_related_transaction_token: z.string().optional(),
  response: z.object({ code: z.string().optional(), memo: z.string().optional() }).optional(),
  card_acceptor: z.object({ name: z.string().optional(), mcc: z.string().optional(), country_code: z.string().optional() }).optional(),
  currency_conversion: z.object({ network: z.object({ original_amount: z.number().optional(), original_currency_code: z.string().optional() }).optional() }).optional(),
  cardholder_authentication_data: z.object({ authentication_status: z.string().optional(), authentication_method: z.string().optional() }).optional(),
});
const MarqetaWebhook = z.object({ transactions: z.array(MarqetaTransaction).min(1) });

/** Marqeta response codes with a known ISO 8583 equivalent (others keep the memo as the decline reason). */
const marqetaCodes: Readonly<Record<string, string>> = { '0000': '00', '1016': '51' };

/** Marqeta-style transaction webhooks (`{ "transactions": [...] }`, Core API transaction object). */
export function normalizeMarqeta(body: unknown): CardEvent[] {
  const hook = parseShape(MarqetaWebhook, body, 'marqeta');
  return hook.transactions.map((t) => {
    const declined = t.state === 'DECLINED' || t.state === 'ERROR';
    const type: CardEvent['type'] = t.type.startsWith('refund')
      ? t.type.includes('clearing') || t.state === 'COMPLETION' ? 'refund_settlement' : 'refund'
      : t.type.includes('reversal')
        ? 'reversal'
        : t.type.includes('clearing')
          ? 'settlement'
          : declined
            ? 'decline'
            : 'authorization';
    const code = t.response?.code;
    const iso = code ? (marqetaCodes[code] ?? (declined ? reasonToIso(t.response?.memo) : undefined)) : undefined;
    const auth = t.cardholder_authentication_data?.authentication_status;
    const original = t.currency_conversion?.network;
    return {
      kind: 'card',
      provider: 'marqeta',
      eventId: t.token,
      type,
      authorizationId: t.preceding_related_transaction_token ?? t.token,
      occurredAt: toIso(t.user_transaction_time ?? t.created_time),
      ...(t.card_token ? { cardId: t.card_token } : {}),
      ...(t.user_token ? { userRef: t.user_token } : {}),
      amount: { value: decimal(t.amount), currency: t.currency_code },
      ...(original?.original_amount !== undefined && original.original_currency_code && original.original_currency_code !== t.currency_code ? { merchantAmount: { value: decimal(original.original_amount), currency: original.original_currency_code } } : {}),
      ...(t.card_acceptor?.name ? { merchant: { name: t.card_acceptor.name, ...(t.card_acceptor.mcc ? { mcc: t.card_acceptor.mcc } : {}), ...(t.card_acceptor.country_code ? { country: t.card_acceptor.country_code } : {}) } } : {}),
      ...(iso ? { responseCode: iso } : {}),
      ...(declined && t.response ? { declineReason: `${t.response.code ?? ''} ${t.response.memo ?? ''}`.trim() } : {}),
      ...(auth ? { threeDs: { result: auth.toLowerCase() } } : {}),
    };
  });
}

const StripeMerchant = z.object({ name: z.string().nullish(), category: z.string().nullish(), country: z.string().nullish() }).optional();
const StripeAuthorization = z.object({
  id: z.string(),
  object: z.literal('issuing_authorization'),
  amount: z.number(),
  currency: z.string(),
  merchant_amount: z.number().optional(),
  merchant_currency: z.string().optional(),
  approved: z.boolean(),
  status: z.enum(['pending', 'closed', 'reversed', 'expired']),
  created: z.number().optional(),
  card: z.object({ id: z.string() }).optional(),
  cardholder: z.string().nullish(),
  merchant_data: StripeMerchant,
  request_history: z.array(z.object({ approved: z.boolean(), reason: z.string().optional(), amount: z.number().optional(), merchant_amount: z.number().optional() })).default([]),
  verification_data: z.object({ cvc_check: z.string().optional(), expiry_check: z.string().optional(), three_d_secure: z.object({ result: z.string() }).nullish() }).optional(),
});
const StripeTransaction = z.object({
  id: z.string(),
  object: z.literal('issuing_transaction'),
  type: z.enum(['capture', 'refund']),
  amount: z.number(),
  currency: z.string(),
  merchant_amount: z.number().optional(),
  merchant_currency: z.string().optional(),
  authorization: z.string().nullish(),
  card: z.string().optional(),
  cardholder: z.string().nullish(),
  created: z.number().optional(),
  merchant_data: StripeMerchant,
});
const StripeEvent = z.object({ id: z.string(), type: z.string(), created: z.number().optional(), data: z.object({ object: z.union([StripeAuthorization, StripeTransaction]) }) });

/** Stripe Issuing-style events (`issuing_authorization.*`, `issuing_transaction.created`). */
export function normalizeStripeIssuing(body: unknown): CardEvent[] {
  const ev = parseShape(StripeEvent, body, 'stripe-issuing');
  const o = ev.data.object;
  const cur = o.currency.toUpperCase();
  const merchant = o.merchant_data?.name ? { name: o.merchant_data.name, ...(o.merchant_data.category ? { mcc: o.merchant_data.category } : {}), ...(o.merchant_data.country ? { country: o.merchant_data.country } : {}) } : undefined;
  const fx = o.merchant_currency && o.merchant_currency.toUpperCase() !== cur && o.merchant_amount !== undefined ? { merchantAmount: { value: fromMinor(o.merchant_amount, o.merchant_currency), currency: o.merchant_currency.toUpperCase() } } : {};
  const common = { kind: 'card' as const, provider: 'stripe-issuing', eventId: ev.id, occurredAt: toIso(ev.created ?? o.created), amount: { value: fromMinor(o.amount, cur), currency: cur }, ...fx, ...(merchant ? { merchant } : {}), ...(o.cardholder ? { userRef: o.cardholder } : {}) };
  if (o.object === 'issuing_transaction') {
    return [{ ...common, type: o.type === 'refund' ? 'refund_settlement' : 'settlement', authorizationId: o.authorization ?? o.id, ...(o.card ? { cardId: o.card } : {}) }];
  }
  const last = o.request_history[o.request_history.length - 1];
  const amount = o.amount === 0 && last?.amount !== undefined ? { amount: { value: fromMinor(last.amount, cur), currency: cur } } : {};
  const three = o.verification_data?.three_d_secure?.result;
  const base = { ...common, ...amount, authorizationId: o.id, ...(o.card ? { cardId: o.card.id } : {}), ...(three ? { threeDs: { result: three } } : {}) };
  if (o.status === 'reversed') return [{ ...base, type: 'reversal' }];
  if (o.approved) return [{ ...base, type: 'authorization', responseCode: '00' }];
  const reason = last?.reason;
  const iso = o.verification_data?.cvc_check === 'mismatch' ? 'N7' : o.verification_data?.expiry_check === 'mismatch' ? '54' : reasonToIso(reason);
  return [{ ...base, type: 'decline', ...(iso ? { responseCode: iso } : {}), ...(reason ? { declineReason: reason } : {}) }];
}
