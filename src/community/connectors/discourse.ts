import { CommunityPayloadInvalidError } from '../errors.ts';
import type { ParsedPosts, RawPost, Rejected } from '../source.ts';
import type { PollInput, PollOutcome } from './connector.ts';
import { jsonOf } from './http.ts';
import { collect, htmlToText, isoTime, obj, post, str } from './parse-util.ts';

const bad = (reason: string) => new CommunityPayloadInvalidError('discourse', reason);

export interface DiscourseTopic {
  id: number;
  title: string;
  lastPostedAt: string;
}

/** Reads /latest.json: topics (id, title, last post time) and the next page's path. */
export function parseDiscourseLatest(body: unknown): { topics: DiscourseTopic[]; rejected: Rejected[]; more: string | null } {
  const list = obj(obj(body)?.topic_list);
  if (!list || !Array.isArray(list.topics)) throw bad('no topic_list.topics');
  const topics: DiscourseTopic[] = [];
  const rejected: Rejected[] = [];
  list.topics.forEach((raw, i) => {
    const t = obj(raw);
    const id = t?.id;
    const at = isoTime(t?.last_posted_at ?? t?.bumped_at ?? t?.created_at);
    if (typeof id !== 'number' || !at) rejected.push({ at: `topic #${i}`, reason: typeof id !== 'number' ? 'no id' : 'no valid date' });
    else topics.push({ id, title: str(t?.title) ?? '', lastPostedAt: at });
  });
  return { topics, rejected, more: str(list.more_topics_url) ?? null };
}

/** Reads the posts of /t/{id}.json (or /t/{id}/posts.json); the first post carries the topic title. */
export function parseDiscourseTopic(body: unknown, base: string, fallbackTitle = ''): ParsedPosts & { missing: number[] } {
  const topic = obj(body);
  const stream = obj(topic?.post_stream);
  if (!stream || !Array.isArray(stream.posts)) throw bad('no post_stream.posts');
  const title = str(topic?.title) ?? fallbackTitle;
  const parsed = collect(stream.posts, (raw): RawPost | string => {
    const p = obj(raw) ?? {};
    const topicId = str(p.topic_id) ?? str(topic?.id);
    const n = typeof p.post_number === 'number' ? p.post_number : undefined;
    const text = htmlToText(str(p.cooked) ?? str(p.raw) ?? '');
    return post({
      externalId: str(p.id) ? `post:${str(p.id)}` : undefined,
      authorId: str(p.user_id) ?? str(p.username),
      authorName: str(p.name) || str(p.username),
      text: n === 1 && title ? `${title}\n\n${text}` : text,
      postedAt: isoTime(p.created_at),
      channel: str(topic?.category_id) ? `category ${str(topic?.category_id)}` : 'forum',
      url: topicId ? `${base}/t/${topicId}${n ? `/${n}` : ''}` : undefined,
    });
  });
  const have = new Set(stream.posts.map((p) => obj(p)?.id));
  const missing = Array.isArray(stream.stream) ? stream.stream.filter((id): id is number => typeof id === 'number' && !have.has(id)) : [];
  return { ...parsed, missing };
}

/**
 * Polls a Discourse forum: /latest.json pages (ETag on the first) until topics are older than the
 * cursor, then each newer topic's /t/{id}.json and the posts beyond its first page.
 */
export async function pollDiscourse(input: PollInput): Promise<PollOutcome> {
  const base = input.url.replace(/\/+$/, '');
  const maxPages = input.settings.maxPages ?? 5;
  const since = input.state.cursor ?? '';
  const out: PollOutcome = { posts: [], rejected: [], state: { ...input.state }, notModified: false, requests: 0 };
  const fresh: DiscourseTopic[] = [];
  let path: string | null = '/latest.json';
  for (let page = 0; path && page < maxPages; page++) {
    out.requests++;
    const res = await input.get(base + (path.includes('.json') ? path : path.replace(/^\/latest/, '/latest.json')), page === 0);
    if (res.status === 'not-modified') return { ...out, notModified: true };
    if (page === 0) out.state = { ...out.state, etag: res.etag, lastModified: res.lastModified };
    const latest = parseDiscourseLatest(jsonOf(res.body, (r) => bad(r)));
    out.rejected.push(...latest.rejected);
    const newer = latest.topics.filter((t) => t.lastPostedAt > since);
    fresh.push(...newer);
    if (newer.length < latest.topics.length) break;
    path = latest.more;
  }
  let newest = input.state.cursor;
  for (const t of fresh) {
    out.requests++;
    const res = await input.get(`${base}/t/${t.id}.json`, false);
    if (res.status === 'not-modified') continue;
    const parsed = parseDiscourseTopic(jsonOf(res.body, (r) => bad(r)), base, t.title);
    const batches = [parsed];
    for (let i = 0; i < parsed.missing.length; i += 20) {
      out.requests++;
      const q = parsed.missing.slice(i, i + 20).map((id) => `post_ids[]=${id}`).join('&');
      const more = await input.get(`${base}/t/${t.id}/posts.json?${q}`, false);
      if (more.status === 'ok') batches.push(parseDiscourseTopic(jsonOf(more.body, (r) => bad(r)), base, t.title));
    }
    for (const b of batches) {
      out.posts.push(...b.posts.filter((p) => p.postedAt > since));
      out.rejected.push(...b.rejected);
    }
    if (newest === null || t.lastPostedAt > newest) newest = t.lastPostedAt;
  }
  out.state.cursor = newest;
  return out;
}
