import { CommunityPayloadInvalidError } from '../errors.ts';
import type { ParsedPosts, RawPost } from '../source.ts';
import { collect, isoTime, obj, parseCsv, post, str } from './parse-util.ts';
import { describeJsonError } from '../../core/index.ts';

type Store = 'app-store' | 'play-store';

const bad = (kind: Store, reason: string) => new CommunityPayloadInvalidError(kind, reason);

// Column names as the stores export them (Play Console reviews CSV; App Store Connect CSV), then generic ones.
const columns = {
  id: ['review link', 'review id', 'id'],
  author: ['reviewer nickname', 'nickname', 'author', 'reviewer'],
  date: ['review submit date and time', 'review last update date and time', 'created date', 'date', 'createddate'],
  rating: ['star rating', 'rating'],
  title: ['review title', 'title'],
  text: ['review text', 'body', 'text', 'review'],
  version: ['app version name', 'app version', 'version'],
  channel: ['reviewer language', 'territory', 'country', 'language'],
} as const;

function review(kind: Store, f: { id?: string | undefined; author?: string | undefined; date?: string | undefined; rating?: string | number | undefined; title?: string | undefined; text?: string | undefined; version?: string | undefined; channel?: string | undefined }): RawPost | string {
  const rating = f.rating === undefined || f.rating === '' ? undefined : Number(f.rating);
  if (rating !== undefined && !(rating >= 1 && rating <= 5)) return `rating ${String(f.rating)} is not 1–5`;
  const id = f.id || undefined;
  // Store reviews are anonymous for us: the review itself stands in for its author unless a nickname is given.
  return post({
    externalId: id,
    authorId: f.author ? `nick:${f.author}` : id ? `review:${id}` : undefined,
    authorName: f.author,
    text: [f.title, f.text].filter(Boolean).join('\n\n'),
    postedAt: isoTime(f.date),
    rating,
    appVersion: f.version || undefined,
    channel: `${kind}${f.channel ? ` ${f.channel}` : ''}`,
  });
}

/** Reads an App Store or Play Store review export: CSV with the store's headers, App Store Connect API JSON, or a JSON array. */
export function parseReviews(kind: Store, payload: string): ParsedPosts {
  const trimmed = payload.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let body: unknown;
    try {
      body = JSON.parse(trimmed);
    } catch (err) {
      throw bad(kind, describeJsonError(err));
    }
    const doc = obj(body);
    const items = Array.isArray(body) ? body : Array.isArray(doc?.data) ? (doc.data as unknown[]) : Array.isArray(doc?.reviews) ? (doc.reviews as unknown[]) : null;
    if (!items) throw bad(kind, 'expected an array, {data: [...]} (App Store Connect) or {reviews: [...]}');
    return collect(items, (raw) => {
      const r = obj(raw) ?? {};
      const a = obj(r.attributes) ?? r;
      const comment = obj(obj(Array.isArray(r.comments) ? r.comments[0] : undefined)?.userComment);
      return review(kind, {
        id: str(r.id) ?? str(r.reviewId),
        author: str(a.reviewerNickname) ?? str(r.authorName) ?? str(a.author),
        date: str(a.createdDate) ?? str(obj(comment?.lastModified)?.seconds) ?? str(a.date),
        rating: (a.rating ?? comment?.starRating) as number | undefined,
        title: str(a.title),
        text: str(a.body) ?? str(comment?.text) ?? str(a.text),
        version: str(a.appVersion) ?? str(comment?.appVersionName) ?? str(a.version),
        channel: str(a.territory) ?? str(comment?.reviewerLanguage),
      });
    });
  }
  const rows = parseCsv(payload);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header) throw bad(kind, 'the file is empty');
  const index = (names: readonly string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0);
  const at = Object.fromEntries(Object.entries(columns).map(([k, names]) => [k, index(names)])) as Record<keyof typeof columns, number | undefined>;
  if (at.text === undefined && at.title === undefined) throw bad(kind, `no review text column (expected one of: ${columns.text.join(', ')})`);
  const cell = (row: string[], i: number | undefined) => (i === undefined ? undefined : row[i]?.trim() || undefined);
  return collect(rows, (row, i) => {
    if (row.length !== header.length) return `row ${i + 2} has ${row.length} fields, the header ${header.length}`;
    return review(kind, { id: cell(row, at.id) ?? (cell(row, at.date) ? `${cell(row, at.date)}#${i}` : undefined), author: cell(row, at.author), date: cell(row, at.date), rating: cell(row, at.rating), title: cell(row, at.title), text: cell(row, at.text), version: cell(row, at.version), channel: cell(row, at.channel) });
  });
}
