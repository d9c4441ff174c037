import type { ParsedPosts, RawPost } from '../source.ts';

/** Reads a timestamp (ISO text, epoch seconds or milliseconds) as ISO-8601 UTC, or undefined. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (/^\d{9,13}$/.test(value.trim())) return isoTime(Number(value));
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** HTML (Discourse `cooked`, RSS descriptions) to plain text, keeping link targets visible for the scam watch. */
export function htmlToText(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gis, (_, href: string, label: string) => (label.includes(href) ? label : `${label} (${href})`))
    .replace(/<br\s*\/?>|<\/p>|<\/li>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Collects entries one by one: a malformed entry is rejected with its reason, the rest go in. */
export function collect<T>(entries: readonly T[], read: (entry: T, index: number) => RawPost | string): ParsedPosts {
  const out: ParsedPosts = { posts: [], rejected: [] };
  entries.forEach((entry, i) => {
    let r: RawPost | string;
    try {
      r = read(entry, i);
    } catch (err) {
      r = `the entry cannot be read (${err instanceof Error ? err.name : 'error'})`;
    }
    if (typeof r === 'string') out.rejected.push({ at: `#${i}`, reason: r });
    else out.posts.push(r);
  });
  return out;
}

/** Builds a post, or the reason it cannot be one. */
export function post(fields: { externalId?: string | undefined; authorId?: string | undefined; authorName?: string | undefined; text?: string | undefined; postedAt?: string | undefined; channel?: string | undefined; url?: string | undefined; rating?: number | undefined; appVersion?: string | undefined }): RawPost | string {
  if (!fields.externalId) return 'no id';
  if (!fields.postedAt) return 'no valid date';
  const text = fields.text?.trim();
  if (!text) return 'no text';
  if (!fields.authorId) return 'no author';
  const p: RawPost = { externalId: fields.externalId, authorId: fields.authorId, text, postedAt: fields.postedAt };
  if (fields.authorName) p.authorName = fields.authorName;
  if (fields.channel) p.channel = fields.channel;
  if (fields.url) p.url = fields.url;
  if (fields.rating !== undefined && Number.isFinite(fields.rating)) p.rating = fields.rating;
  if (fields.appVersion) p.appVersion = fields.appVersion;
  return p;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}
