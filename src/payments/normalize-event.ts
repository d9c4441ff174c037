import { z } from 'zod';
import { PaymentProviderUnknownError } from './errors.ts';
import { PaymentEvent } from './event.ts';
import { normalizeMarqeta, normalizeStripeIssuing } from './normalize/card.ts';
import { parseShape } from './normalize/internal.ts';
import { normalizeMoonPay, normalizeRamp, normalizeTransak } from './normalize/onramp.ts';

const normalizers: Readonly<Record<string, (body: unknown) => PaymentEvent[]>> = {
  generic: (body) => {
    const v = parseShape(z.union([PaymentEvent, z.array(PaymentEvent).min(1)]), body, 'generic');
    return Array.isArray(v) ? v : [v];
  },
  marqeta: normalizeMarqeta,
  'stripe-issuing': normalizeStripeIssuing,
  moonpay: normalizeMoonPay,
  ramp: normalizeRamp,
  transak: normalizeTransak,
};

export const paymentProviders = Object.keys(normalizers);

/** Turns one webhook body of a provider into generic payment events (throws PaymentEventInvalidError on a foreign shape). */
export function normalizePaymentEvent(provider: string, body: unknown): PaymentEvent[] {
  const fn = normalizers[provider];
  if (!fn) throw new PaymentProviderUnknownError(provider, paymentProviders);
  return fn(body);
}
