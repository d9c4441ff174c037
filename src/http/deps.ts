import type { Registry } from 'prom-client';
import type { FailureLimiter, Role, StaffRole } from '../auth/index.ts';
import type { ChainService } from '../chains/index.ts';
import type { Clock, Config, Logger } from '../core/index.ts';
import type { IncidentsService } from '../incidents/index.ts';
import type { KbService } from '../kb/index.ts';
import type { MonitorDeps } from '../monitor/index.ts';
import type { Draft, DraftRequest } from '../assist/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import type { TelemetryService } from '../telemetry/index.ts';
import type { ConfiguredSla, TicketService } from '../tickets/index.ts';

/** What the HTTP surface needs from the composition root. Domains add their services here. */
export interface HttpDeps {
  config: Config;
  store: RelationalStore;
  logger: Logger;
  clock: Clock;
  loginLimiter: FailureLimiter;
  metrics: Registry;
  /** Incidents, status page, subscribers and postmortems. */
  incidents: IncidentsService;
  /** Alerts, silences and channels, with incident channels wired (the runtime's). */
  monitor: MonitorDeps;
  /** Chain registry and adapters: transaction diagnosis and address inspection. */
  chains: ChainService;
  /** Telemetry ingest and queries (opened on first use). */
  telemetry: () => Promise<TelemetryService>;
  /** The knowledge base (loaded from kb.dir on first use). */
  kb: () => Promise<KbService>;
  /** Drafts a reply grounded in KB articles with the configured language model; throws AssistDisabledError when assist is off. */
  draft: (request: DraftRequest) => Promise<Draft>;
  /** Ticket intake, reading and triage (the model is loaded on first use). */
  tickets: () => Promise<TicketService>;
  /** The SLA settings in force (sla.policiesFile or the built-in defaults) and where they come from. */
  sla: ConfiguredSla;
  /** Answers one MCP Streamable HTTP request (built in main.ts from src/mcp, which http may not import). */
  mcp: {
    handle: (request: Request, role: Role) => Promise<Response>;
    /** Every MCP tool and the lowest role that may use it (src/mcp/tool-access.ts). */
    tools: ReadonlyArray<{ name: string; minRole: StaffRole }>;
  };
  /** Readiness: false while starting or shutting down. */
  isReady: () => boolean;
}
