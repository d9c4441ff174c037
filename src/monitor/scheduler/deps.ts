import type { Logger } from '../../core/index.ts';
import type { TelemetryStore } from '../../telemetry/index.ts';
import type { MonitorDeps } from '../alerts/alert.ts';

/** A chain as the RPC monitor needs it (from the chains registry). */
export interface ChainEndpoints {
  slug: string;
  family: string;
  rpcUrls: readonly string[];
}

/** What the scheduler and the monitor runs need; surfaces wire the callbacks (main.ts). */
export interface SchedulerDeps {
  monitor: MonitorDeps;
  logger?: Logger;
  /** The telemetry store: series and SLO monitors read it, probe results are written to it. Without it those monitors fail and probes are not recorded. */
  telemetry?: () => Promise<TelemetryStore>;
  /** Most days a query may span (telemetry.maxQueryRangeDays). */
  maxQueryRangeDays?: number;
  /** Finds a configured chain; undefined when unknown. */
  findChain?: (slug: string) => ChainEndpoints | undefined;
  /** Called with each provider summary.json a statuspage monitor reads (main.ts mirrors it into the status page's third-party components). */
  onProviderSummary?: (provider: string, payload: unknown) => Promise<void>;
}
