import { replyLocales, type StoredArticle } from './article.ts';
import { codeMatch } from './search-index.ts';
import { terms } from './text.ts';

export interface KbAuditOptions {
  /** Today as YYYY-MM-DD; articles with reviewBy before it are stale. */
  today: string;
  /** Finding codes the diagnosis can emit; codes no article covers are coverage gaps. */
  knownCodes?: readonly string[];
  /** slug → usage counters (views, suggestions, opens, citations); empty means never used. */
  usage?: ReadonlyMap<string, Record<string, number>>;
  /** Jaccard similarity of content words above which two articles are reported as duplicates (default 0.6). */
  duplicateThreshold?: number;
}

export interface KbAuditReport {
  articles: number;
  stale: Array<{ slug: string; reviewBy: string; owner: string }>;
  brokenLinks: Array<{ slug: string; target: string }>;
  duplicates: Array<{ a: string; b: string; similarity: number; reason: string }>;
  neverUsed: string[];
  coverageGaps: string[];
  missingTranslations: Array<{ slug: string; locales: string[] }>;
  ok: boolean;
}

/** Checks the KB: past review date, broken links, duplicates, never-used articles, uncovered finding codes, missing replies. */
export function auditKb(articles: readonly StoredArticle[], options: KbAuditOptions): KbAuditReport {
  const slugs = new Set(articles.map((a) => a.slug));
  const stale = articles.filter((a) => a.reviewBy < options.today).map((a) => ({ slug: a.slug, reviewBy: a.reviewBy, owner: a.owner }));
  const brokenLinks = articles.flatMap((a) => a.links.filter((l) => !slugs.has(l)).map((target) => ({ slug: a.slug, target })));
  const duplicates: KbAuditReport['duplicates'] = [];
  const threshold = options.duplicateThreshold ?? 0.6;
  const sets = articles.map((a) => new Set(terms(`${a.title} ${a.summary} ${a.replies.en ?? ''}`)));
  const titles = articles.map((a) => terms(a.title).join(' '));
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const sim = jaccard(sets[i]!, sets[j]!);
      const sameTitle = titles[i] === titles[j];
      if (sameTitle || sim >= threshold) duplicates.push({ a: articles[i]!.slug, b: articles[j]!.slug, similarity: Math.round(sim * 100) / 100, reason: sameTitle ? 'same title' : 'similar content' });
    }
  }
  const usage = options.usage ?? new Map<string, Record<string, number>>();
  const neverUsed = articles.filter((a) => !Object.values(usage.get(a.slug) ?? {}).some((n) => n > 0)).map((a) => a.slug);
  const coverageGaps = [...new Set(options.knownCodes ?? [])].filter((code) => !articles.some((a) => a.findingCodes.some((c) => codeMatch(c, code) >= 0.7))).sort();
  const missingTranslations = articles
    .map((a) => ({ slug: a.slug, locales: replyLocales.filter((l) => !a.replies[l]) as string[] }))
    .filter((m) => m.locales.length > 0);
  const ok = !stale.length && !brokenLinks.length && !duplicates.length && !coverageGaps.length && !missingTranslations.length;
  return { articles: articles.length, stale, brokenLinks, duplicates, neverUsed, coverageGaps, missingTranslations, ok };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
