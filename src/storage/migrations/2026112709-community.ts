import type { Migration } from './migration.ts';

export const communityMigration: Migration = {
  name: '2026112709_community',
  async up(db) {
    await db.schema
      .createTable('community_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('url', 'text')
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('poll_interval_sec', 'integer', (c) => c.notNull())
      .addColumn('cursor', 'text')
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('next_poll_at', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('last_polled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('community_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('community_sources.id').onDelete('cascade'))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('author_hash', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('language', 'text')
      .addColumn('category', 'text')
      .addColumn('chains', 'text', (c) => c.notNull())
      .addColumn('tokens', 'text', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('symptoms', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text')
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('sentiment', 'real', (c) => c.notNull())
      .addColumn('redactions', 'integer', (c) => c.notNull())
      .addColumn('posted_at', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('community_messages_source_external', ['source_id', 'external_id'])
      .execute();
    await db.schema.createIndex('community_messages_posted').on('community_messages').columns(['posted_at']).execute();
    await db.schema
      .createTable('community_topic_hits')
      .addColumn('message_id', 'text', (c) => c.notNull().references('community_messages.id').onDelete('cascade'))
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('author_hash', 'text', (c) => c.notNull())
      .addColumn('posted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('community_topic_hits_pk', ['message_id', 'topic'])
      .execute();
    await db.schema.createIndex('community_topic_hits_time').on('community_topic_hits').columns(['posted_at', 'topic']).execute();
    await db.schema
      .createTable('community_bursts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('window_end', 'text', (c) => c.notNull())
      .addColumn('authors', 'integer', (c) => c.notNull())
      .addColumn('messages', 'integer', (c) => c.notNull())
      .addColumn('baseline', 'real', (c) => c.notNull())
      .addColumn('ratio', 'real', (c) => c.notNull())
      .addColumn('links', 'text', (c) => c.notNull())
      .addColumn('alert_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('community_bursts_topic_window', ['topic', 'window_start'])
      .execute();
    await db.schema
      .createTable('community_scams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('community_sources.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.references('community_messages.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('author_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('posted_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('community_scams_status').on('community_scams').columns(['status', 'posted_at']).execute();
  },
};
