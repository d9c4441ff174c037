import type { Migration } from './migration.ts';

/**
 * Per-ticket SLA fields the queue filters and sorts on in SQL: the next due time and its metric, the
 * time-independent state, the due and warning instants (the state at query time is derived from
 * them), an urgency key, and the fingerprint of the SLA settings they were computed with. Rows
 * without a fingerprint (every ticket stored before this migration) are computed on the next queue
 * read or SLA run.
 */
export const ticketSlaFieldsMigration: Migration = {
  name: '2026112715_ticket_sla_fields',
  async up(db) {
    await db.schema.alterTable('tickets').addColumn('sla_policy', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('sla_state', 'text', (c) => c.notNull().defaultTo('none')).execute();
    await db.schema.alterTable('tickets').addColumn('sla_due_at', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('sla_due_metric', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('sla_due_ms', 'double precision').execute();
    await db.schema.alterTable('tickets').addColumn('sla_warn_ms', 'double precision').execute();
    await db.schema.alterTable('tickets').addColumn('sla_urgency', 'double precision', (c) => c.notNull().defaultTo(99_999_999_999_999)).execute();
    await db.schema.alterTable('tickets').addColumn('sla_fp', 'text').execute();
    await db.schema.createIndex('tickets_queue_order').on('tickets').columns(['status', 'sla_urgency', 'created_at', 'id']).execute();
    await db.schema.createIndex('tickets_queue_category').on('tickets').columns(['category', 'status', 'sla_urgency']).execute();
    await db.schema.createIndex('tickets_queue_severity').on('tickets').columns(['severity', 'status', 'sla_urgency']).execute();
    await db.schema.createIndex('tickets_sla_due').on('tickets').columns(['status', 'sla_due_ms']).execute();
    await db.schema.createIndex('tickets_sla_warn').on('tickets').columns(['status', 'sla_warn_ms']).execute();
    await db.schema.createIndex('tickets_sla_fp').on('tickets').columns(['status', 'sla_fp']).execute();
  },
};
