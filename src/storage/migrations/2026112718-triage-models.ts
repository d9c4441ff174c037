import type { Migration } from './migration.ts';

/** Accepted triage models (the model-vN.json text), so every replica can serve the version one of them trained. */
export const triageModelsMigration: Migration = {
  name: '2026112718_triage_models',
  async up(db) {
    await db.schema
      .createTable('triage_models')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull())
      .execute();
  },
};
