import type { Migration } from './migration.ts';

/** How sure the language detection was for each ticket (null for tickets triaged before). */
export const i18nMigration: Migration = {
  name: '2026112713_i18n',
  async up(db) {
    await db.schema.alterTable('tickets').addColumn('language_confidence', 'double precision').execute();
  },
};
