import type { Clock, Config } from '../../core/index.ts';
import { addMonitor, listMonitors, type MonitorDefinition, type MonitorDefinitionInput, type MonitorDeps } from '../../monitor/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import type { DemoChain, DemoRoute } from './profile.ts';

/** What seeding needs from the runtime (a `Runtime` from src/main.ts fits as is). */
export interface DemoMonitorDeps {
  store: RelationalStore;
  clock: Clock;
  config: Pick<Config, 'monitor'>;
}

export interface SeedDemoMonitorsOptions {
  /** How often each monitor runs, in seconds (min 10). Default 20: an incident is caught within about 2 minutes. */
  intervalSec?: number;
  /** Width of one point, in seconds. Default 60 (enough requests per point for a steady p95). */
  bucketSec?: number;
  /** History each run rebuilds the detector from, in hours. Default 3 (the 2-hour backfill plus the live hour). */
  historyHours?: number;
  severity?: 'info' | 'warning' | 'page';
}

/** Chains whose swaps are watched one by one (tron has too few swaps per minute for a steady p95). */
const swapChains: readonly DemoChain[] = ['polygon', 'bsc', 'ethereum', 'solana'];
/** Routes watched over all chains. */
const wholeRoutes: readonly DemoRoute[] = ['/v1/balance', '/v1/quote', '/v1/send'];

/** The monitors the demo seeds: p95 latency and error rate of the API gateway per swap chain and per route. */
export function demoMonitorSpecs(opts: SeedDemoMonitorsOptions = {}): MonitorDefinitionInput[] {
  const common = { kind: 'series' as const, service: 'api-gateway', intervalSec: opts.intervalSec ?? 20, bucketSec: opts.bucketSec ?? 60, historyHours: opts.historyHours ?? 3, severity: opts.severity ?? 'warning' };
  const out: MonitorDefinitionInput[] = [];
  for (const chain of swapChains) {
    out.push({ ...common, name: `demo: swap p95 on ${chain}`, measure: 'p95', route: '/v1/swap', chain });
    out.push({ ...common, name: `demo: swap error rate on ${chain}`, measure: 'errorRate', route: '/v1/swap', chain });
  }
  for (const route of wholeRoutes) {
    out.push({ ...common, name: `demo: ${route} p95`, measure: 'p95', route });
    out.push({ ...common, name: `demo: ${route} error rate`, measure: 'errorRate', route });
  }
  return out;
}

/**
 * Stores the demo monitors (the server's monitor scheduler runs them; no other setting changes).
 * Monitors whose name already exists are left as they are, so seeding twice is harmless.
 */
export async function seedDemoMonitors(deps: DemoMonitorDeps, opts: SeedDemoMonitorsOptions = {}): Promise<{ created: MonitorDefinition[]; existing: string[] }> {
  const monitor: MonitorDeps = { store: deps.store, clock: deps.clock, config: deps.config.monitor };
  const names = new Set((await listMonitors(monitor)).map((m) => m.name));
  const created: MonitorDefinition[] = [];
  const existing: string[] = [];
  for (const spec of demoMonitorSpecs(opts)) {
    if (names.has(spec.name)) existing.push(spec.name);
    else created.push(await addMonitor(monitor, spec));
  }
  return { created, existing };
}
