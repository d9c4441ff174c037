import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { ArticleMeta, ArticleUpdate, type StoredArticle } from './article.ts';
import { ArticleInvalidError, ArticleNotFoundError, ArticleVersionConflictError } from './errors.ts';
import { findArticleRow, rowToStored, writeArticle } from './internal.ts';
import { metaOf, parseArticle, renderArticle } from './parse.ts';

export interface UpdateArticleContext {
  db: Db;
  dir: string;
  clock: Clock;
  /** slug → file it was loaded from; new articles go to `<dir>/<slug>.md`. */
  files?: ReadonlyMap<string, string>;
}

/**
 * Edits (or creates) an article: merges the change, validates it, stores a new version and writes the
 * Markdown file back. Creating needs every required front matter field and a body.
 */
export async function updateArticle(ctx: UpdateArticleContext, slug: string, change: ArticleUpdate, author: string | null): Promise<StoredArticle> {
  const parsed = ArticleUpdate.safeParse(change);
  if (!parsed.success) throw new ArticleInvalidError(slug, parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
  const { expectedVersion, body, ...metaChange } = parsed.data;
  const row = await findArticleRow(ctx.db, slug);
  const current = row ? rowToStored(row) : undefined;
  if (!current && expectedVersion !== undefined) throw new ArticleNotFoundError(slug);
  const merged = ArticleMeta.safeParse({ ...(current ? metaOf(current) : {}), ...metaChange, slug });
  if (!merged.success) throw new ArticleInvalidError(slug, merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const newBody = body ?? current?.body;
  if (!newBody) throw new ArticleInvalidError(slug, ['body: a new article needs a body with a "## Reply (en)" section']);
  const content = renderArticle(merged.data, newBody);
  parseArticle(content, slug);
  const at = ctx.clock.now().toISOString();
  const res = await writeArticle(ctx.db, { slug, content, source: 'api', author, at }, expectedVersion);
  if (expectedVersion !== undefined && res.previous !== expectedVersion) throw new ArticleVersionConflictError(slug, expectedVersion, res.previous ?? 0);
  if (res.changed) writeFileAtomic(ctx.files?.get(slug) ?? join(ctx.dir, `${slug}.md`), content);
  const after = await findArticleRow(ctx.db, slug);
  if (!after) throw new ArticleNotFoundError(slug);
  return rowToStored(after);
}

function writeFileAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
