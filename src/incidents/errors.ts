import { ConflictError, NotFoundError, OpsError, UnavailableError, ValidationError, redactUrl } from '../core/index.ts';

export class IncidentNotFoundError extends NotFoundError {
  override name = 'IncidentNotFoundError';
  constructor(id: string) {
    super(`No incident with id ${id}.`, { metaMessages: ['List incidents with `opsdesk incident list` or GET /api/incidents.'], context: { id } });
  }
}

export class IncidentResolvedError extends ConflictError {
  override name = 'IncidentResolvedError';
  constructor(id: string) {
    super(`Incident ${id} is already resolved.`, { metaMessages: ['Declare a new incident for a regression, or add a note to the resolved one.'], context: { id } });
  }
}

export class IncidentTransitionError extends ConflictError {
  override name = 'IncidentTransitionError';
  constructor(id: string, from: string, to: string) {
    super(`Incident ${id} cannot go from ${from} to ${to}.`, { metaMessages: ['Incidents move investigating → identified → monitoring → resolved; maintenances scheduled → in_progress → verifying → completed.'], context: { id, from, to } });
  }
}

export class ComponentNotFoundError extends NotFoundError {
  override name = 'ComponentNotFoundError';
  constructor(id: string) {
    super(`No status page component with id ${id}.`, { metaMessages: ['List components with `opsdesk status component list` or GET /api/status/components.'], context: { id } });
  }
}

export class UpdateImpersonationRiskError extends ValidationError {
  override name = 'UpdateImpersonationRiskError';
  constructor(reasons: readonly string[]) {
    super('The update was refused: it reads like a request for wallet secrets or a phishing link.', {
      metaMessages: [
        ...reasons.map((r) => `- ${r}`),
        'Our messages never ask users for a seed phrase, a private key, or to "verify" or "validate" a wallet; scammers do.',
        'Rephrase the update (saying "we will never ask for your recovery phrase" is fine), and link only to allowed hosts.',
      ],
      docsPath: 'update-impersonation-risk',
      context: { reasons },
    });
  }
}

export class SubscriptionTokenInvalidError extends ValidationError {
  override name = 'SubscriptionTokenInvalidError';
  constructor(what: 'confirmation' | 'unsubscribe') {
    super(`The ${what} link is invalid or has already been used.`, { metaMessages: ['Subscribe again from the status page to get a new link.'] });
  }
}

export class EmailNotConfiguredError extends UnavailableError {
  override name = 'EmailNotConfiguredError';
  constructor() {
    super('E-mail notifications are not configured on this server.', {
      metaMessages: ['Set notifications.smtpHost (OPSDESK_NOTIFICATIONS_SMTP_HOST) and notifications.from, then restart.'],
      retryable: false,
    });
  }
}

export class ProviderSummaryInvalidError extends ValidationError {
  override name = 'ProviderSummaryInvalidError';
  constructor(provider: string, issues: readonly string[]) {
    super(`The status summary of provider ${provider} is not in the Statuspage summary.json shape.`, {
      metaMessages: issues.slice(0, 10).map((i) => `- ${i}`),
      context: { provider },
    });
  }
}

export class NotificationDeliveryError extends OpsError {
  override name = 'NotificationDeliveryError';
  constructor(channel: 'email' | 'webhook', target: string, cause: unknown) {
    super(`Delivery by ${channel} to ${channel === 'webhook' ? redactUrl(target) : target} failed.`, { code: 'UNAVAILABLE', cause, context: { channel } });
  }
}

export class IncidentChangedError extends ConflictError {
  override name = 'IncidentChangedError';
  constructor(id: string) {
    super(`Incident ${id} was changed by someone else at the same time.`, { metaMessages: ['Reload the incident and post your update again if it is still needed.'], context: { id } });
  }
}
