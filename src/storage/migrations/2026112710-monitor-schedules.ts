import type { Migration } from './migration.ts';

export const monitorSchedulesMigration: Migration = {
  name: '2026112710_monitor_schedules',
  async up(db) {
    await db.schema
      .createTable('monitor_definitions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('interval_sec', 'integer', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_run_at', 'text')
      .addColumn('last_status', 'text')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('jobs_kind_status_updated').on('jobs').columns(['kind', 'status', 'updated_at']).execute();
  },
};
