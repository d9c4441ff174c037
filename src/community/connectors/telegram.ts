import { CommunityPayloadInvalidError, CommunitySourceInvalidError } from '../errors.ts';
import type { ParsedPosts } from '../source.ts';
import type { PollInput, PollOutcome } from './connector.ts';
import { jsonOf } from './http.ts';
import { collect, isoTime, obj, post, str } from './parse-util.ts';

const bad = (reason: string) => new CommunityPayloadInvalidError('telegram', reason);

// Exported texts are a string or an array of strings and entities ({type, text}).
function exportText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value.map((part) => (typeof part === 'string' ? part : (str(obj(part)?.href) && str(obj(part)?.href) !== str(obj(part)?.text) ? `${str(obj(part)?.text) ?? ''} (${str(obj(part)?.href)})` : (str(obj(part)?.text) ?? '')))).join('');
}

/** Reads a Telegram Desktop chat export (result.json): service messages are skipped, malformed ones rejected. */
export function parseTelegramExport(body: unknown): ParsedPosts {
  const chat = obj(body);
  if (!chat || !Array.isArray(chat.messages)) throw bad('no messages array (expected Telegram Desktop result.json)');
  const chatName = str(chat.name) ?? 'telegram';
  const chatId = str(chat.id) ?? chatName;
  const messages = chat.messages.filter((m) => obj(m)?.type !== 'service');
  return collect(messages, (raw) => {
    const m = obj(raw) ?? {};
    return post({
      externalId: str(m.id) ? `${chatId}:${str(m.id)}` : undefined,
      authorId: str(m.from_id),
      authorName: str(m.from),
      text: exportText(m.text),
      postedAt: isoTime(str(m.date_unixtime) ?? (str(m.date) ? `${str(m.date)}Z` : undefined)),
      channel: chatName,
    });
  });
}

/** Reads a Bot API getUpdates answer; `lastUpdateId` moves the offset even past rejected updates. */
export function parseTelegramUpdates(body: unknown): ParsedPosts & { lastUpdateId: number | null } {
  const res = obj(body);
  if (!res || res.ok !== true || !Array.isArray(res.result)) throw bad(str(res?.description) ?? 'not an ok getUpdates answer');
  let lastUpdateId: number | null = null;
  for (const u of res.result) {
    const id = obj(u)?.update_id;
    if (typeof id === 'number' && (lastUpdateId === null || id > lastUpdateId)) lastUpdateId = id;
  }
  const updates = res.result.filter((u) => {
    const x = obj(u);
    return x && (x.message || x.channel_post || x.edited_message || !('update_id' in x));
  });
  const parsed = collect(updates, (raw) => {
    const u = obj(raw) ?? {};
    const m = obj(u.message ?? u.channel_post ?? u.edited_message) ?? {};
    const chat = obj(m.chat) ?? {};
    const from = obj(m.from) ?? obj(m.sender_chat) ?? {};
    const name = [str(from.first_name), str(from.last_name)].filter(Boolean).join(' ') || str(from.title);
    const display = str(from.username) ? `${name ?? ''} @${str(from.username)}`.trim() : name;
    return post({
      externalId: str(chat.id) && str(m.message_id) ? `${str(chat.id)}:${str(m.message_id)}` : undefined,
      authorId: str(from.id),
      authorName: display,
      text: str(m.text) ?? str(m.caption),
      postedAt: isoTime(m.date),
      channel: str(chat.title) ?? str(chat.username) ?? 'telegram',
    });
  });
  return { ...parsed, lastUpdateId };
}

/** Polls getUpdates with the stored offset (cursor), acknowledging what it read; the bot token comes from the environment. */
export async function pollTelegram(input: PollInput): Promise<PollOutcome> {
  const envName = input.settings.botTokenEnv;
  const token = envName ? input.env[envName] : undefined;
  if (!token) throw new CommunitySourceInvalidError(`the telegram-bot source needs its bot token in the environment variable ${envName ?? '(settings.botTokenEnv)'}`);
  const base = (input.url || 'https://api.telegram.org').replace(/\/+$/, '');
  const out: PollOutcome = { posts: [], rejected: [], state: { ...input.state }, notModified: false, requests: 0 };
  const maxPages = input.settings.maxPages ?? 10;
  for (let page = 0; page < maxPages; page++) {
    out.requests++;
    const offset = out.state.cursor ? `&offset=${out.state.cursor}` : '';
    const res = await input.get(`${base}/bot${token}/getUpdates?timeout=0&limit=100&allowed_updates=%5B%22message%22%2C%22channel_post%22%5D${offset}`, false);
    if (res.status === 'not-modified') break;
    const parsed = parseTelegramUpdates(jsonOf(res.body, (r) => bad(r)));
    out.posts.push(...parsed.posts);
    out.rejected.push(...parsed.rejected);
    if (parsed.lastUpdateId === null) break;
    out.state.cursor = String(parsed.lastUpdateId + 1);
  }
  return out;
}
