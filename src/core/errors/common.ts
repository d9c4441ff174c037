import { OpsError, type OpsErrorOptions } from './ops-error.ts';

type Extra = Omit<OpsErrorOptions, 'code'>;

export class ValidationError extends OpsError {
  override name = 'ValidationError';
  constructor(shortMessage: string, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'VALIDATION' });
  }
}

export class NotFoundError extends OpsError {
  override name = 'NotFoundError';
  constructor(shortMessage: string, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'NOT_FOUND' });
  }
}

export class ConflictError extends OpsError {
  override name = 'ConflictError';
  constructor(shortMessage: string, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'CONFLICT' });
  }
}

export class UnauthorizedError extends OpsError {
  override name = 'UnauthorizedError';
  constructor(shortMessage = 'Sign in or send an API token to use this route.', options: Extra = {}) {
    super(shortMessage, { ...options, code: 'UNAUTHORIZED' });
  }
}

export class ForbiddenError extends OpsError {
  override name = 'ForbiddenError';
  constructor(shortMessage = 'Your role does not allow this action.', options: Extra = {}) {
    super(shortMessage, { ...options, code: 'FORBIDDEN' });
  }
}

export class RateLimitedError extends OpsError {
  override name = 'RateLimitedError';
  readonly retryAfterSec: number;
  constructor(shortMessage: string, retryAfterSec: number, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'RATE_LIMITED', context: { ...options.context, retryAfterSec } });
    this.retryAfterSec = retryAfterSec;
  }
}

export class UnavailableError extends OpsError {
  override name = 'UnavailableError';
  constructor(shortMessage: string, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'UNAVAILABLE' });
  }
}

export class TimeoutError extends OpsError {
  override name = 'TimeoutError';
  constructor(shortMessage: string, options: Extra = {}) {
    super(shortMessage, { ...options, code: 'TIMEOUT' });
  }
}
