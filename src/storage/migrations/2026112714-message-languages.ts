import type { Migration } from './migration.ts';

/** The detected language and its confidence on every ticket message and community post. */
export const messageLanguagesMigration: Migration = {
  name: '2026112714_message_languages',
  async up(db) {
    await db.schema.alterTable('ticket_messages').addColumn('language', 'text').execute();
    await db.schema.alterTable('ticket_messages').addColumn('language_confidence', 'real').execute();
    await db.schema.alterTable('community_messages').addColumn('language_confidence', 'real').execute();
  },
};
