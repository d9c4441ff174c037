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

/** A support ticket; every text column holds redacted text only. */
export interface TicketsTable {
  id: string;
  source: string;
  source_id: string;
  channel: string;
  requester: string | null;
  requester_name: string | null;
  tier: string;
  subject: string;
  status: string;
  category: string;
  category_confidence: number;
  severity: string;
  priority: string;
  language: string;
  /** 0–1, from src/i18n detectLanguage; null for tickets stored before 2026112713_i18n. */
  language_confidence: number | null;
  security_flags: string;
  chains: string;
  entities: string;
  reasons: string;
  kb: string;
  redacted_text: string;
  model_version: number;
  created_at: string;
  received_at: string;
  updated_at: string;
  /** SLA fields of the queue (2026112715), kept by tickets/sla/refresh-sla.ts: policy id, state without time (active/paused/met/breached/none), next due time and its metric. */
  sla_policy?: string | null;
  sla_state?: string;
  sla_due_at?: string | null;
  sla_due_metric?: string | null;
  /** Instants (ms, rounded up) when the earliest running target is due / enters warning; the state at a time is derived from them. */
  sla_due_ms?: number | null;
  sla_warn_ms?: number | null;
  /** Queue order: priority rank × 10¹³ + next due ms. */
  sla_urgency?: number;
  /** Fingerprint of the SLA settings the fields were computed with; null = not computed yet. */
  sla_fp?: string | null;
}

export interface TicketMessagesTable {
  id: string;
  ticket_id: string;
  source_message_id: string;
  author_kind: string;
  author: string | null;
  channel: string;
  body: string;
  attachments: string;
  security_flags: string;
  created_at: string;
  /** en / es / pt from src/i18n detectLanguage; null for outgoing replies and rows before 2026112714. */
  language?: string | null;
  language_confidence?: number | null;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  at: string;
  kind: string;
  actor: string | null;
  detail: string;
}

export interface TriageCorrectionsTable {
  id: string;
  ticket_id: string;
  at: string;
  actor_id: string | null;
  previous_category: string;
  category: string;
  previous_severity: string;
  severity: string;
  text: string;
  model_version: number;
}

/** An accepted triage model (2026112718): the model-vN.json text, shared by the replicas. */
export interface TriageModelsTable {
  version: number;
  created_at: string;
  file: string;
}

export interface KbArticlesTable {
  slug: string;
  title: string;
  audience: string;
  language: string;
  categories: string;
  chains: string;
  tags: string;
  finding_codes: string;
  owner: string;
  review_by: string;
  content: string;
  content_hash: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
  archived_at: string | null;
}

export interface KbArticleVersionsTable {
  slug: string;
  version: number;
  content: string;
  content_hash: string;
  source: string;
  author: string | null;
  created_at: string;
}

export interface KbUsageTable {
  slug: string;
  kind: string;
  count: number;
  last_at: string;
}

export interface KbDeflectionsTable {
  id: string;
  created_at: string;
  locale: string | null;
  category: string | null;
  query_hash: string;
  shown: string;
  opened_slug: string | null;
  outcome: string;
  outcome_at: string | null;
  ticket_id: string | null;
}

export interface MonitorAlertsTable {
  id: string;
  fingerprint: string;
  source: string;
  title: string;
  summary: string;
  severity: string;
  series: string | null;
  labels: string;
  status: string;
  /** The fingerprint while the alert is open, null once resolved: at most one open alert per fingerprint. */
  open_key: string | null;
  occurrences: Generated<number>;
  reopen_count: Generated<number>;
  flapping: Generated<number>;
  silenced_by: string | null;
  started_at: string;
  last_seen_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MonitorAlertEventsTable {
  id: string;
  alert_id: string;
  at: string;
  kind: string;
  actor: string | null;
  detail: string | null;
}

export interface MonitorSilencesTable {
  id: string;
  kind: string;
  matchers: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_by: string | null;
  created_at: string;
}

export interface MonitorChannelsTable {
  id: string;
  name: string;
  kind: string;
  target: string;
  min_severity: string;
  matchers: string;
  enabled: Generated<number>;
  created_at: string;
}

export interface MonitorDefinitionsTable {
  id: string;
  name: string;
  kind: string;
  spec: string;
  interval_sec: number;
  severity: string;
  enabled: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  last_run_at: string | null;
  last_status: string | null;
  last_error: string | null;
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
  tickets: TicketsTable;
  ticket_messages: TicketMessagesTable;
  ticket_events: TicketEventsTable;
  triage_corrections: TriageCorrectionsTable;
  triage_models: TriageModelsTable;
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_usage: KbUsageTable;
  kb_deflections: KbDeflectionsTable;
  monitor_alerts: MonitorAlertsTable;
  monitor_alert_events: MonitorAlertEventsTable;
  monitor_silences: MonitorSilencesTable;
  monitor_channels: MonitorChannelsTable;
  monitor_definitions: MonitorDefinitionsTable;
  payment_events: PaymentEventsTable;
  community_sources: CommunitySourcesTable;
  community_messages: CommunityMessagesTable;
  community_topic_hits: CommunityTopicHitsTable;
  community_bursts: CommunityBurstsTable;
  community_scams: CommunityScamsTable;
  ticket_clusters: TicketClustersTable;
  ticket_fingerprints: TicketFingerprintsTable;
  ticket_cluster_keys: TicketClusterKeysTable;
  ticket_cluster_spikes: TicketClusterSpikesTable;
  ticket_assignments: TicketAssignmentsTable;
  agent_skills: AgentSkillsTable;
  queue_views: QueueViewsTable;
  ticket_sla_actions: TicketSlaActionsTable;
  escalations: EscalationsTable;
  escalation_tickets: EscalationTicketsTable;
  escalation_issues: EscalationIssuesTable;
}

/** One normalised card or on-ramp event (src/payments); `event` is the generic event as JSON (never a card number). */
export interface PaymentEventsTable {
  id: string;
  kind: string;
  provider: string;
  event_id: string;
  /** Authorisation id (card) or order id (on-ramp). */
  subject_id: string;
  /** Card event type or on-ramp status. */
  state: string;
  user_ref: string | null;
  occurred_at: string;
  received_at: string;
  event: string;
}

/** A community feed (src/community): its connector kind, settings (JSON) and polling state. */
export interface CommunitySourcesTable {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  settings: string;
  enabled: number;
  poll_interval_sec: number;
  cursor: string | null;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  failures: number;
  last_error: string | null;
  last_polled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One public post, redacted; the author only as a keyed HMAC. Lists are JSON arrays. */
export interface CommunityMessagesTable {
  id: string;
  source_id: string;
  external_id: string;
  channel: string;
  author_hash: string;
  text: string;
  url: string | null;
  language: string | null;
  /** 0–1 from src/i18n detectLanguage; null for rows before 2026112714. */
  language_confidence?: number | null;
  category: string | null;
  chains: string;
  tokens: string;
  features: string;
  symptoms: string;
  app_version: string | null;
  topics: string;
  sentiment: number;
  redactions: number;
  posted_at: string;
  ingested_at: string;
}

/** One topic of one message, for counting distinct authors per topic and window. */
export interface CommunityTopicHitsTable {
  message_id: string;
  topic: string;
  author_hash: string;
  posted_at: string;
}

/** A topic heard far above its own baseline; `links` is JSON (tickets, alerts, incidents). */
export interface CommunityBurstsTable {
  id: string;
  topic: string;
  window_start: string;
  window_end: string;
  authors: number;
  messages: number;
  baseline: number;
  ratio: number;
  links: string;
  alert_id: string | null;
  created_at: string;
}

/** A suspected impersonator or phishing post for moderators; `reasons` is JSON. */
export interface CommunityScamsTable {
  id: string;
  source_id: string;
  message_id: string | null;
  kind: string;
  evidence: string;
  reasons: string;
  score: number;
  author_hash: string;
  status: string;
  posted_at: string;
  created_at: string;
}

/** A problem: open tickets that describe the same issue. Title and keys are built from triage fields, never from a requester's words. */
export interface TicketClustersTable {
  id: string;
  title: string;
  status: string;
  category: string;
  chains: string;
  tokens: string;
  app_version: string | null;
  platform: string | null;
  merged_into: string | null;
  first_seen_at: string;
  last_seen_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A ticket's clustering keys (JSON), MinHash of its redacted text (JSON) and its cluster; `pinned` 1 after an agent merge/split. */
export interface TicketFingerprintsTable {
  ticket_id: string;
  cluster_id: string | null;
  reason: string | null;
  score: number | null;
  pinned: Generated<number>;
  keys: string;
  signature: string | null;
  minhash: string;
  created_at: string;
  updated_at: string;
}

/** Lookup keys of a ticket's fingerprint (tx hash, address, signature, MinHash LSH bands), so candidates are found by index. */
export interface TicketClusterKeysTable {
  ticket_id: string;
  key: string;
  created_at: string;
}

/** A cluster growing far above its own baseline in one window (a signal for monitoring and incidents). */
export interface TicketClusterSpikesTable {
  id: string;
  cluster_id: string;
  title: string;
  window_start: string;
  window_end: string;
  count: number;
  baseline: number;
  ratio: number;
  created_at: string;
}

export interface TicketAssignmentsTable {
  ticket_id: string;
  assignee_id: string;
  method: string;
  assigned_by: string | null;
  assigned_at: string;
}

/** Skills of an agent (categories, chains, languages such as `lang:es`) for round-robin assignment. */
export interface AgentSkillsTable {
  user_id: string;
  skill: string;
  created_at: string;
}

/** A user's saved queue view: a named filter set (`filters` is a JSON object of query parameters). */
export interface QueueViewsTable {
  user_id: string;
  name: string;
  filters: string;
  created_at: string;
  updated_at: string;
}

/** SLA warnings and breaches already acted upon (once per ticket, metric, stage and due time). */
export interface TicketSlaActionsTable {
  id: string;
  ticket_id: string;
  metric: string;
  stage: string;
  due_at: string;
  actions: string;
  at: string;
}

/** An escalation report for engineering; `report` is the (redacted, editable) report as JSON. */
export interface EscalationsTable {
  id: string;
  source_type: string;
  source_id: string;
  title: string;
  status: string;
  report: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A ticket covered by an escalation; `notify_status` is none, pending or sent (the user told when engineering closes it). */
export interface EscalationTicketsTable {
  escalation_id: string;
  ticket_id: string;
  notify_status: string;
  notified_at: string | null;
}

/** The issue an escalation became in a tracker (github, jira, linear), with its last polled state. */
export interface EscalationIssuesTable {
  escalation_id: string;
  tracker: string;
  external_id: string;
  key: string;
  url: string;
  state: string;
  closed: number;
  created_at: string;
  synced_at: string;
}
