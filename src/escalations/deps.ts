import type { ChainService } from '../chains/index.ts';
import type { Clock, Config, Logger } from '../core/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import type { TelemetryService } from '../telemetry/index.ts';
import type { getTicket } from '../tickets/index.ts';

/** The principal that reads tickets (every ticket read is audited); null for the system. */
export type Reader = Parameters<typeof getTicket>[2];

/** What the escalation verbs need from the composition root. */
export interface EscalationDeps {
  store: RelationalStore;
  chains: ChainService;
  /** Telemetry for the users' events; reports are built without it when absent. */
  telemetry?: () => Promise<TelemetryService>;
  config: Config['escalations'];
  clock: Clock;
  /** Id source (stable ids in tests). */
  newId?: (prefix: string) => string;
  fetch?: typeof fetch;
  logger?: Logger;
}
