import type { Migration } from './migration.ts';

/** Card and on-ramp payment events, normalised (src/payments), one row per provider event id. */
export const paymentsMigration: Migration = {
  name: '2026112707_payments',
  async up(db) {
    await db.schema
      .createTable('payment_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('user_ref', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addUniqueConstraint('payment_events_provider_event', ['provider', 'event_id'])
      .execute();
    await db.schema.createIndex('payment_events_subject').on('payment_events').columns(['subject_id', 'occurred_at']).execute();
    await db.schema.createIndex('payment_events_user').on('payment_events').columns(['user_ref', 'occurred_at']).execute();
  },
};
