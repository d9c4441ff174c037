import { Registry, collectDefaultMetrics } from 'prom-client';
import { FailureLimiter, ensureFirstAdmin } from './auth/index.ts';
import { createChainService, type ChainService } from './chains/index.ts';
import { createLogger, systemClock, type Clock, type Config, type Logger } from './core/index.ts';
import { allRoutes, buildApp, listen, type BuiltApp, type HttpDeps, type RunningServer } from './http/index.ts';
import { alertIncidentHooks, createIncidentsService, type IncidentsService } from './incidents/index.ts';
import { AssistDisabledError, createChatClient, draftReply } from './assist/index.ts';
import { openKbService, type KbService } from './kb/index.ts';
import { createMcpHttpHandler, runtimeTools } from './mcp/index.ts';
import { createMonitorDeps, MonitorScheduler, sendNotice, type MonitorDeps } from './monitor/index.ts';
import { openStore, type RelationalStore } from './storage/index.ts';
import { createCommunityDeps, startCommunityBackground } from './community/index.ts';
import { scrubText } from './redaction/index.ts';
import { openTelemetry, type TelemetryService } from './telemetry/index.ts';
import { createTicketService, kbSearchFrom, loadSlaSettings, openReloadingTriager, replyToTicket, slaNotificationText, startNightlyRetrain, startSlaBackground, type ConfiguredSla, type ReloadingTriager, type TicketService } from './tickets/index.ts';

/** Everything a surface needs, built once from configuration. Domains add their services here. */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: RelationalStore;
  incidents: IncidentsService;
  /** The alert verbs' dependencies with incident channels wired: every surface that raises or resolves alerts uses these. */
  monitor: MonitorDeps;
  /** Chain registry and adapters (transaction diagnosis, address inspection), from config `chains`. */
  chains: ChainService;
  /** The telemetry store and service, opened on first use (the DuckDB file allows one writer process). */
  telemetry: () => Promise<TelemetryService>;
  /** The knowledge base, loaded from kb.dir on first use (watched when the runtime serves). */
  kb: () => Promise<KbService>;
  /** Tickets: intake, triage (model loaded on first use), reading, corrections. */
  tickets: () => Promise<TicketService>;
  /** The SLA settings in force (sla.policiesFile or the built-in defaults) and where they come from. */
  sla: ConfiguredSla;
  /** Serves the newest triage model file if it changed (no-op before tickets were opened); returns the new version. */
  reloadTriageModel: () => Promise<number | undefined>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  clock?: Clock;
  /** Watch kb.dir and re-read edits of other replicas (the server does; one-shot commands do not). */
  watchKb?: boolean;
}

/** The composition root: opens the stores and builds the services from configuration. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.log.level, scrub: scrubText });
  const clock = options.clock ?? systemClock;
  // Checked before anything opens: a bad SLA settings file stops the start with the field to fix.
  const sla = loadSlaSettings(config.sla.policiesFile);
  const store = await openStore({ url: config.database.url, dataDir: config.dataDir, sqliteFile: config.database.sqliteFile, poolSize: config.database.poolSize });
  const closers: Array<() => Promise<void>> = [];
  const publicHost = new URL(config.server.publicUrl ?? `http://localhost:${config.server.port}`).hostname;
  // An incident update reaches every linked ticket as a reply in the ticket's language, through the tickets' own guard.
  const replyHosts = [...config.statusPage.allowedLinkHosts, publicHost];
  const incidents = createIncidentsService({ store, clock, logger, config, replyToTicket: async (ticketId, bodies) => void (await replyToTicket(store.db, ticketId, bodies, { clock, allowedHosts: replyHosts, source: { kind: 'incident' }, slaSettings: sla.settings })) });
  closers.push(async () => incidents.close());
  // Incident channels open incidents through the incidents service (the monitor does not import it).
  const monitor = createMonitorDeps(store, clock, config, alertIncidentHooks(incidents.deps));
  closers.push(async () => monitor.mailer?.close());
  let telemetry: Promise<TelemetryService> | undefined;
  closers.push(async () => void (await (await telemetry?.catch(() => undefined))?.close()));
  let kb: Promise<KbService> | undefined;
  closers.push(async () => void (await (await kb?.catch(() => undefined))?.close()));
  const watchKb = options.watchKb ?? false;
  const chains = createChainService(config.chains, { logger });
  const openKb = () => (kb ??= openKbService({ db: store.db, dir: config.kb.dir, clock, logger, watch: watchKb && config.kb.watch, refreshIntervalMs: watchKb ? config.kb.refreshSec * 1000 : 0 }));
  let tickets: Promise<TicketService> | undefined;
  let triager: Promise<ReloadingTriager> | undefined;
  const openTickets = async (): Promise<TicketService> => {
    // The KB is optional for triage: without it, tickets still get the playbook suggestions.
    const kbIndex = await openKb().catch(() => undefined);
    triager = openReloadingTriager({ dataDir: config.dataDir, registry: chains.registry, ...(kbIndex ? { kbSearch: kbSearchFrom(kbIndex) } : {}) });
    return createTicketService({ store, triager: await triager, clock, logger, slaSettings: sla.settings });
  };
  return {
    config,
    logger,
    clock,
    store,
    incidents,
    monitor,
    chains,
    telemetry: () => (telemetry ??= openTelemetry(config, clock)),
    kb: openKb,
    tickets: () => (tickets ??= openTickets()),
    sla,
    reloadTriageModel: async () => (triager ? (await triager).reload() : undefined),
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
    incidents: runtime.incidents,
    monitor: runtime.monitor,
    chains: runtime.chains,
    telemetry: runtime.telemetry,
    kb: runtime.kb,
    draft: async (request) => {
      const a = runtime.config.assist;
      if (!a.enabled || !a.baseUrl || !a.model) throw new AssistDisabledError();
      const client = createChatClient({ baseUrl: a.baseUrl, model: a.model, timeoutMs: a.timeoutMs, ...(a.apiKey ? { apiKey: a.apiKey } : {}) });
      return draftReply({ kb: await runtime.kb(), client, redact: scrubText }, request);
    },
    tickets: runtime.tickets,
    sla: runtime.sla,
    mcp: createMcpHttpHandler(() => ({ tools: runtimeTools(runtime), redact: scrubText })),
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
  const runtime = await openRuntime(config, { watchKb: true, ...options });
  let ready = false;
  try {
    const admin = await ensureFirstAdmin(runtime.store.db, { email: config.auth.adminEmail, password: config.auth.adminPassword }, runtime.clock);
    if (admin.created && admin.oneTimePassword) {
      (options.announce ?? ((l) => process.stderr.write(l + '\n')))(
        `First start: created admin ${admin.email} with one-time password ${admin.oneTimePassword} (change it after signing in).`,
      );
    }
    (await runtime.telemetry()).scheduleRetention(3600_000, (err) => runtime.logger.error({ err }, 'telemetry retention failed'));
    await runtime.kb();
    const { app } = buildHttpApp(runtime, () => ready);
    const server = await listen(app, config.server.host, config.server.port);
    ready = true;
    const stopIncidentJobs = runtime.incidents.startBackground(`server-${process.pid}-${runtime.clock.nowMs()}`);
    const stopMonitors = config.monitor.schedulerEnabled ? startMonitorScheduler(runtime) : async () => {};
    const stopCommunity = config.community.backgroundTickSec > 0 ? startCommunity(runtime) : async () => {};
    const retrain = config.triage.retrain;
    const stopRetrain = retrain.enabled
      ? startNightlyRetrain({ store: runtime.store, dataDir: config.dataDir, clock: runtime.clock, logger: runtime.logger }, { ...retrain, workerId: `triage-${process.pid}-${runtime.clock.nowMs()}`, tickMs: retrain.checkEverySec * 1000, reload: runtime.reloadTriageModel })
      : async () => {};
    const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${server.port}`;
    const stopSla = config.sla.actionsTickSec > 0 ? startSlaActions(runtime, config.server.publicUrl ?? url) : async () => {};
    runtime.logger.info({ url, store: runtime.store.describe }, 'OpsDesk is serving');
    return {
      runtime,
      server,
      url,
      async stop() {
        ready = false;
        stopIncidentJobs();
        await stopMonitors();
        await stopCommunity();
        await stopRetrain();
        await stopSla();
        await server.close();
        await runtime.close();
      },
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}

/** Runs the stored monitors in the background: telemetry, configured chains and the status-page mirror wired in. */
function startMonitorScheduler(runtime: Runtime): () => Promise<void> {
  const scheduler = new MonitorScheduler(
    {
      monitor: runtime.monitor,
      logger: runtime.logger,
      telemetry: async () => (await runtime.telemetry()).store,
      maxQueryRangeDays: runtime.config.telemetry.maxQueryRangeDays,
      findChain: (slug) => runtime.chains.registry.find(slug),
      onProviderSummary: async (provider, payload) => void (await runtime.incidents.mirrorProviderSummary(provider, payload)),
    },
    { workerId: `monitor-${process.pid}-${runtime.clock.nowMs()}`, tickMs: runtime.config.monitor.schedulerTickSec * 1000, runTimeoutMs: runtime.config.monitor.runTimeoutMs },
  );
  return scheduler.start();
}

/** Runs due SLA warning and breach actions in the background; notify actions go to the alert channel named by their target. */
function startSlaActions(runtime: Runtime, consoleUrl: string): () => Promise<void> {
  return startSlaBackground(
    {
      store: runtime.store,
      clock: runtime.clock,
      logger: runtime.logger,
      settings: runtime.sla.settings,
      notify: async (n) => {
        const { title, text, link, fields } = slaNotificationText(n, consoleUrl);
        await sendNotice(runtime.monitor, n.target, { event: `sla.${n.stage}`, title, text, link, fields });
      },
    },
    { workerId: `sla-${process.pid}-${runtime.clock.nowMs()}`, tickMs: runtime.config.sla.actionsTickSec * 1000 },
  );
}

/** Polls due community sources and looks for bursts in the background, one replica per tick. */
function startCommunity(runtime: Runtime): () => Promise<void> {
  const deps = async () => {
    const tickets = await runtime.tickets().catch(() => undefined);
    return createCommunityDeps({ store: runtime.store, clock: runtime.clock, config: runtime.config, monitor: runtime.monitor, registry: runtime.chains.registry, ...(tickets ? { triager: tickets.triager } : {}) });
  };
  return startCommunityBackground(deps, { workerId: `community-${process.pid}-${runtime.clock.nowMs()}`, tickMs: runtime.config.community.backgroundTickSec * 1000, logger: runtime.logger });
}
