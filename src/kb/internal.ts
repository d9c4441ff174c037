import { createHash } from 'node:crypto';
import { sql, type Db } from '../storage/index.ts';
import type { ArticleVersion, StoredArticle } from './article.ts';
import { parseArticle } from './parse.ts';

type ArticleRow = Awaited<ReturnType<typeof selectArticles>>[number];

export function contentHash(content: string): string {
  return createHash('sha256').update(content.replace(/\r\n/g, '\n').trim()).digest('hex');
}

export function selectArticles(db: Db, includeArchived = false) {
  let q = db.selectFrom('kb_articles').selectAll();
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('slug').execute();
}

export async function findArticleRow(db: Db, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('kb_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function rowToStored(row: ArticleRow): StoredArticle {
  const a = parseArticle(row.content, `${row.slug} (stored v${row.version})`);
  return { ...a, version: Number(row.version), contentHash: row.content_hash, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export interface WriteArticleInput {
  slug: string;
  content: string;
  source: 'file' | 'api';
  author: string | null;
  at: string;
}

/** Inserts or updates an article row and appends a version; returns the new version (or the current one when unchanged). */
export async function writeArticle(db: Db, input: WriteArticleInput, expectedVersion?: number): Promise<{ version: number; changed: boolean; previous: number | undefined }> {
  const a = parseArticle(input.content, input.slug);
  const hash = contentHash(input.content);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('kb_articles').select(['version', 'content_hash', 'archived_at']).where('slug', '=', input.slug).executeTakeFirst();
    const current = row ? Number(row.version) : undefined;
    if (expectedVersion !== undefined && current !== expectedVersion) return { version: current ?? 0, changed: false, previous: current };
    if (row && row.content_hash === hash && row.archived_at === null) return { version: Number(row.version), changed: false, previous: current };
    const version = (current ?? 0) + 1;
    const values = {
      title: a.title,
      audience: a.audience,
      language: a.language,
      categories: JSON.stringify(a.categories),
      chains: JSON.stringify(a.chains),
      tags: JSON.stringify(a.tags),
      finding_codes: JSON.stringify(a.findingCodes),
      owner: a.owner,
      review_by: a.reviewBy,
      content: input.content,
      content_hash: hash,
      version,
      updated_at: input.at,
      updated_by: input.author,
      archived_at: null,
    };
    if (row) await trx.updateTable('kb_articles').set(values).where('slug', '=', input.slug).execute();
    else await trx.insertInto('kb_articles').values({ slug: input.slug, ...values }).execute();
    await trx
      .insertInto('kb_article_versions')
      .values({ slug: input.slug, version, content: input.content, content_hash: hash, source: input.source, author: input.author, created_at: input.at })
      .execute();
    return { version, changed: true, previous: current };
  });
}

export async function archiveArticle(db: Db, slug: string, at: string): Promise<void> {
  await db.updateTable('kb_articles').set({ archived_at: at }).where('slug', '=', slug).where('archived_at', 'is', null).execute();
}

export async function listVersionRows(db: Db, slug: string): Promise<ArticleVersion[]> {
  const rows = await db.selectFrom('kb_article_versions').selectAll().where('slug', '=', slug).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ slug: r.slug, version: Number(r.version), contentHash: r.content_hash, source: r.source === 'api' ? 'api' : 'file', author: r.author, createdAt: r.created_at, content: r.content }));
}

export type UsageKind = 'view' | 'suggested' | 'opened' | 'cited';

export async function bumpUsage(db: Db, slugs: readonly string[], kind: UsageKind, at: string): Promise<void> {
  for (const slug of new Set(slugs)) {
    await db
      .insertInto('kb_usage')
      .values({ slug, kind, count: 1, last_at: at })
      .onConflict((oc) => oc.columns(['slug', 'kind']).doUpdateSet({ count: sql<number>`kb_usage.count + 1`, last_at: at }))
      .execute();
  }
}

export async function usageBySlug(db: Db): Promise<Map<string, Record<string, number>>> {
  const rows = await db.selectFrom('kb_usage').selectAll().execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(r.slug) ?? {};
    m[r.kind] = Number(r.count);
    out.set(r.slug, m);
  }
  return out;
}
