import type { Generated } from 'kysely';

/**
 * Table types of the relational store. Conventions (both engines): ids are text (`core/newId`),
 * timestamps are ISO-8601 UTC text, booleans are integers 0/1, JSON is text.
 */
export interface MetaTable {
  key: string;
  value: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  prefix: string;
  role: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  detail: string | null;
}

export interface IncidentsTable {
  id: string;
  kind: string;
  title: string;
  summary: string | null;
  severity: string;
  status: string;
  impact: string;
  source_type: string;
  source_id: string | null;
  commander_id: string | null;
  comms_id: string | null;
  scribe_id: string | null;
  affected: string;
  workaround: string | null;
  next_update_at: string | null;
  users_affected: number | null;
  error_ratio: number | null;
  published: number;
  started_at: string;
  identified_at: string | null;
  monitoring_at: string | null;
  resolved_at: string | null;
  scheduled_for: string | null;
  scheduled_until: string | null;
  postmortem: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentLinksTable {
  incident_id: string;
  kind: string;
  ref_id: string;
  created_by: string | null;
  created_at: string;
}

export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  actor_name: string;
  text: string;
  data: string | null;
}

export interface IncidentUpdatesTable {
  id: string;
  incident_id: string;
  status: string;
  bodies: string;
  affected_components: string;
  deliver_notifications: number;
  created_by: string | null;
  created_at: string;
  display_at: string;
}

export interface IncidentProviderLogTable {
  id: string;
  incident_id: string;
  provider: string;
  direction: string;
  reference: string | null;
  text: string;
  provider_status: string | null;
  actor_id: string | null;
  at: string;
}

export interface StatusComponentsTable {
  id: string;
  name: string;
  description: string | null;
  is_group: number;
  group_id: string | null;
  position: number;
  status: string;
  only_show_if_degraded: number;
  showcase: number;
  provider: string | null;
  provider_component_id: string | null;
  start_date: string;
  created_at: string;
  updated_at: string;
}

export interface StatusComponentEventsTable {
  id: string;
  component_id: string;
  status: string;
  at: string;
}

export interface IncidentComponentsTable {
  incident_id: string;
  component_id: string;
  status: string;
}

export interface StatusSubscribersTable {
  id: string;
  channel: string;
  email: string | null;
  webhook_url: string | null;
  lang: string;
  component_ids: string;
  confirmed: number;
  confirm_token_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface Database {
  opsdesk_meta: MetaTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  incidents: IncidentsTable;
  incident_links: IncidentLinksTable;
  incident_timeline: IncidentTimelineTable;
  incident_updates: IncidentUpdatesTable;
  incident_provider_log: IncidentProviderLogTable;
  status_components: StatusComponentsTable;
  status_component_events: StatusComponentEventsTable;
  incident_components: IncidentComponentsTable;
  status_subscribers: StatusSubscribersTable;
}
