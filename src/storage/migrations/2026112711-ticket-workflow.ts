import type { Migration } from './migration.ts';

/** Ticket clusters (problems), their spikes, SLA breach actions, assignments and agent skills. */
export const ticketWorkflowMigration: Migration = {
  name: '2026112711_ticket_workflow',
  async up(db) {
    await db.schema
      .createTable('ticket_clusters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('chains', 'text', (c) => c.notNull())
      .addColumn('tokens', 'text', (c) => c.notNull())
      .addColumn('app_version', 'text')
      .addColumn('platform', 'text')
      .addColumn('merged_into', 'text')
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_clusters_status').on('ticket_clusters').columns(['status', 'last_seen_at']).execute();
    await db.schema
      .createTable('ticket_fingerprints')
      .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
      .addColumn('cluster_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('score', 'double precision')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('keys', 'text', (c) => c.notNull())
      .addColumn('signature', 'text')
      .addColumn('minhash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_fingerprints_cluster').on('ticket_fingerprints').columns(['cluster_id', 'created_at']).execute();
    await db.schema.createIndex('ticket_fingerprints_created').on('ticket_fingerprints').column('created_at').execute();
    await db.schema
      .createTable('ticket_cluster_keys')
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_cluster_keys_pk', ['ticket_id', 'key'])
      .execute();
    await db.schema.createIndex('ticket_cluster_keys_key').on('ticket_cluster_keys').columns(['key', 'created_at']).execute();
    await db.schema
      .createTable('ticket_cluster_spikes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cluster_id', 'text', (c) => c.notNull().references('ticket_clusters.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('window_end', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('baseline', 'double precision', (c) => c.notNull())
      .addColumn('ratio', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_cluster_spikes_unique').on('ticket_cluster_spikes').columns(['cluster_id', 'window_start']).unique().execute();
    await db.schema.createIndex('ticket_cluster_spikes_created').on('ticket_cluster_spikes').column('created_at').execute();
    await db.schema
      .createTable('ticket_assignments')
      .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
      .addColumn('assignee_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('assigned_by', 'text')
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_assignments_assignee').on('ticket_assignments').columns(['assignee_id', 'assigned_at']).execute();
    await db.schema
      .createTable('agent_skills')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('skill', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_skills_pk', ['user_id', 'skill'])
      .execute();
    await db.schema
      .createTable('ticket_sla_actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('actions', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_sla_actions_unique').on('ticket_sla_actions').columns(['ticket_id', 'metric', 'stage', 'due_at']).unique().execute();
  },
};
