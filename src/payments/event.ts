import { z } from 'zod';

/** A money amount as a decimal string in major units ("12.50") with its ISO 4217 (or crypto) code. */
export const Money = z.object({
  value: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "12.50"').describe('Amount in major units, as a decimal string.'),
  currency: z.string().min(3).max(12).describe('ISO 4217 code (USD, BRL, MXN…) or asset symbol.'),
});
export type Money = z.infer<typeof Money>;

export const cardEventTypes = ['authorization', 'decline', 'reversal', 'settlement', 'refund', 'refund_settlement'] as const;

/**
 * The generic card event (the documented shape any processor adapter produces, and that a team can
 * POST directly as provider "generic"). Declines carry the ISO 8583 field 39 response code.
 */
export const CardEvent = z.object({
  kind: z.literal('card'),
  provider: z.string(),
  eventId: z.string().min(1).describe('Unique per provider; a repeated id is ignored (webhook retries).'),
  type: z.enum(cardEventTypes),
  /** Links the events of one payment: authorisation, reversal, settlement and refund share it. */
  authorizationId: z.string().min(1),
  occurredAt: z.string().describe('ISO-8601 UTC.'),
  cardId: z.string().optional(),
  userRef: z.string().optional().describe('The processor\'s cardholder/user id (never a card number).'),
  amount: Money.describe('Billed amount in the card currency.'),
  merchantAmount: Money.optional().describe('Amount in the merchant currency, when it differs (FX).'),
  merchant: z.object({ name: z.string(), mcc: z.string().optional(), country: z.string().optional() }).optional(),
  responseCode: z.string().optional().describe('ISO 8583 field 39 (00 approved, 05, 51, N7…).'),
  declineReason: z.string().optional().describe('The processor\'s own reason text or code, kept for the agent.'),
  threeDs: z.object({ result: z.string(), reason: z.string().optional() }).optional().describe('3-D Secure outcome: authenticated, attempted, failed, rejected, challenge_abandoned…'),
});
export type CardEvent = z.infer<typeof CardEvent>;

export const onrampStatuses = ['created', 'payment_pending', 'kyc_required', 'payment_failed', 'paid', 'crypto_sending', 'completed', 'failed', 'refunded', 'expired', 'cancelled'] as const;
export type OnrampStatus = (typeof onrampStatuses)[number];

/** The generic on-ramp order event: a provider order moving through its states. */
export const OnrampEvent = z.object({
  kind: z.literal('onramp'),
  provider: z.string(),
  eventId: z.string().min(1),
  orderId: z.string().min(1),
  status: z.enum(onrampStatuses),
  providerStatus: z.string().describe('The provider\'s own status name, kept verbatim.'),
  occurredAt: z.string(),
  userRef: z.string().optional(),
  fiat: Money.optional(),
  crypto: z.object({ value: z.string().optional(), asset: z.string(), network: z.string().optional().describe('Provider network name (bitcoin, ethereum, tron, solana, bsc…).') }),
  walletAddress: z.string().optional(),
  txHash: z.string().optional(),
  failureReason: z.string().optional(),
});
export type OnrampEvent = z.infer<typeof OnrampEvent>;

export const PaymentEvent = z.discriminatedUnion('kind', [CardEvent, OnrampEvent]);
export type PaymentEvent = z.infer<typeof PaymentEvent>;

/** The id that groups events of one payment (authorisation id or order id). */
export function subjectOf(e: PaymentEvent): string {
  return e.kind === 'card' ? e.authorizationId : e.orderId;
}
