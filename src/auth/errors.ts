import { ConflictError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from '../core/index.ts';

export class UserNotFoundError extends NotFoundError {
  override name = 'UserNotFoundError';
  constructor(who: string) {
    super(`No user ${who}.`, { metaMessages: ['List users with `opsdesk user list`.'] });
  }
}

export class UserExistsError extends ConflictError {
  override name = 'UserExistsError';
  constructor(email: string) {
    super(`A user with e-mail ${email} already exists.`);
  }
}

export class TokenNotFoundError extends NotFoundError {
  override name = 'TokenNotFoundError';
  constructor(id: string) {
    super(`No API token ${id}.`, { metaMessages: ['Token ids look like tok_…; the secret itself is never stored.'] });
  }
}

export class LoginFailedError extends UnauthorizedError {
  override name = 'LoginFailedError';
  constructor() {
    super('E-mail or password is wrong, or the account is disabled.');
  }
}

export class LoginRateLimitedError extends RateLimitedError {
  override name = 'LoginRateLimitedError';
  constructor(retryAfterSec: number) {
    super(`Too many failed logins; try again in ${retryAfterSec} s.`, retryAfterSec);
  }
}

export class WeakPasswordError extends ValidationError {
  override name = 'WeakPasswordError';
  constructor() {
    super('The password is too short.', { metaMessages: ['Use at least 12 characters.'] });
  }
}
