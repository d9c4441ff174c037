import { z } from 'zod';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const ServerConfig = z.strictObject({
  host: z.string().default('127.0.0.1').describe('Interface the HTTP server binds to. Use 0.0.0.0 behind a load balancer.'),
  port: z.number().int().min(0).max(65535).default(8080).describe('TCP port of the HTTP server (API, OTLP receiver, console, status page).'),
  publicUrl: z.string().url().optional().describe('External URL of this server, used in links (status page, e-mails). Defaults to http://localhost:<port>.'),
  trustProxy: z.boolean().default(false).describe('Trust X-Forwarded-For for the client address (rate limits, audit) when behind a reverse proxy.'),
  bodyLimitBytes: z.number().int().positive().default(5 * 1024 * 1024).describe('Largest accepted JSON request body; larger bodies get 413.'),
});

export const DatabaseConfig = z.strictObject({
  url: z.string().optional().describe('postgres://user:pass@host:5432/db switches the relational store to PostgreSQL; empty means SQLite in the data dir.'),
  sqliteFile: z.string().default('opsdesk.sqlite').describe('SQLite file name inside the data dir (embedded default).'),
  poolSize: z.number().int().min(1).max(100).default(10).describe('PostgreSQL connection pool size per process.'),
});

export const LogConfig = z.strictObject({
  level: z.enum(logLevels).default('info').describe('Log level: fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stderr.'),
});

export const AuthConfig = z.strictObject({
  adminPassword: z.string().min(12).optional().describe('Password of the first admin, created on first start with an empty database. Without it a one-time password is printed once.'),
  adminEmail: z.string().default('admin@opsdesk.local').describe('E-mail (login) of the first admin.'),
  sessionTtlSec: z.number().int().positive().default(12 * 3600).describe('How long a console session lasts without activity, in seconds.'),
  loginAttemptsPerWindow: z.number().int().positive().default(10).describe('Failed logins allowed per client and account within loginWindowSec before 429.'),
  loginWindowSec: z.number().int().positive().default(15 * 60).describe('Window of the login rate limit, in seconds.'),
  secureCookies: z.boolean().default(false).describe('Mark session cookies Secure (set true when served over HTTPS).'),
});

export const StatusPageConfig = z.strictObject({
  name: z.string().default('Wallet Status').describe('Name of the public status page (Statuspage `page.name`, page title, feeds, e-mails).'),
  pageId: z.string().default('opsdesk').describe('Stable id of the page, published as `page.id` / `page_id` in the Statuspage-compatible JSON.'),
  timeZone: z.string().default('Etc/UTC').describe('IANA time zone published as `page.time_zone`.'),
  defaultLang: z.enum(['en', 'es', 'pt-BR']).default('en').describe('Language of the page, feeds and JSON when neither ?lang= nor Accept-Language picks one.'),
  signingSecret: z.string().min(16).optional().describe('Secret for unsubscribe links and webhook signatures. Without it a random one is generated once and kept in the database.'),
  allowedLinkHosts: z.array(z.string()).default([]).describe('Hosts that public updates may link to (besides server.publicUrl); links elsewhere are refused as possible impersonation.'),
  requestsPerMinute: z.number().int().positive().default(120).describe('Public status page and JSON requests allowed per client IP per minute before 429.'),
  subscribesPerHour: z.number().int().positive().default(10).describe('Subscribe/unsubscribe calls allowed per client IP per hour before 429.'),
  sloTarget: z.number().gt(0).lt(1).default(0.999).describe('Availability SLO used for the error budget in postmortems (0.999 = 99.9%).'),
  sloWindowDays: z.number().int().positive().default(30).describe('SLO window in days; the error budget is window × (1 − sloTarget).'),
  webhookTimeoutMs: z.number().int().positive().default(5000).describe('Timeout of one webhook delivery to a subscriber, in milliseconds.'),
});

export const NotificationsConfig = z.strictObject({
  smtpHost: z.string().optional().describe('SMTP server for subscriber e-mails; without it e-mail subscriptions are refused (503).'),
  smtpPort: z.number().int().min(1).max(65535).default(587).describe('SMTP port (587 submission with STARTTLS, 465 implicit TLS, 25 relay).'),
  smtpSecure: z.boolean().default(false).describe('Use implicit TLS from the first byte (port 465). STARTTLS is used when the server offers it either way.'),
  smtpRequireTls: z.boolean().default(false).describe('Refuse to send unless the connection is upgraded to TLS.'),
  smtpUser: z.string().optional().describe('SMTP user name, when the server requires authentication.'),
  smtpPassword: z.string().optional().describe('SMTP password (set via OPSDESK_NOTIFICATIONS_SMTP_PASSWORD, not in a file).'),
  from: z.string().default('Wallet Status <status@localhost>').describe('From address of subscriber e-mails.'),
});

export const TelemetryClickHouseConfig = z.strictObject({
  url: z.string().url().default('http://127.0.0.1:8123').describe('HTTP interface of the ClickHouse server (or a load balancer in front of the cluster) when telemetry.store is clickhouse.'),
  database: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/).default('opsdesk_telemetry').describe('ClickHouse database of the telemetry tables; created with the schema on first start.'),
  user: z.string().min(1).default('default').describe('ClickHouse user.'),
  password: z.string().default('').describe('Password of the ClickHouse user. Set via OPSDESK_TELEMETRY_CLICKHOUSE_PASSWORD, not in a file; never logged.'),
  batchRows: z.number().int().min(1).default(20_000).describe('Buffered rows that trigger an INSERT at once (ClickHouse prefers few large inserts).'),
  maxInsertRows: z.number().int().min(1000).default(100_000).describe('Rows per INSERT at most; larger batches are split.'),
  flushIntervalMs: z.number().int().min(1).max(60_000).default(1000).describe('Buffered rows are inserted at the latest this long after the first arrived (an OTLP request is answered after its INSERT).'),
  requestTimeoutMs: z.number().int().positive().default(60_000).describe('Timeout of one ClickHouse HTTP request, in milliseconds.'),
  rollup: z.enum(['auto', 'always', 'never']).default('auto').describe('Answer series/top-N queries on whole minutes grouped by service/route/chain/kind from the per-minute rollup: auto = when it is at most 1/20 the size of the raw events.'),
});

export const TelemetryConfig = z.strictObject({
  store: z.enum(['duckdb', 'clickhouse']).default('duckdb').describe('Where telemetry is stored: the embedded DuckDB file (telemetry.file) or a ClickHouse server/cluster (telemetry.clickhouse).'),
  clickhouse: TelemetryClickHouseConfig.default(TelemetryClickHouseConfig.parse({})).describe('ClickHouse connection and insert batching, used when telemetry.store is clickhouse.'),
  file: z.string().default('telemetry.duckdb').describe('DuckDB file of the telemetry store, inside the data dir.'),
  memoryLimit: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/).default('512MB').describe('DuckDB memory limit of the telemetry store (e.g. 512MB).'),
  threads: z.number().int().min(1).max(64).default(2).describe('DuckDB worker threads of the telemetry store.'),
  maxRequestBytes: z.number().int().positive().default(64 * 1024 * 1024).describe('Largest OTLP request body, after decompression; larger bodies get 413.'),
  maxPendingRows: z.number().int().positive().default(500_000).describe('Rows waiting for the telemetry writer before OTLP requests get 429 with Retry-After.'),
  maxStringChars: z.number().int().min(64).default(4096).describe('Longer attribute values are truncated (and counted).'),
  maxBodyChars: z.number().int().min(256).default(32768).describe('Longer log bodies are truncated (and counted).'),
  maxAttributes: z.number().int().min(1).default(128).describe('Attributes kept per record beyond the mapped columns; the rest are dropped (and counted).'),
  maxFutureSkewSec: z.number().int().min(0).default(3600).describe('Event times further in the future are clamped to the ingest time (and counted).'),
  retentionDays: z.number().int().min(1).default(30).describe('Telemetry older than this is deleted by retention.'),
  maxBytes: z.number().int().positive().default(20 * 1024 * 1024 * 1024).describe('When the telemetry file grows beyond this, the oldest events are deleted.'),
  maxQueryRangeDays: z.number().int().min(1).default(31).describe('Longest time range one telemetry query may cover.'),
  userIndex: z.boolean().default(false).describe('Also keep an ART index on user_id. One user\'s events are found through a 4-byte key column either way (11 ms over 10M events, 38 ms over 40M); the index was no faster at 10M, costs bulk loads about a quarter of their speed and holds memory.'),
  prometheusUrl: z.string().url().optional().describe('Base URL of a Prometheus server whose metrics the telemetry query surface can answer from (its HTTP API).'),
  prometheusToken: z.string().optional().describe('Bearer token sent to prometheusUrl, if it needs one.'),
});

export const ChainsConfig = z.strictObject({
  rpc: z
    .record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().url()).min(1))
    .default({})
    .describe('RPC URLs per chain slug, tried in order (fallback), replacing the built-in ones, e.g. {"bsc": ["https://…"]}. API keys in URLs are never logged.'),
  custom: z
    .array(z.looseObject({ slug: z.string() }))
    .default([])
    .describe('Extra chains with the chain registry\'s fields (slug, name, family, chainId, nativeSymbol, nativeDecimals, rpcUrls, explorer, tokens…); a known slug replaces the built-in entry.'),
  includeBuiltins: z.boolean().default(true).describe('Include the built-in chains; false keeps only chains.custom (a deployment with its own nodes).'),
  timeoutMs: z.number().int().positive().default(8000).describe('Timeout of one RPC request, in milliseconds.'),
  retries: z.number().int().min(0).max(10).default(2).describe('Extra rounds over all of a chain\'s RPC URLs after the first fails, with exponential backoff.'),
  searchConcurrency: z.number().int().min(1).max(64).default(8).describe('Chains asked at once when a transaction is searched without a chain.'),
  searchTimeoutMs: z.number().int().positive().default(15000).describe('Time budget of one chain during such a search, in milliseconds.'),
  memoRequired: z
    .array(z.strictObject({ chain: z.string().describe('Chain slug, e.g. "xrp".'), address: z.string().min(1), exchange: z.string().min(1).describe('Who owns the address, shown to the user.'), source: z.string().default('configured by the team').describe('Where the entry comes from.') }))
    .default([])
    .describe('Exchange deposit addresses that require a memo / destination tag / comment; added to the built-in list (src/chains/memo/deposits.ts). A transfer to one without a memo is reported as memo.missing.'),
  httpAllowCustomRpc: z.boolean().default(false).describe('Let HTTP API callers pass their own RPC URL (the server then fetches any URL an agent gives); the CLI always may.'),
});

export const PaymentsConfig = z.strictObject({
  webhookSecrets: z
    .record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(16))
    .default({})
    .describe('HMAC secrets per payment provider (generic, marqeta, stripe-issuing, moonpay, ramp, transak) for POST /api/payments/webhooks/<provider>; a provider without a secret accepts only API tokens. Set via OPSDESK_PAYMENTS_WEBHOOK_SECRETS, not in a file.'),
  signatureToleranceSec: z.number().int().positive().default(300).describe('Largest age of a timestamped webhook signature (Stripe/MoonPay style), in seconds (replay protection).'),
});

export const KbConfig = z.strictObject({
  dir: z.string().default('./kb').describe('Folder of the knowledge-base Markdown articles, loaded into the store on start and reloaded when a file changes.'),
  watch: z.boolean().default(true).describe('Watch kb.dir and reload changed articles while the server runs.'),
  refreshSec: z.number().int().min(0).default(30).describe('Re-read articles from the store this often, to pick up edits made through another replica (0 = never).'),
});

export const MonitorConfig = z.strictObject({
  flapWindowSec: z.number().int().min(0).default(900).describe('An alert that fires again within this many seconds of resolving is reopened (the same alert) and counted as a flap.'),
  flapMaxReopens: z.number().int().min(1).default(3).describe('After this many reopenings an alert is marked flapping and its channels stay quiet until it has been resolved for flapWindowSec.'),
  notifyTimeoutMs: z.number().int().positive().default(5000).describe('Timeout of one alert delivery to a webhook or Slack channel, in milliseconds.'),
  emailFrom: z.string().default('OpsDesk Alerts <alerts@localhost>').describe('From address of alert e-mails (sent through the notifications SMTP server).'),
  schedulerEnabled: z.boolean().default(true).describe('Run the stored monitors in the background of `opsdesk serve` (every replica may; each monitor runs once per interval across all of them).'),
  schedulerTickSec: z.number().int().min(1).max(300).default(5).describe('How often the monitor scheduler looks for due monitors, in seconds.'),
  runTimeoutMs: z.number().int().min(1000).max(600_000).default(60_000).describe('A monitor run taking longer than this is abandoned and recorded as failed, in milliseconds.'),
});

export const CommunityConfig = z.strictObject({
  authorSecret: z.string().min(16).optional().describe('Key of the HMAC that replaces community author ids before storage; when unset one is generated once and kept in the store. Set via OPSDESK_COMMUNITY_AUTHOR_SECRET, not in a file.'),
  webhookSecret: z.string().min(16).optional().describe('HMAC-SHA256 secret of signed community webhooks (POST /api/community/hooks/<source>, header x-opsdesk-signature: sha256=<hex>); without it only API tokens are accepted.'),
  brandNames: z.array(z.string().min(2)).default(['opsdesk wallet']).describe('The wallet brand as users write it; display names that look like it (or add Support/Admin to it) are flagged as impersonation.'),
  officialDomains: z.array(z.string().min(3)).default([]).describe('The company\'s own domains (e.g. "examplewallet.com"); links to look-alikes of them are flagged as phishing.'),
  burstWindowSec: z.number().int().min(60).default(1800).describe('Length of the window a topic burst is measured over, in seconds.'),
  baselineWindows: z.number().int().min(4).default(336).describe('How many earlier windows make a topic\'s baseline (336 × 30 min = 7 days).'),
  burstMinAuthors: z.number().int().min(2).default(5).describe('Fewest distinct authors in a window for a burst.'),
  burstMinRatio: z.number().min(1).default(4).describe('Fewest times the baseline (distinct authors per window) for a burst.'),
  pollTimeoutMs: z.number().int().positive().default(15000).describe('Timeout of one feed request, in milliseconds.'),
  backgroundTickSec: z.number().int().min(0).default(60).describe('How often the server polls due sources and looks for bursts, in seconds (each tick runs on one replica only); 0 turns the background work off.'),
  userAgent: z.string().default('OpsDesk community monitor (+https://github.com/opsdesk)').describe('User-Agent of feed requests (Reddit and Discourse ask for a descriptive one).'),
});

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const TriageRetrainConfig = z.strictObject({
  enabled: z.boolean().default(true).describe('Retrain the triage model once a day in the background of `opsdesk serve` when agents have corrected tickets since the current model was trained (one replica runs it; a worse model on the held-out set is refused).'),
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)').default('03:30').describe('Local time of the nightly retrain, HH:MM (24-hour) in triage.retrain.timeZone; a server that was down then runs it later the same day.'),
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone (e.g. America/Sao_Paulo)').default('Etc/UTC').describe('IANA time zone of triage.retrain.at, e.g. America/Sao_Paulo.'),
  checkEverySec: z.number().int().min(1).max(3600).default(60).describe('How often the server checks whether the nightly retrain is due and whether another replica wrote a newer model, in seconds.'),
});

export const TriageConfig = z.strictObject({
  retrain: TriageRetrainConfig.default(TriageRetrainConfig.parse({})),
});

export const SlaConfig = z.strictObject({
  actionsTickSec: z.number().int().min(0).default(60).describe('How often `opsdesk serve` runs due SLA warning and breach actions (re-prioritise, re-assign, notify), in seconds; each tick runs on one replica and each action once. 0 turns it off.'),
  policiesFile: z.string().min(1).optional().describe('JSON file of the SLA settings (business-hours calendars with time zones and holidays, policies with targets and warning/breach actions; see docs/clusters-sla-queue.md), relative to the working directory like kb.dir. Checked at start; unset means the built-in defaults.'),
});

export const AssistConfig = z.strictObject({
  enabled: z.boolean().default(false).describe('Let agents ask a language model for reply drafts grounded in KB articles (POST /api/kb/draft). Off by default.'),
  baseUrl: z.string().url().optional().describe('Base URL of an OpenAI-compatible chat-completions API, e.g. http://127.0.0.1:11434/v1 (text is redacted before it is sent).'),
  model: z.string().optional().describe('Model name sent to the provider.'),
  apiKey: z.string().optional().describe('Bearer key for the provider, if it needs one.'),
  timeoutMs: z.number().int().positive().default(30000).describe('Timeout of one draft request to the provider, in milliseconds.'),
});

export const EscalationsConfig = z.strictObject({
  githubBaseUrl: z.string().url().default('https://api.github.com').describe('Base URL of the GitHub REST API (GitHub Enterprise: https://<host>/api/v3).'),
  githubRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/).optional().describe('Repository that escalations become issues in, as owner/repo.'),
  githubToken: z.string().optional().describe('Token that may create issues in githubRepo. Set via OPSDESK_ESCALATIONS_GITHUB_TOKEN, not in a file.'),
  jiraBaseUrl: z.string().url().optional().describe('Base URL of the Jira Cloud site, e.g. https://example.atlassian.net.'),
  jiraProjectKey: z.string().optional().describe('Key of the Jira project that escalations become issues in.'),
  jiraIssueType: z.string().default('Bug').describe('Issue type name of created Jira issues.'),
  jiraEmail: z.string().optional().describe('Account e-mail of the Jira API token (basic auth).'),
  jiraToken: z.string().optional().describe('Jira API token. Set via OPSDESK_ESCALATIONS_JIRA_TOKEN, not in a file.'),
  linearBaseUrl: z.string().url().default('https://api.linear.app').describe('Base URL of the Linear API (the GraphQL endpoint is <base>/graphql).'),
  linearTeamId: z.string().optional().describe('Id of the Linear team that escalations become issues in.'),
  linearToken: z.string().optional().describe('Linear API key. Set via OPSDESK_ESCALATIONS_LINEAR_TOKEN, not in a file.'),
  timeoutMs: z.number().int().positive().default(15000).describe('Timeout of one request to a tracker, in milliseconds.'),
});

export const Config = z.strictObject({
  dataDir: z.string().default('./data').describe('Directory of the embedded stores (SQLite, DuckDB) and other local state.'),
  server: ServerConfig.default(ServerConfig.parse({})),
  database: DatabaseConfig.default(DatabaseConfig.parse({})),
  log: LogConfig.default(LogConfig.parse({})),
  auth: AuthConfig.default(AuthConfig.parse({})),
  statusPage: StatusPageConfig.default(StatusPageConfig.parse({})),
  notifications: NotificationsConfig.default(NotificationsConfig.parse({})),
  monitor: MonitorConfig.default(MonitorConfig.parse({})),
  telemetry: TelemetryConfig.default(TelemetryConfig.parse({})),
  chains: ChainsConfig.default(ChainsConfig.parse({})),
  kb: KbConfig.default(KbConfig.parse({})),
  assist: AssistConfig.default(AssistConfig.parse({})),
  payments: PaymentsConfig.default(PaymentsConfig.parse({})),
  community: CommunityConfig.default(CommunityConfig.parse({})),
  escalations: EscalationsConfig.default(EscalationsConfig.parse({})),
  triage: TriageConfig.default(TriageConfig.parse({})),
  sla: SlaConfig.default(SlaConfig.parse({})),
});

export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
