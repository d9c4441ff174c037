import type { Db } from '../../storage/index.ts';
import type { Cluster, ClusterReason } from './cluster.ts';
import { clusterCounts, loadCluster, toClusterSummary, toSpike } from './internal.ts';

/**
 * A cluster with its members and spikes. Members carry triage fields only (status, priority,
 * language…): never a requester, subject or message, so a wrong merge exposes nobody's conversation.
 */
export async function getCluster(db: Db, id: string): Promise<Cluster> {
  const row = await loadCluster(db, id);
  const [members, spikes, counts] = await Promise.all([
    db
      .selectFrom('ticket_fingerprints as f')
      .innerJoin('tickets as t', 't.id', 'f.ticket_id')
      .select(['t.id', 't.status', 't.priority', 't.severity', 't.language', 't.channel', 't.created_at', 'f.reason', 'f.score', 'f.pinned'])
      .where('f.cluster_id', '=', id)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .execute(),
    db.selectFrom('ticket_cluster_spikes').selectAll().where('cluster_id', '=', id).orderBy('window_start', 'desc').limit(50).execute(),
    clusterCounts(db, [id]),
  ]);
  return {
    ...toClusterSummary(row, counts.get(id) ?? { total: 0, open: 0 }),
    members: members.map((m) => ({
      ticketId: m.id,
      status: m.status,
      priority: m.priority,
      severity: m.severity,
      language: m.language,
      channel: m.channel,
      reason: (m.reason as ClusterReason | null) ?? null,
      score: m.score === null ? null : Number(m.score),
      pinned: Number(m.pinned) === 1,
      createdAt: m.created_at,
    })),
    spikes: spikes.map(toSpike),
  };
}

