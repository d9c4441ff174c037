import { CommunityPayloadInvalidError } from '../errors.ts';
import type { ParsedPosts } from '../source.ts';
import { collect, isoTime, obj, post, str } from './parse-util.ts';

/** Reads the generic webhook body: one message or `{messages: [...]}` with id, author, text, postedAt (channel, url optional). */
export function parseGenericWebhook(body: unknown): ParsedPosts {
  const doc = obj(body);
  const items = Array.isArray(body) ? body : Array.isArray(doc?.messages) ? (doc.messages as unknown[]) : doc ? [doc] : null;
  if (!items) throw new CommunityPayloadInvalidError('webhook', 'expected a message object or {messages: [...]}');
  return collect(items, (raw) => {
    const m = obj(raw) ?? {};
    const author = obj(m.author);
    return post({
      externalId: str(m.id),
      authorId: author ? str(author.id) : str(m.author),
      authorName: author ? str(author.name) : str(m.authorName),
      text: str(m.text),
      postedAt: isoTime(m.postedAt ?? m.timestamp),
      channel: str(m.channel),
      url: str(m.url),
    });
  });
}
