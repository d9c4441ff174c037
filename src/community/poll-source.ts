import { isOpsError } from '../core/index.ts';
import type { PollInput, PollOutcome } from './connectors/connector.ts';
import { pollDiscourse } from './connectors/discourse.ts';
import { fetchFeed } from './connectors/http.ts';
import { pollReddit } from './connectors/reddit.ts';
import { pollRss } from './connectors/rss.ts';
import { pollTelegram } from './connectors/telegram.ts';
import { getSource } from './get-source.ts';
import type { CommunityDeps } from './deps.ts';
import { CommunityFeedRateLimitedError, CommunitySourceInvalidError } from './errors.ts';
import { ingestPosts, type IngestReport } from './ingest.ts';
import type { SourceKind } from './source.ts';

const pollers: Partial<Record<SourceKind, (input: PollInput) => Promise<PollOutcome>>> = { rss: pollRss, discourse: pollDiscourse, reddit: pollReddit, 'telegram-bot': pollTelegram };

export interface PollReport extends IngestReport {
  status: 'ok' | 'not-modified' | 'rate-limited' | 'failed';
  requests: number;
  nextPollAt: string;
  error?: string;
}

const maxBackoffSec = 6 * 3600;

/**
 * Polls one source once: conditional request, its connector's pagination from the stored cursor,
 * ingestion, then the new cursor and validators are saved. A 429 waits for Retry-After; other
 * failures back off exponentially (interval × 2^failures, at most 6 h). Failures are reported, not thrown.
 */
export async function pollSource(deps: CommunityDeps, ref: string): Promise<PollReport> {
  const source = await getSource(deps, ref);
  const poll = pollers[source.kind];
  if (!poll) throw new CommunitySourceInvalidError(`${source.kind} sources are imported or pushed, not polled`);
  const { db } = deps.store;
  const nowMs = deps.clock.nowMs();
  const now = new Date(nowMs).toISOString();
  const get: PollInput['get'] = (url, conditional) =>
    fetchFeed(url, { timeoutMs: deps.config.pollTimeoutMs, userAgent: deps.config.userAgent, nowMs: deps.clock.nowMs(), ...(conditional ? { etag: source.etag, lastModified: source.lastModified } : {}) });
  const empty = { source: source.name, received: 0, inserted: 0, duplicates: 0, rejected: 0, rejections: [], scams: 0 };
  try {
    const outcome = await poll({ url: source.url ?? '', settings: source.settings, state: { cursor: source.cursor, etag: source.etag, lastModified: source.lastModified }, get, env: deps.env ?? process.env });
    const ingested = outcome.notModified ? empty : await ingestPosts(deps, source, outcome);
    const next = new Date(nowMs + source.pollIntervalSec * 1000).toISOString();
    await db
      .updateTable('community_sources')
      .set({ cursor: outcome.state.cursor, etag: outcome.state.etag, last_modified: outcome.state.lastModified, next_poll_at: next, failures: 0, last_error: null, last_polled_at: now, updated_at: now })
      .where('id', '=', source.id)
      .execute();
    return { ...ingested, status: outcome.notModified ? 'not-modified' : 'ok', requests: outcome.requests, nextPollAt: next };
  } catch (err) {
    if (!isOpsError(err)) throw err;
    const limited = err instanceof CommunityFeedRateLimitedError;
    const failures = source.failures + 1;
    const waitSec = limited ? Math.max(err.retryAfterSec, source.pollIntervalSec) : Math.min(maxBackoffSec, source.pollIntervalSec * 2 ** Math.min(failures, 10));
    const next = new Date(nowMs + waitSec * 1000).toISOString();
    await db.updateTable('community_sources').set({ next_poll_at: next, failures, last_error: err.shortMessage, last_polled_at: now, updated_at: now }).where('id', '=', source.id).execute();
    return { ...empty, status: limited ? 'rate-limited' : 'failed', requests: 1, nextPollAt: next, error: err.shortMessage };
  }
}

/** Polls every enabled polled source that is due (next poll time passed), one after another. */
export async function pollDueSources(deps: CommunityDeps): Promise<PollReport[]> {
  const now = deps.clock.now().toISOString();
  const due = await deps.store.db.selectFrom('community_sources').select('id').where('enabled', '=', 1).where('kind', 'in', Object.keys(pollers)).where('next_poll_at', '<=', now).orderBy('next_poll_at').execute();
  const out: PollReport[] = [];
  for (const s of due) out.push(await pollSource(deps, s.id));
  return out;
}

