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

export const Config = z.strictObject({
  dataDir: z.string().default('./data').describe('Directory of the embedded stores (SQLite, DuckDB) and other local state.'),
  server: ServerConfig.default(ServerConfig.parse({})),
  database: DatabaseConfig.default(DatabaseConfig.parse({})),
  log: LogConfig.default(LogConfig.parse({})),
  auth: AuthConfig.default(AuthConfig.parse({})),
  statusPage: StatusPageConfig.default(StatusPageConfig.parse({})),
  notifications: NotificationsConfig.default(NotificationsConfig.parse({})),
});

export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
