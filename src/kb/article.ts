import { z } from 'zod';

/** Ticket categories (CONTRACTS.md §1) an article can answer. */
export const kbCategories = [
  'tx_stuck_pending',
  'tx_failed',
  'funds_missing_or_not_shown',
  'wrong_network_or_address',
  'swap_or_bridge_failure',
  'fees',
  'dapp_connection',
  'account_access_recovery',
  'security_scam_or_compromise',
  'app_bug_crash_ui',
  'card_or_fiat_payment',
  'staking_or_rewards',
  'nft',
  'hardware_wallet',
  'feature_request_or_other',
] as const;
export const KbCategory = z.enum(kbCategories);
export type KbCategory = z.infer<typeof KbCategory>;

/** Locales of the reply sections: `## Reply (en)`, `## Reply (es)`, `## Reply (pt-BR)`. */
export const replyLocales = ['en', 'es', 'pt-BR'] as const;
export type ReplyLocale = (typeof replyLocales)[number];

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD' });
    return z.NEVER;
  }
  return s;
});

/** The front matter of an article file. */
export const ArticleMeta = z.strictObject({
  slug: z.string().regex(slugPattern, 'lowercase words joined by hyphens').max(80).describe('Stable id; never changes once published.'),
  title: z.string().min(3).max(200),
  audience: z.enum(['internal', 'public']).describe('public articles are exported to the help centre; internal ones are for agents only.'),
  categories: z.array(KbCategory).min(1),
  chains: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  tags: z.array(z.string().min(1).max(60)).default([]),
  owner: z.string().min(1).max(100),
  reviewBy: isoDate.describe('Date by which the owner re-checks the article (YYYY-MM-DD).'),
  findingCodes: z.array(z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_*]+)*$/)).default([]),
  language: z.string().min(2).max(10).default('en'),
  translations: z.array(z.string().min(2).max(10)).default([]),
});
export type ArticleMeta = z.output<typeof ArticleMeta>;
export type ArticleMetaInput = z.input<typeof ArticleMeta>;

/** A parsed article: front matter, the Markdown body and its named sections. */
export interface Article extends ArticleMeta {
  body: string;
  summary: string;
  replies: Partial<Record<ReplyLocale, string>>;
  diagnosis: string;
  /** Slugs this article links to (`[x](other-slug.md)` or `kb:other-slug`). */
  links: string[];
}

/** A stored article with its version and where it came from. */
export interface StoredArticle extends Article {
  version: number;
  contentHash: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ArticleVersion {
  slug: string;
  version: number;
  contentHash: string;
  source: 'file' | 'api';
  author: string | null;
  createdAt: string;
  content: string;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  audience: 'internal' | 'public';
  categories: string[];
  chains: string[];
  tags: string[];
  owner: string;
  reviewBy: string;
  findingCodes: string[];
  language: string;
  translations: string[];
  version: number;
  updatedAt: string;
}

/** Partial edit of an article via the API; omitted fields keep their value. */
export const ArticleUpdate = z.strictObject({
  title: z.string().min(3).max(200).optional(),
  audience: z.enum(['internal', 'public']).optional(),
  categories: z.array(KbCategory).min(1).optional(),
  chains: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
  tags: z.array(z.string().min(1).max(60)).optional(),
  owner: z.string().min(1).max(100).optional(),
  reviewBy: isoDate.optional(),
  findingCodes: z.array(z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_*]+)*$/)).optional(),
  language: z.string().min(2).max(10).optional(),
  translations: z.array(z.string().min(2).max(10)).optional(),
  body: z.string().min(1).max(200_000).optional(),
  expectedVersion: z.number().int().positive().optional().describe('Reject the edit with 409 if the stored version differs.'),
});
export type ArticleUpdate = z.input<typeof ArticleUpdate>;

export interface KbSearchOptions {
  chains?: readonly string[];
  findingCodes?: readonly string[];
  locale?: string;
  limit?: number;
  /** Only articles with this audience (the public help form passes 'public'). */
  audience?: 'internal' | 'public';
}

export interface KbSearchHit {
  slug: string;
  title: string;
  score: number;
  why: string[];
}
