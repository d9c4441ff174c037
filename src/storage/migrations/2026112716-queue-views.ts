import type { Migration } from './migration.ts';

/** Saved queue views: a user's named filter sets (status, category, priority, SLA, assignee…), one name per user. */
export const queueViewsMigration: Migration = {
  name: '2026112716_queue_views',
  async up(db) {
    await db.schema
      .createTable('queue_views')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('queue_views_pk', ['user_id', 'name'])
      .execute();
  },
};
