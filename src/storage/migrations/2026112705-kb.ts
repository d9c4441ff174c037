import type { Migration } from './migration.ts';

/** Knowledge base: articles (metadata + current Markdown), their version history, usage and deflection sessions. */
export const kbMigration: Migration = {
  name: '2026112705_kb',
  async up(db) {
    await db.schema
      .createTable('kb_articles')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('chains', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('finding_codes', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('review_by', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('archived_at', 'text')
      .execute();
    await db.schema
      .createTable('kb_article_versions')
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('author', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_versions_pk', ['slug', 'version'])
      .execute();
    await db.schema
      .createTable('kb_usage')
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_usage_pk', ['slug', 'kind'])
      .execute();
    await db.schema
      .createTable('kb_deflections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('locale', 'text')
      .addColumn('category', 'text')
      .addColumn('query_hash', 'text', (c) => c.notNull())
      .addColumn('shown', 'text', (c) => c.notNull())
      .addColumn('opened_slug', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('outcome_at', 'text')
      .addColumn('ticket_id', 'text')
      .execute();
    await db.schema.createIndex('kb_deflections_created').on('kb_deflections').column('created_at').execute();
  },
};
