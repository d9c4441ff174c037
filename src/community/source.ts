import { z } from 'zod';

/** Connector kinds. Polled: rss, discourse, reddit, telegram-bot. Imported: the exports. Pushed: discord-bot, webhook. */
export const sourceKinds = ['rss', 'discourse', 'reddit', 'telegram-bot', 'telegram-export', 'discord-export', 'discord-bot', 'app-store', 'play-store', 'webhook'] as const;
export const SourceKind = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKind>;
export const polledKinds: readonly SourceKind[] = ['rss', 'discourse', 'reddit', 'telegram-bot'];

export const SourceInput = z.object({
  kind: SourceKind,
  name: z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, . _ -'),
  url: z.url().max(2000).optional().describe('Feed URL (rss), forum base URL (discourse), site base URL (reddit, default https://www.reddit.com), Bot API base (telegram-bot, default https://api.telegram.org).'),
  settings: z
    .object({
      subreddit: z.string().regex(/^[A-Za-z0-9_]{2,32}$/).optional(),
      botTokenEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/).optional().describe('Environment variable holding the Telegram bot token (never stored).'),
      maxPages: z.number().int().min(1).max(50).optional(),
    })
    .default({}),
  pollIntervalSec: z.number().int().min(30).max(86_400).default(300),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.input<typeof SourceInput>;
export type SourceSettings = z.infer<typeof SourceInput>['settings'];

export interface Source {
  id: string;
  kind: SourceKind;
  name: string;
  url: string | null;
  settings: SourceSettings;
  enabled: boolean;
  pollIntervalSec: number;
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string | null;
  failures: number;
  lastError: string | null;
  lastPolledAt: string | null;
  createdAt: string;
}

/** A post as a connector reads it, before redaction: never stored as is. */
export interface RawPost {
  externalId: string;
  /** The platform's author id (hashed before storage); the display name is only checked for impersonation. */
  authorId: string;
  authorName?: string;
  text: string;
  postedAt: string;
  /** Sub-channel: forum category, chat title, subreddit, store territory. */
  channel?: string;
  url?: string;
  rating?: number;
  appVersion?: string;
}

export interface Rejected {
  /** Position or id of the entry in the payload. */
  at: string;
  reason: string;
}

/** What a parser returns: good posts go in, malformed ones are counted with a reason. */
export interface ParsedPosts {
  posts: RawPost[];
  rejected: Rejected[];
}

/** A stored post (redacted text, hashed author). */
export interface CommunityMessage {
  id: string;
  sourceId: string;
  externalId: string;
  channel: string;
  authorHash: string;
  text: string;
  url: string | null;
  language: string | null;
  category: string | null;
  chains: string[];
  tokens: string[];
  features: string[];
  symptoms: string[];
  appVersion: string | null;
  topics: string[];
  sentiment: number;
  postedAt: string;
}
