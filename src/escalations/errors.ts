import { ConflictError, NotFoundError, UnavailableError, ValidationError } from '../core/index.ts';

export class EscalationNotFoundError extends NotFoundError {
  override name = 'EscalationNotFoundError';
  constructor(id: string) {
    super(`Escalation ${id} does not exist.`, { metaMessages: ['List escalations with `opsdesk escalation show <id>` using an id from `escalation create`.'], context: { id } });
  }
}

export class EscalationSourceEmptyError extends ValidationError {
  override name = 'EscalationSourceEmptyError';
  constructor(type: string, id: string) {
    super(`The ${type} ${id} has no tickets to build an escalation from.`, { metaMessages: ['Link tickets to it first, or escalate one ticket with --ticket.'], context: { type, id } });
  }
}

export class TrackerNotConfiguredError extends ValidationError {
  override name = 'TrackerNotConfiguredError';
  constructor(tracker: string, missing: string[]) {
    super(`The ${tracker} tracker is not configured.`, { metaMessages: [`Set ${missing.map((m) => `escalations.${m}`).join(', ')} (tokens via OPSDESK_ESCALATIONS_* environment variables).`, 'Without a token, `escalation export` prints the payload to paste.'], context: { tracker, missing } });
  }
}

export class EscalationAlreadySentError extends ConflictError {
  override name = 'EscalationAlreadySentError';
  constructor(id: string, tracker: string, url: string) {
    super(`Escalation ${id} is already an issue in ${tracker}.`, { metaMessages: [`The issue: ${url}`, 'Use `sync` to refresh its state.'], context: { id, tracker, url } });
  }
}

export class TrackerRequestError extends UnavailableError {
  override name = 'TrackerRequestError';
  constructor(tracker: string, status: number | null, detail: string, options: { cause?: unknown } = {}) {
    super(`The ${tracker} API did not accept the request${status ? ` (HTTP ${status})` : ''}.`, { metaMessages: [detail, 'Check the token, the base URL and the project/team settings under escalations.*.'], context: { tracker, status }, ...(options.cause ? { cause: options.cause } : {}) });
  }
}
