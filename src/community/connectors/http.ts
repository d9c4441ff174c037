import { describeJsonError, redactUrl } from '../../core/index.ts';
import { CommunityFeedRateLimitedError, CommunityFeedUnavailableError } from '../errors.ts';

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs: number;
  userAgent: string;
  nowMs: number;
}

export type FetchOutcome = { status: 'not-modified' } | { status: 'ok'; body: string; etag: string | null; lastModified: string | null };

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); 60 when absent or unreadable. */
export function retryAfterSec(header: string | null, nowMs: number): number {
  if (!header) return 60;
  const n = Number(header.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60 : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** A polite GET: conditional headers, a timeout, 304 as "nothing new", 429 as a rate-limit error carrying Retry-After. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchOutcome> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const shown = redactUrl(url).replace(/\/bot\d+:[A-Za-z0-9_-]+/, '/bot***');
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new CommunityFeedUnavailableError(shown, null, err);
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not-modified' };
  }
  if (res.status === 429) {
    await res.body?.cancel();
    throw new CommunityFeedRateLimitedError(shown, retryAfterSec(res.headers.get('retry-after'), options.nowMs));
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new CommunityFeedUnavailableError(shown, res.status);
  }
  return { status: 'ok', body: await res.text(), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}

/** Parses a JSON body, or throws the connector's payload error. */
export function jsonOf(body: string, onError: (reason: string) => Error): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    throw onError(describeJsonError(err));
  }
}
