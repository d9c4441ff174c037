import type { Principal } from '../auth/index.ts';
import { systemClock, type Clock, type Logger } from '../core/index.ts';
import type { RelationalStore } from '../storage/index.ts';
import { correctTriage, type TriageCorrection } from './correct-triage.ts';
import { getTicket, type ReadContext, type Ticket } from './get-ticket.ts';
import { importTickets, type ImportFormat, type ImportReport } from './intake/import-tickets.ts';
import { ingestTicket, type IngestResult } from './intake/ingest.ts';
import type { IntakeMessage } from './intake/message.ts';
import { listTickets, type ListTicketsFilter } from './list-tickets.ts';
import type { TicketSummary } from './get-ticket.ts';
import type { Triager } from './triage/triage.ts';
import type { SlaSettings } from './sla/policy.ts';
import { assignCluster } from './clusters/assign-cluster.ts';

/** The tickets domain as the surfaces use it (HTTP, CLI). */
export interface TicketService {
  triager: Triager;
  ingest(message: IntakeMessage): Promise<IngestResult>;
  import(format: ImportFormat, text: string, options?: { map?: string }): Promise<ImportReport>;
  get(id: string, actor: Principal | null, ctx?: ReadContext): Promise<Ticket>;
  list(filter?: ListTicketsFilter): Promise<{ items: TicketSummary[]; next: string | null }>;
  correct(id: string, correction: TriageCorrection, actor: Principal | null): ReturnType<typeof correctTriage>;
}

export interface TicketServiceDeps {
  store: RelationalStore;
  triager: Triager;
  clock?: Clock;
  logger?: Logger;
  /** The configured SLA settings (sla.policiesFile); default: the built-in policies. */
  slaSettings?: SlaSettings;
}

/** Builds the ticket service over the relational store and a triager. */
export function createTicketService(deps: TicketServiceDeps): TicketService {
  const clock = deps.clock ?? systemClock;
  const ingestDeps = { db: deps.store.db, triager: deps.triager, clock, ...(deps.logger ? { logger: deps.logger } : {}), ...(deps.slaSettings ? { slaSettings: deps.slaSettings } : {}) };
  // The ticket is stored by now: a clustering failure must not fail intake; `cluster recompute` catches up.
  const cluster = async (ticketId: string) => {
    try {
      await assignCluster(deps.store.db, ticketId, { clock });
    } catch (err) {
      deps.logger?.warn({ ticketId, err }, 'could not cluster a new ticket');
    }
  };
  return {
    triager: deps.triager,
    ingest: async (message) => {
      const res = await ingestTicket(ingestDeps, message);
      if (res.created) await cluster(res.ticketId);
      return res;
    },
    import: async (format, text, options) => {
      const report = await importTickets(ingestDeps, format, text, options);
      for (const id of report.ticketIds) await cluster(id);
      return report;
    },
    get: (id, actor, ctx) => getTicket(deps.store.db, id, actor, ctx, clock),
    list: (filter) => listTickets(deps.store.db, filter),
    correct: (id, correction, actor) => correctTriage(deps.store.db, id, correction, actor, clock, deps.slaSettings),
  };
}
