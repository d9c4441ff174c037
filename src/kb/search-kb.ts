import type { KbSearchHit, KbSearchOptions, StoredArticle } from './article.ts';
import { SearchIndex } from './search-index.ts';

/** The searchable state of the KB: the index and the articles it was built from. */
export interface KbIndex {
  index: SearchIndex;
  articles: ReadonlyMap<string, StoredArticle>;
}

/** Builds the in-memory index over articles (title, tags + categories, body). */
export function buildKbIndex(articles: readonly StoredArticle[]): KbIndex {
  const index = new SearchIndex(
    articles.map((a) => ({
      key: a.slug,
      title: a.title,
      tags: [...a.tags, ...a.categories.map((c) => c.replace(/_/g, ' '))],
      body: a.body,
      chains: a.chains,
      findingCodes: a.findingCodes,
      languages: [a.language, ...a.translations],
      audience: a.audience,
    })),
  );
  return { index, articles: new Map(articles.map((a) => [a.slug, a])) };
}

/**
 * Ranks articles for a user's words (any of en/es/pt), boosted by the ticket's finding codes and
 * chains; returns `[{ slug, title, score, why }]` best first.
 */
export function searchKb(kb: KbIndex, query: string, options: KbSearchOptions = {}): KbSearchHit[] {
  const hits = kb.index.search(query, {
    limit: options.limit ?? 5,
    ...(options.chains ? { chains: options.chains } : {}),
    ...(options.findingCodes ? { findingCodes: options.findingCodes } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  });
  return hits.map((h) => ({ slug: h.key, title: kb.articles.get(h.key)?.title ?? h.key, score: h.score, why: h.why }));
}
