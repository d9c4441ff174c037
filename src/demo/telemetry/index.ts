/**
 * Demo telemetry (issue #14): realistic wallet traffic through the real OTLP ingest path, with a
 * latency incident injected a few minutes in, and stored monitors that catch it live.
 *
 *   startDemoTelemetry(deps: DemoTelemetryDeps, opts?: DemoTelemetryOptions): Promise<DemoTelemetry>
 *     deps = { telemetry: () => Promise<TelemetryService>, clock: Clock, logger?: Logger }  (a Runtime fits)
 *     opts = { seed = 14, requestsPerSec = 25, tickMs = 1000 (0: no timer, call catchUp()),
 *              backfillMs = 2 h, backfillDetail = 'gateway' | 'full', signal?: AbortSignal,
 *              incidentAfterMs = 180_000 after the backfill (null: no incident),
 *              incidentDurationMs = 12 min, maxCatchUpMs = 5 min }
 *     → { startedAtMs, incident, backfill, liveEvents, catchUp(): Promise<number>, stop(): Promise<void> }
 *     Resolves once the backfill is stored (about 17 s of CPU for 2 h at 25 req/s; resumes after the
 *     newest stored demo row on restart); then ingests every second live until stop(). An aborted
 *     `signal` ends the backfill between batches and starts no timer.
 *
 *   seedDemoMonitors(deps: DemoMonitorDeps, opts?: SeedDemoMonitorsOptions): Promise<{ created, existing }>
 *     deps = { store: RelationalStore, clock: Clock, config: Pick<Config, 'monitor'> }  (a Runtime fits)
 *     opts = { intervalSec = 20, bucketSec = 60, historyHours = 3, severity = 'warning' }
 *     Idempotent by monitor name. The scheduler of `opsdesk serve` (monitor.schedulerTickSec, default 5 s) runs them.
 *
 *   demoUsers: stable users (ids, devices, addresses) whose requests are in the traffic, for the demo tickets;
 *   `affectedByIncident` marks the ones the incident hits (android 9.2.0 swapping on polygon).
 */
export { startDemoTelemetry, type DemoTelemetry, type DemoTelemetryDeps, type DemoTelemetryOptions } from './start.ts';
export { seedDemoMonitors, demoMonitorSpecs, type DemoMonitorDeps, type SeedDemoMonitorsOptions } from './monitors.ts';
export { demoUsers, demoUser, demoRoutes, demoChains, demoPlatforms, type DemoUser, type DemoRoute, type DemoChain, type DemoPlatform } from './profile.ts';
export { demoIncident, type DemoIncident } from './incident.ts';
export { mulberry32 } from './random.ts';
