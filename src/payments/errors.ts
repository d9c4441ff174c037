import { NotFoundError, UnauthorizedError, ValidationError } from '../core/index.ts';

export class PaymentEventInvalidError extends ValidationError {
  override name = 'PaymentEventInvalidError';
  constructor(provider: string, problems: readonly string[]) {
    super(`The ${provider} payment event does not have the expected shape.`, {
      context: { provider, problems },
      metaMessages: [...problems.map((p) => `- ${p}`), 'The accepted shapes (generic, marqeta, stripe-issuing, moonpay, ramp, transak) are described in docs/finding-codes.md (card and on-ramp sections) and src/payments/event.ts.'],
    });
  }
}

export class PaymentProviderUnknownError extends ValidationError {
  override name = 'PaymentProviderUnknownError';
  constructor(provider: string, known: readonly string[]) {
    super(`Unknown payment provider "${provider}".`, { context: { provider }, metaMessages: [`Known providers: ${known.join(', ')}.`] });
  }
}

export class WebhookSignatureInvalidError extends UnauthorizedError {
  override name = 'WebhookSignatureInvalidError';
  constructor(provider: string, reason: string) {
    super(`The ${provider} webhook signature is not valid: ${reason}.`, {
      context: { provider },
      metaMessages: [`Check payments.webhookSecrets.${provider} and the provider's signing secret, or send an API token (role agent or above) to /api/payments/events/${provider}.`],
    });
  }
}

export class PaymentNotFoundError extends NotFoundError {
  override name = 'PaymentNotFoundError';
  constructor(subjectId: string) {
    super(`No payment events are stored for "${subjectId}".`, { context: { subjectId }, metaMessages: ['Give the authorisation id (card) or the order id (on-ramp) the webhooks carried.'] });
  }
}
