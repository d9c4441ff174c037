import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { Clock, Logger } from '../core/index.ts';
import { sql, type Db } from '../storage/index.ts';
import type { ArticleSummary, ArticleUpdate, ArticleVersion, KbSearchHit, KbSearchOptions, StoredArticle } from './article.ts';
import { auditKb, type KbAuditReport } from './audit-kb.ts';
import { recordDeflectionEvent, startDeflection, type DeflectionEvent, type DeflectionRequest, type DeflectionSession } from './deflect.ts';
import { deflectionStats, type DeflectionStats, type DeflectionStatsOptions } from './deflection-stats.ts';
import { ArticleNotFoundError, KbDirMissingError } from './errors.ts';
import { metaOf } from './parse.ts';
import { exportKb, type KbExportReport } from './export-kb.ts';
import { bumpUsage, listVersionRows, rowToStored, selectArticles, usageBySlug, type UsageKind } from './internal.ts';
import { buildKbIndex, searchKb, type KbIndex } from './search-kb.ts';
import { syncKbDir, type SyncReport } from './sync-kb.ts';
import { updateArticle } from './update-article.ts';

export interface KbServiceOptions {
  db: Db;
  /** Folder of the Markdown articles. */
  dir: string;
  clock: Clock;
  logger: Logger;
  /** Reload when a file in `dir` changes (the server does; one-shot commands do not). */
  watch?: boolean;
  /** Re-read the store this often to pick up edits made by other replicas (0 = never). */
  refreshIntervalMs?: number;
}

export interface ArticleFilter {
  audience?: 'internal' | 'public';
  category?: string;
  chain?: string;
}

/** The knowledge base as the surfaces use it: search, read, edit, deflection, audit, export. */
export interface KbService {
  readonly dir: string;
  readonly size: number;
  sync(): Promise<SyncReport>;
  refresh(): Promise<void>;
  search(query: string, options?: KbSearchOptions): KbSearchHit[];
  getArticle(slug: string): StoredArticle;
  findArticle(slug: string): StoredArticle | undefined;
  listArticles(filter?: ArticleFilter): ArticleSummary[];
  updateArticle(slug: string, change: ArticleUpdate, author: string | null): Promise<StoredArticle>;
  listVersions(slug: string): Promise<ArticleVersion[]>;
  recordUsage(slugs: readonly string[], kind: UsageKind): Promise<void>;
  suggest(request: DeflectionRequest): Promise<DeflectionSession>;
  recordDeflection(sessionId: string, event: DeflectionEvent): Promise<{ sessionId: string; outcome: string; openedSlug: string | null }>;
  deflectionStats(options?: Omit<DeflectionStatsOptions, 'categoriesOf'>): Promise<DeflectionStats>;
  audit(options?: { knownCodes?: readonly string[]; today?: string }): Promise<KbAuditReport>;
  exportPublic(outDir: string, siteTitle?: string): KbExportReport;
  close(): Promise<void>;
}

/** Loads the KB directory into the store, builds the search index and (optionally) watches for changes. */
export async function openKbService(options: KbServiceOptions): Promise<KbService> {
  const { db, dir, clock, logger } = options;
  let kb: KbIndex = buildKbIndex([]);
  let files = new Map<string, string>();
  let fingerprint = '';
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const currentFingerprint = async () => {
    const r = await db
      .selectFrom('kb_articles')
      .select([sql<number>`count(*)`.as('n'), sql<string>`max(updated_at)`.as('at')])
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return `${r?.n ?? 0}|${r?.at ?? ''}`;
  };
  const refresh = async () => {
    const rows = await selectArticles(db);
    const articles: StoredArticle[] = [];
    for (const row of rows) {
      try {
        articles.push(rowToStored(row));
      } catch (err) {
        logger.warn({ slug: row.slug, err: (err as Error).message }, 'stored kb article does not parse; skipped');
      }
    }
    kb = buildKbIndex(articles);
    fingerprint = await currentFingerprint();
  };
  const sync = () =>
    serial(async () => {
      const report = await syncKbDir(db, dir, clock);
      files = report.files;
      for (const p of report.problems) logger.warn({ file: p.file, problem: p.message }, 'kb article not loaded');
      if (report.added.length || report.updated.length || report.archived.length) logger.info({ added: report.added.length, updated: report.updated.length, archived: report.archived.length }, 'kb synced');
      await refresh();
      return report;
    });

  try {
    await sync();
  } catch (err) {
    if (!(err instanceof KbDirMissingError)) throw err;
    logger.warn({ dir }, 'kb directory not found; serving the articles already in the store');
    await refresh();
  }

  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (options.watch && existsSync(dir)) {
    watcher = watch(dir, (_event, name) => {
      if (name && !String(name).endsWith('.md')) return;
      clearTimeout(timer);
      timer = setTimeout(() => void sync().catch((err: unknown) => logger.error({ err }, 'kb sync after a file change failed')), 150);
    });
    watcher.on('error', (err) => logger.warn({ err }, 'kb watcher stopped'));
  }
  let interval: ReturnType<typeof setInterval> | undefined;
  if (options.refreshIntervalMs) {
    interval = setInterval(() => {
      void serial(async () => {
        if ((await currentFingerprint()) !== fingerprint) await refresh();
      }).catch((err: unknown) => logger.warn({ err }, 'kb refresh failed'));
    }, options.refreshIntervalMs);
    interval.unref();
  }

  const getArticle = (slug: string) => {
    const a = kb.articles.get(slug);
    if (!a) throw new ArticleNotFoundError(slug);
    return a;
  };

  return {
    dir,
    get size() {
      return kb.articles.size;
    },
    sync,
    refresh: () => serial(refresh),
    search: (query, opts) => searchKb(kb, query, opts),
    getArticle,
    findArticle: (slug) => kb.articles.get(slug),
    listArticles(filter = {}) {
      return [...kb.articles.values()]
        .filter((a) => (!filter.audience || a.audience === filter.audience) && (!filter.category || a.categories.includes(filter.category as never)) && (!filter.chain || a.chains.includes(filter.chain)))
        .map(summaryOf);
    },
    updateArticle: (slug, change, author) =>
      serial(async () => {
        const a = await updateArticle({ db, dir, clock, files }, slug, change, author);
        await refresh();
        return a;
      }),
    async listVersions(slug) {
      const versions = await listVersionRows(db, slug);
      if (!versions.length) throw new ArticleNotFoundError(slug);
      return versions;
    },
    recordUsage: (slugs, kind) => bumpUsage(db, slugs, kind, clock.now().toISOString()),
    suggest: (request) => startDeflection(db, kb, request, clock),
    recordDeflection: (id, event) => recordDeflectionEvent(db, id, event, clock),
    deflectionStats: (opts = {}) => deflectionStats(db, clock, { ...opts, categoriesOf: (slug) => kb.articles.get(slug)?.categories }),
    async audit(opts = {}) {
      return auditKb([...kb.articles.values()], { today: opts.today ?? clock.now().toISOString().slice(0, 10), usage: await usageBySlug(db), ...(opts.knownCodes ? { knownCodes: opts.knownCodes } : {}) });
    },
    exportPublic: (outDir, siteTitle) => exportKb([...kb.articles.values()], outDir, siteTitle),
    async close() {
      clearTimeout(timer);
      if (interval) clearInterval(interval);
      watcher?.close();
      await chain;
    },
  };
}

function summaryOf(a: StoredArticle): ArticleSummary {
  return { ...metaOf(a), version: a.version, updatedAt: a.updatedAt };
}
