import { XMLParser } from 'fast-xml-parser';
import { CommunityPayloadInvalidError } from '../errors.ts';
import type { ParsedPosts } from '../source.ts';
import type { PollInput, PollOutcome } from './connector.ts';
import { collect, htmlToText, isoTime, obj, post, str } from './parse-util.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', processEntities: true, htmlEntities: true });

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string | undefined => str(v) ?? str(obj(v)?.['#text']);

/** Reads an RSS 2.0 or Atom 1.0 document into posts; entries without an id, date or text are rejected. */
export function parseFeed(xml: string): ParsedPosts {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch {
    throw new CommunityPayloadInvalidError('rss', 'the XML cannot be parsed');
  }
  const channel = obj(obj(doc.rss)?.channel);
  if (channel) {
    const feedTitle = text(channel.title) ?? 'feed';
    return collect(list(channel.item), (raw) => {
      const item = obj(raw) ?? {};
      const id = text(item.guid) ?? text(item.link);
      const author = text(item['dc:creator']) ?? text(item.author);
      const body = [text(item.title), htmlToText(text(item['content:encoded']) ?? text(item.description) ?? '')].filter(Boolean).join('\n\n');
      return post({ externalId: id, authorId: author ?? `entry:${id}`, authorName: author, text: body, postedAt: isoTime(text(item.pubDate) ?? text(item['dc:date'])), channel: feedTitle, url: text(item.link) });
    });
  }
  const feed = obj(doc.feed);
  if (feed) {
    const feedTitle = text(feed.title) ?? 'feed';
    return collect(list(feed.entry), (raw) => {
      const entry = obj(raw) ?? {};
      const id = text(entry.id);
      const author = obj(list(entry.author)[0]);
      const name = text(author?.name);
      const links = list(entry.link).map(obj);
      const href = str((links.find((l) => l?.['@_rel'] === undefined || l?.['@_rel'] === 'alternate') ?? links[0])?.['@_href']);
      const body = [text(entry.title), htmlToText(text(entry.content) ?? text(entry.summary) ?? '')].filter(Boolean).join('\n\n');
      return post({ externalId: id, authorId: text(author?.uri) ?? name ?? `entry:${id}`, authorName: name, text: body, postedAt: isoTime(text(entry.published) ?? text(entry.updated)), channel: feedTitle, url: href });
    });
  }
  throw new CommunityPayloadInvalidError('rss', 'neither an RSS <channel> nor an Atom <feed>');
}

/** Polls a feed URL with ETag / If-Modified-Since; the cursor is the newest entry date seen. */
export async function pollRss(input: PollInput): Promise<PollOutcome> {
  const res = await input.get(input.url, true);
  if (res.status === 'not-modified') return { posts: [], rejected: [], state: input.state, notModified: true, requests: 1 };
  const parsed = parseFeed(res.body);
  const newest = parsed.posts.reduce<string | null>((m, p) => (m === null || p.postedAt > m ? p.postedAt : m), input.state.cursor);
  return { ...parsed, state: { cursor: newest, etag: res.etag, lastModified: res.lastModified }, notModified: false, requests: 1 };
}
