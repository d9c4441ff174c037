import { diagnoseTransaction, type TxDiagnosis } from '../chains/index.ts';
import { getIncident, type IncidentDetail } from '../incidents/index.ts';
import type { Correlation } from '../telemetry/index.ts';
import { getCluster, getTicket, type Ticket } from '../tickets/index.ts';
import type { EscalationDeps, Reader } from './deps.ts';
import { EscalationSourceEmptyError } from './errors.ts';
import type { SourceType } from './report.ts';

/** The raw material of a report: the tickets, the incident (if any), diagnoses and the users' telemetry. */
export interface Sources {
  type: SourceType;
  id: string;
  tickets: Ticket[];
  incident: IncidentDetail | null;
  cluster: { id: string; title: string } | null;
  diagnoses: TxDiagnosis[];
  diagnosisErrors: Array<{ hash: string; error: string }>;
  correlation: Correlation | null;
  slaRows: Array<{ ticket_id: string; stage: string }>;
}

const maxTickets = 200;
const maxTransactions = 12;

async function clusterTicketIds(deps: EscalationDeps, clusterId: string): Promise<{ cluster: { id: string; title: string }; ids: string[] }> {
  const cluster = await getCluster(deps.store.db, clusterId);
  return { cluster: { id: cluster.id, title: cluster.title }, ids: cluster.members.map((m) => m.ticketId).slice(0, maxTickets) };
}

async function diagnoseAll(deps: EscalationDeps, tickets: readonly Ticket[]): Promise<Pick<Sources, 'diagnoses' | 'diagnosisErrors'>> {
  const seen = new Map<string, string | undefined>();
  for (const t of tickets) {
    for (const h of t.entities.txHashes) {
      if (seen.size >= maxTransactions || seen.has(h.value)) continue;
      const chain = [...(h.chains ?? []), ...t.chains].find((c) => (deps.chains.registry.find(c)?.rpcUrls.length ?? 0) > 0);
      seen.set(h.value, chain);
    }
  }
  const diagnoses: TxDiagnosis[] = [];
  const diagnosisErrors: Array<{ hash: string; error: string }> = [];
  await Promise.all(
    [...seen].map(async ([hash, chain]) => {
      try {
        diagnoses.push(await diagnoseTransaction(deps.chains, { hash, ...(chain ? { chain } : {}) }));
      } catch (err) {
        diagnosisErrors.push({ hash, error: err instanceof Error ? ((err as { shortMessage?: string }).shortMessage ?? err.message) : String(err) });
      }
    }),
  );
  const order = [...seen.keys()];
  diagnoses.sort((a, b) => order.indexOf(a.hash) - order.indexOf(b.hash));
  diagnosisErrors.sort((a, b) => order.indexOf(a.hash) - order.indexOf(b.hash));
  return { diagnoses, diagnosisErrors };
}

async function correlateAll(deps: EscalationDeps, tickets: readonly Ticket[], diagnoses: readonly TxDiagnosis[]): Promise<Correlation | null> {
  if (!deps.telemetry) return null;
  const txHashes = [...new Set([...tickets.flatMap((t) => t.entities.txHashes.map((h) => h.value)), ...diagnoses.map((d) => d.hash)])].slice(0, 50);
  const addresses = [...new Set(tickets.flatMap((t) => t.entities.addresses.map((a) => a.value)))].slice(0, 50);
  if (!txHashes.length && !addresses.length) return null;
  const times = tickets.map((t) => Date.parse(t.createdAt)).sort((a, b) => a - b);
  const first = times[0]!;
  const last = times[times.length - 1]!;
  // A day before the first ticket to a day after the last, within correlation's 7-day limit.
  const windowMin = Math.min(7 * 24 * 60, Math.ceil((last - first) / 120_000) + 24 * 60);
  const telemetry = await deps.telemetry();
  return telemetry.correlate({ around: new Date((first + last) / 2), windowMin, limit: 2000, ...(txHashes.length ? { txHashes } : {}), ...(addresses.length ? { addresses } : {}) });
}

/** Reads a ticket, a cluster's or an incident's tickets, diagnoses their transactions and correlates telemetry. */
export async function gatherSources(deps: EscalationDeps, type: SourceType, id: string, reader: Reader): Promise<Sources> {
  let ticketIds: string[] = [];
  let incident: IncidentDetail | null = null;
  let cluster: Sources['cluster'] = null;
  if (type === 'ticket') ticketIds = [id];
  if (type === 'cluster') ({ cluster, ids: ticketIds } = await clusterTicketIds(deps, id));
  if (type === 'incident') {
    incident = await getIncident({ store: deps.store }, id);
    ticketIds = incident.links.filter((l) => l.kind === 'ticket').map((l) => l.refId);
    for (const l of incident.links.filter((x) => x.kind === 'cluster')) ticketIds.push(...(await clusterTicketIds(deps, l.refId)).ids);
  }
  ticketIds = [...new Set(ticketIds)].slice(0, maxTickets);
  if (!ticketIds.length) throw new EscalationSourceEmptyError(type, id);
  const tickets: Ticket[] = [];
  for (const t of ticketIds) tickets.push(await getTicket(deps.store.db, t, reader, {}, deps.clock));
  tickets.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const { diagnoses, diagnosisErrors } = await diagnoseAll(deps, tickets);
  const correlation = await correlateAll(deps, tickets, diagnoses);
  const slaRows = await deps.store.db.selectFrom('ticket_sla_actions').select(['ticket_id', 'stage']).where('ticket_id', 'in', ticketIds).execute();
  return { type, id, tickets, incident, cluster, diagnoses, diagnosisErrors, correlation, slaRows };
}
