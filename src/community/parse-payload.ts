import { parseDiscordBot, parseDiscordExport } from './connectors/discord.ts';
import { parseDiscourseLatest, parseDiscourseTopic } from './connectors/discourse.ts';
import { parseRedditListing } from './connectors/reddit.ts';
import { parseReviews } from './connectors/reviews.ts';
import { parseFeed } from './connectors/rss.ts';
import { parseTelegramExport, parseTelegramUpdates } from './connectors/telegram.ts';
import { parseGenericWebhook } from './connectors/webhook.ts';
import { CommunityPayloadInvalidError } from './errors.ts';
import type { ParsedPosts, SourceKind } from './source.ts';
import { describeJsonError } from '../core/index.ts';

function json(kind: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new CommunityPayloadInvalidError(kind, describeJsonError(err));
  }
}

/** Reads a file or request body of a source kind into posts (and the rejected entries). */
export function parsePayload(kind: SourceKind, text: string): ParsedPosts {
  switch (kind) {
    case 'rss':
      return parseFeed(text);
    case 'discourse': {
      const body = json(kind, text);
      if (body && typeof body === 'object' && 'topic_list' in body) {
        const latest = parseDiscourseLatest(body);
        if (latest.topics.length) throw new CommunityPayloadInvalidError(kind, 'a /latest.json listing has no posts; import /t/{id}.json files or poll the forum');
        return { posts: [], rejected: latest.rejected };
      }
      const { posts, rejected } = parseDiscourseTopic(body, '');
      return { posts, rejected };
    }
    case 'reddit': {
      const { posts, rejected } = parseRedditListing(json(kind, text));
      return { posts, rejected };
    }
    case 'telegram-bot': {
      const { posts, rejected } = parseTelegramUpdates(json(kind, text));
      return { posts, rejected };
    }
    case 'telegram-export':
      return parseTelegramExport(json(kind, text));
    case 'discord-export':
      return parseDiscordExport(json(kind, text));
    case 'discord-bot':
      return parseDiscordBot(json(kind, text));
    case 'app-store':
    case 'play-store':
      return parseReviews(kind, text);
    case 'webhook':
      return parseGenericWebhook(json(kind, text));
  }
}
