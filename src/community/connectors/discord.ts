import { CommunityPayloadInvalidError } from '../errors.ts';
import type { ParsedPosts } from '../source.ts';
import { collect, isoTime, obj, post, str } from './parse-util.ts';

const bad = (reason: string) => new CommunityPayloadInvalidError('discord', reason);

/** Reads a DiscordChatExporter JSON export (`{guild, channel, messages: [{id, timestamp, content, author}]}`); bots and empty messages are skipped. */
export function parseDiscordExport(body: unknown): ParsedPosts {
  const doc = obj(body);
  if (!doc || !Array.isArray(doc.messages)) throw bad('no messages array (expected a DiscordChatExporter JSON export)');
  const channel = obj(doc.channel);
  const channelName = [str(obj(doc.guild)?.name), str(channel?.name) ? `#${str(channel?.name)}` : undefined].filter(Boolean).join(' ') || 'discord';
  const messages = doc.messages.filter((m) => obj(obj(m)?.author)?.isBot !== true && !['GuildMemberJoin', 'ChannelPinnedMessage', 'ThreadCreated'].includes(str(obj(m)?.type) ?? ''));
  return collect(messages, (raw) => {
    const m = obj(raw) ?? {};
    const author = obj(m.author) ?? {};
    return post({
      externalId: str(m.id),
      authorId: str(author.id),
      authorName: str(author.nickname) ?? str(author.name),
      text: str(m.content),
      postedAt: isoTime(m.timestamp),
      channel: channelName,
    });
  });
}

/** Reads what a Discord bot forwards: one gateway MESSAGE_CREATE message object, or `{messages: [...]}` of them. */
export function parseDiscordBot(body: unknown): ParsedPosts {
  const doc = obj(body);
  const items = Array.isArray(body) ? body : Array.isArray(doc?.messages) ? (doc.messages as unknown[]) : doc ? [obj(doc.d) ?? doc] : null;
  if (!items) throw bad('expected a message object or {messages: [...]}');
  return collect(
    items.filter((m) => obj(obj(m)?.author)?.bot !== true),
    (raw) => {
      const m = obj(raw) ?? {};
      const author = obj(m.author) ?? {};
      const guild = str(m.guild_id);
      const channel = str(m.channel_id);
      return post({
        externalId: str(m.id),
        authorId: str(author.id),
        authorName: str(obj(m.member)?.nick) ?? str(author.global_name) ?? str(author.username),
        text: str(m.content),
        postedAt: isoTime(m.timestamp),
        channel: channel ? `channel ${channel}` : 'discord',
        url: guild && channel && str(m.id) ? `https://discord.com/channels/${guild}/${channel}/${str(m.id)}` : undefined,
      });
    },
  );
}
