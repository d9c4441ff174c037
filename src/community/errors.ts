import { NotFoundError, RateLimitedError, UnauthorizedError, UnavailableError, ValidationError } from '../core/index.ts';

export class CommunitySourceNotFoundError extends NotFoundError {
  override name = 'CommunitySourceNotFoundError';
  constructor(ref: string) {
    super(`No community source ${ref}.`, { metaMessages: ['List sources with `opsdesk community sources` or GET /api/community/sources.'], context: { ref } });
  }
}

export class CommunitySourceInvalidError extends ValidationError {
  override name = 'CommunitySourceInvalidError';
  constructor(reason: string) {
    super(`Invalid community source: ${reason}`, { metaMessages: ['A source needs a kind (rss, discourse, reddit, telegram-bot, telegram-export, discord-export, discord-bot, app-store, play-store, webhook), a unique name and, for polled kinds, a URL.'] });
  }
}

export class CommunityPayloadInvalidError extends ValidationError {
  override name = 'CommunityPayloadInvalidError';
  constructor(kind: string, reason: string) {
    super(`The ${kind} payload cannot be read: ${reason}`, { metaMessages: ['Check that the file or body is the export format of that source (see docs/community.md).'], context: { kind } });
  }
}

export class CommunityFeedUnavailableError extends UnavailableError {
  override name = 'CommunityFeedUnavailableError';
  constructor(url: string, status: number | null, cause?: unknown) {
    super(status === null ? `The feed ${url} could not be reached.` : `The feed ${url} answered HTTP ${status}.`, {
      metaMessages: ['The source is retried later with backoff; check its URL and credentials if this persists.'],
      context: { url, status },
      cause,
      retryable: true,
    });
  }
}

export class CommunityFeedRateLimitedError extends RateLimitedError {
  override name = 'CommunityFeedRateLimitedError';
  constructor(url: string, retryAfterSec: number) {
    super(`The feed ${url} asked us to slow down (HTTP 429) for ${retryAfterSec}s.`, retryAfterSec, { metaMessages: ['The next poll of this source waits at least that long.'], context: { url } });
  }
}

export class CommunitySignatureInvalidError extends UnauthorizedError {
  override name = 'CommunitySignatureInvalidError';
  constructor(reason: string) {
    super(`The community webhook signature is not valid: ${reason}.`, { metaMessages: ['Sign the raw body with HMAC-SHA256 and community.webhookSecret, send it as `x-opsdesk-signature: sha256=<hex>`, or call with an API token.'] });
  }
}

export class CommunityScamNotFoundError extends NotFoundError {
  override name = 'CommunityScamNotFoundError';
  constructor(id: string) {
    super(`No scam report ${id}.`, { metaMessages: ['List reports with `opsdesk community scams` or GET /api/community/scams.'], context: { id } });
  }
}
