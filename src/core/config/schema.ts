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

export const Config = z.strictObject({
  dataDir: z.string().default('./data').describe('Directory of the embedded stores (SQLite, DuckDB) and other local state.'),
  server: ServerConfig.default(ServerConfig.parse({})),
  database: DatabaseConfig.default(DatabaseConfig.parse({})),
  log: LogConfig.default(LogConfig.parse({})),
  auth: AuthConfig.default(AuthConfig.parse({})),
});

export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
