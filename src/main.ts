import { Registry, collectDefaultMetrics } from 'prom-client';
import { FailureLimiter, ensureFirstAdmin } from './auth/index.ts';
import { createLogger, systemClock, type Clock, type Config, type Logger } from './core/index.ts';
import { allRoutes, buildApp, listen, type BuiltApp, type HttpDeps, type RunningServer } from './http/index.ts';
import { openStore, type RelationalStore } from './storage/index.ts';
import { scrubText } from './redaction/index.ts';

/** Everything a surface needs, built once from configuration. Domains add their services here. */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: RelationalStore;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  clock?: Clock;
}

/** The composition root: opens the stores and builds the services from configuration. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.log.level, scrub: scrubText });
  const clock = options.clock ?? systemClock;
  const store = await openStore({ url: config.database.url, dataDir: config.dataDir, sqliteFile: config.database.sqliteFile, poolSize: config.database.poolSize });
  const closers: Array<() => Promise<void>> = [];
  return {
    config,
    logger,
    clock,
    store,
    async close() {
      for (const close of closers.reverse()) await close().catch((err: unknown) => logger.error({ err }, 'error while closing'));
      await store.close();
    },
  };
}

/** Builds the HTTP dependencies from a runtime (used by the server and by tests). */
export function buildHttpDeps(runtime: Runtime, isReady: () => boolean = () => true): HttpDeps {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'opsdesk_' });
  return {
    config: runtime.config,
    store: runtime.store,
    logger: runtime.logger,
    clock: runtime.clock,
    loginLimiter: new FailureLimiter(runtime.config.auth.loginAttemptsPerWindow, runtime.config.auth.loginWindowSec * 1000, runtime.clock),
    metrics,
    isReady,
  };
}

/** Builds the whole HTTP app for a runtime. */
export function buildHttpApp(runtime: Runtime, isReady?: () => boolean): BuiltApp {
  const deps = buildHttpDeps(runtime, isReady);
  return buildApp(deps, allRoutes(deps));
}

export interface StartedServer {
  runtime: Runtime;
  server: RunningServer;
  url: string;
  stop(): Promise<void>;
}

/** Starts the HTTP server; prints the first admin's one-time password on a new database. */
export async function startServer(config: Config, options: RuntimeOptions & { announce?: (line: string) => void } = {}): Promise<StartedServer> {
  const runtime = await openRuntime(config, options);
  let ready = false;
  try {
    const admin = await ensureFirstAdmin(runtime.store.db, { email: config.auth.adminEmail, password: config.auth.adminPassword }, runtime.clock);
    if (admin.created && admin.oneTimePassword) {
      (options.announce ?? ((l) => process.stderr.write(l + '\n')))(
        `First start: created admin ${admin.email} with one-time password ${admin.oneTimePassword} (change it after signing in).`,
      );
    }
    const { app } = buildHttpApp(runtime, () => ready);
    const server = await listen(app, config.server.host, config.server.port);
    ready = true;
    const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${server.port}`;
    runtime.logger.info({ url, store: runtime.store.describe }, 'OpsDesk is serving');
    return {
      runtime,
      server,
      url,
      async stop() {
        ready = false;
        await server.close();
        await runtime.close();
      },
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
