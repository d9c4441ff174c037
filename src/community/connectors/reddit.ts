import { CommunityPayloadInvalidError, CommunitySourceInvalidError } from '../errors.ts';
import type { ParsedPosts } from '../source.ts';
import type { PollInput, PollOutcome } from './connector.ts';
import { jsonOf } from './http.ts';
import { collect, isoTime, obj, post, str } from './parse-util.ts';

const bad = (reason: string) => new CommunityPayloadInvalidError('reddit', reason);

/** Reads a Reddit listing (`{kind: "Listing", data: {children: [{kind, data}], after}}`) of posts or comments. */
export function parseRedditListing(body: unknown, base = 'https://www.reddit.com'): ParsedPosts & { after: string | null } {
  const data = obj(obj(body)?.data);
  if (!data || !Array.isArray(data.children)) throw bad('no data.children');
  const parsed = collect(data.children, (raw) => {
    const d = obj(obj(raw)?.data) ?? {};
    const author = str(d.author);
    const body = [str(d.title), str(d.selftext) ?? str(d.body)].filter(Boolean).join('\n\n');
    return post({
      externalId: str(d.name) ?? (str(d.id) ? `t3_${str(d.id)}` : undefined),
      authorId: author && author !== '[deleted]' ? (str(d.author_fullname) ?? author) : undefined,
      authorName: author,
      text: body,
      postedAt: isoTime(d.created_utc),
      channel: str(d.subreddit) ? `r/${str(d.subreddit)}` : undefined,
      url: str(d.permalink) ? base + str(d.permalink) : undefined,
    });
  });
  return { ...parsed, after: str(data.after) ?? null };
}

/** Polls /r/{sub}/new.json newest first, following `after` until it reaches the cursor (newest post time seen) or maxPages. */
export async function pollReddit(input: PollInput): Promise<PollOutcome> {
  const sub = input.settings.subreddit;
  if (!sub) throw new CommunitySourceInvalidError('a reddit source needs settings.subreddit');
  const base = (input.url || 'https://www.reddit.com').replace(/\/+$/, '');
  const since = input.state.cursor ?? '';
  const maxPages = input.settings.maxPages ?? 5;
  const out: PollOutcome = { posts: [], rejected: [], state: { ...input.state }, notModified: false, requests: 0 };
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    out.requests++;
    const url = `${base}/r/${sub}/new.json?limit=100&raw_json=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await input.get(url, page === 0);
    if (res.status === 'not-modified') return { ...out, notModified: true };
    if (page === 0) out.state = { ...out.state, etag: res.etag, lastModified: res.lastModified };
    const listing = parseRedditListing(jsonOf(res.body, (r) => bad(r)), base);
    out.rejected.push(...listing.rejected);
    const newer = listing.posts.filter((p) => p.postedAt > since);
    out.posts.push(...newer);
    if (newer.length < listing.posts.length || !listing.after) break;
    after = listing.after;
  }
  out.state.cursor = out.posts.reduce<string | null>((m, p) => (m === null || p.postedAt > m ? p.postedAt : m), input.state.cursor);
  return out;
}
