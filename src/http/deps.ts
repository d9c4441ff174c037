import type { Registry } from 'prom-client';
import type { FailureLimiter } from '../auth/index.ts';
import type { Clock, Config, Logger } from '../core/index.ts';
import type { RelationalStore } from '../storage/index.ts';

/** What the HTTP surface needs from the composition root. Domains add their services here. */
export interface HttpDeps {
  config: Config;
  store: RelationalStore;
  logger: Logger;
  clock: Clock;
  loginLimiter: FailureLimiter;
  metrics: Registry;
  /** Readiness: false while starting or shutting down. */
  isReady: () => boolean;
}
