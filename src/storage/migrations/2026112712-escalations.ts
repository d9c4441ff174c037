import type { Migration } from './migration.ts';

/** Escalation reports (editable, JSON), their linked tickets and the tracker issues created from them. */
export const escalationsMigration: Migration = {
  name: '2026112712_escalations',
  async up(db) {
    await db.schema
      .createTable('escalations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('escalations_source').on('escalations').columns(['source_type', 'source_id']).execute();
    await db.schema
      .createTable('escalation_tickets')
      .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('notify_status', 'text', (c) => c.notNull())
      .addColumn('notified_at', 'text')
      .addPrimaryKeyConstraint('escalation_tickets_pk', ['escalation_id', 'ticket_id'])
      .execute();
    await db.schema.createIndex('escalation_tickets_ticket').on('escalation_tickets').column('ticket_id').execute();
    await db.schema
      .createTable('escalation_issues')
      .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
      .addColumn('tracker', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('synced_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('escalation_issues_pk', ['escalation_id', 'tracker'])
      .execute();
  },
};
