import { systemClock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { ClusterClosedError } from '../clusters/errors.ts';
import { loadCluster, openTicketStatuses, refreshCluster } from '../clusters/internal.ts';
import type { TicketStatus } from '../ticket.ts';
import { ReplyBodyMissingError } from './errors.ts';
import { replyToTicket, type ReplyOptions } from './reply-to-ticket.ts';
import { replyWithMacro } from './reply-with-macro.ts';

export interface ClusterReplyInput {
  /** A macro, filled per ticket from that ticket alone … */
  macro?: string;
  variables?: Record<string, string>;
  /** … or own words per language (en, es, pt-BR). */
  bodies?: Partial<Record<string, string>>;
  /** `solved` applies the fix to the problem: every ticket is solved and the cluster with them. */
  status?: TicketStatus;
}

export interface ClusterReplyResult {
  clusterId: string;
  sent: number;
  failed: number;
  results: Array<{ ticketId: string; ok: true; messageId: string } | { ticketId: string; ok: false; error: { code: string; message: string } }>;
}

/**
 * Replies to every open ticket of a problem, one ticket at a time: each reply is rendered from that
 * ticket alone and stored on it, so no requester ever sees another's name or words.
 */
export async function replyToCluster(db: Db, clusterId: string, input: ClusterReplyInput, opts: Omit<ReplyOptions, 'status' | 'source'> = {}): Promise<ClusterReplyResult> {
  if (!input.macro && !Object.values(input.bodies ?? {}).some((b) => b?.trim())) throw new ReplyBodyMissingError();
  const cluster = await loadCluster(db, clusterId);
  if (cluster.status !== 'open') throw new ClusterClosedError(clusterId, cluster.status);
  const members = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select('t.id')
    .where('f.cluster_id', '=', clusterId)
    .where('t.status', 'in', [...openTicketStatuses])
    .orderBy('t.created_at')
    .execute();
  const each = { ...opts, ...(input.status ? { status: input.status } : {}), source: { kind: 'cluster' as const, id: clusterId } };
  const results: ClusterReplyResult['results'] = [];
  for (const m of members) {
    try {
      const sent = input.macro ? await replyWithMacro(db, m.id, { macro: input.macro, ...(input.variables ? { variables: input.variables } : {}) }, each) : await replyToTicket(db, m.id, input.bodies ?? {}, each);
      results.push({ ticketId: m.id, ok: true, messageId: sent.messageId });
    } catch (err) {
      const e = err as { code?: string; shortMessage?: string; message?: string };
      results.push({ ticketId: m.id, ok: false, error: { code: e.code ?? 'INTERNAL', message: e.shortMessage ?? e.message ?? String(err) } });
    }
  }
  if (input.status === 'solved' || input.status === 'closed') {
    const now = (opts.clock ?? systemClock).now().toISOString();
    const left = await db.selectFrom('ticket_fingerprints as f').innerJoin('tickets as t', 't.id', 'f.ticket_id').select('t.id').where('f.cluster_id', '=', clusterId).where('t.status', 'in', [...openTicketStatuses]).execute();
    if (!left.length) await db.updateTable('ticket_clusters').set({ status: 'solved', updated_at: now }).where('id', '=', clusterId).execute();
    else await refreshCluster(db, clusterId, now);
  }
  const sent = results.filter((r) => r.ok).length;
  return { clusterId, sent, failed: results.length - sent, results };
}
