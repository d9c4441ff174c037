import type { Migration } from './migration.ts';

/** Incidents, their timeline, links, public updates, provider log; status page components and subscribers. */
export const incidentsMigration: Migration = {
  name: '2026112708_incidents',
  async up(db) {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('impact', 'text', (c) => c.notNull())
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('commander_id', 'text')
      .addColumn('comms_id', 'text')
      .addColumn('scribe_id', 'text')
      .addColumn('affected', 'text', (c) => c.notNull())
      .addColumn('workaround', 'text')
      .addColumn('next_update_at', 'text')
      .addColumn('users_affected', 'integer')
      .addColumn('error_ratio', 'double precision')
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('identified_at', 'text')
      .addColumn('monitoring_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('scheduled_for', 'text')
      .addColumn('scheduled_until', 'text')
      .addColumn('postmortem', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incidents_status').on('incidents').columns(['kind', 'status']).execute();
    await db.schema.createIndex('incidents_started').on('incidents').column('started_at').execute();

    await db.schema
      .createTable('incident_links')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_links_pk', ['incident_id', 'kind', 'ref_id'])
      .execute();
    await db.schema.createIndex('incident_links_ref').on('incident_links').columns(['kind', 'ref_id']).execute();

    await db.schema
      .createTable('incident_timeline')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .execute();
    await db.schema.createIndex('incident_timeline_incident').on('incident_timeline').columns(['incident_id', 'at']).execute();

    await db.schema
      .createTable('incident_updates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('bodies', 'text', (c) => c.notNull())
      .addColumn('affected_components', 'text', (c) => c.notNull())
      .addColumn('deliver_notifications', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('display_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incident_updates_incident').on('incident_updates').columns(['incident_id', 'created_at']).execute();

    await db.schema
      .createTable('incident_provider_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('provider_status', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incident_provider_log_incident').on('incident_provider_log').columns(['incident_id', 'provider', 'at']).execute();

    await db.schema
      .createTable('status_components')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('is_group', 'integer', (c) => c.notNull())
      .addColumn('group_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('only_show_if_degraded', 'integer', (c) => c.notNull())
      .addColumn('showcase', 'integer', (c) => c.notNull())
      .addColumn('provider', 'text')
      .addColumn('provider_component_id', 'text')
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('status_components_provider').on('status_components').columns(['provider', 'provider_component_id']).execute();

    await db.schema
      .createTable('status_component_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('status_component_events_component').on('status_component_events').columns(['component_id', 'at']).execute();

    await db.schema
      .createTable('incident_components')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn('component_id', 'text', (c) => c.notNull().references('status_components.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_components_pk', ['incident_id', 'component_id'])
      .execute();

    await db.schema
      .createTable('status_subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('webhook_url', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('component_ids', 'text', (c) => c.notNull())
      .addColumn('confirmed', 'integer', (c) => c.notNull())
      .addColumn('confirm_token_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('unsubscribed_at', 'text')
      .execute();
    await db.schema.createIndex('status_subscribers_email').on('status_subscribers').column('email').execute();
    await db.schema.createIndex('status_subscribers_confirm').on('status_subscribers').column('confirm_token_hash').execute();
  },
};
