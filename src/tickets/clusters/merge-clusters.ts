import { writeAudit, type Principal } from '../../auth/index.ts';
import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { ClusterChangeInvalidError, ClusterClosedError } from './errors.ts';
import { loadCluster, refreshCluster, ticketEvent } from './internal.ts';

/** Merges clusters into a target: their tickets join it (pinned, so a recompute keeps the agent's decision) and they point to it. */
export async function mergeClusters(db: Db, targetId: string, sourceIds: readonly string[], actor: Principal | null, clock: Clock = systemClock): Promise<{ clusterId: string; moved: number }> {
  const sources = [...new Set(sourceIds)].filter((s) => s !== targetId);
  if (!sources.length) throw new ClusterChangeInvalidError('there is no other cluster to merge', ['Give the ids of the clusters to merge into the target.']);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const target = await loadCluster(trx, targetId);
    if (target.status !== 'open') throw new ClusterClosedError(targetId, target.status);
    let moved = 0;
    for (const id of sources) {
      const source = await loadCluster(trx, id);
      if (source.status !== 'open') throw new ClusterClosedError(id, source.status);
      const members = await trx.selectFrom('ticket_fingerprints').select('ticket_id').where('cluster_id', '=', id).execute();
      await trx.updateTable('ticket_fingerprints').set({ cluster_id: targetId, reason: 'manual', score: 1, pinned: 1, updated_at: now }).where('cluster_id', '=', id).execute();
      for (const m of members) await ticketEvent(trx, clock, m.ticket_id, 'cluster_merged', { from: id, to: targetId }, actor?.id ?? null, now);
      await trx.updateTable('ticket_clusters').set({ status: 'merged', merged_into: targetId, updated_at: now }).where('id', '=', id).execute();
      moved += members.length;
    }
    await trx.updateTable('ticket_fingerprints').set({ pinned: 1, updated_at: now }).where('cluster_id', '=', targetId).execute();
    await refreshCluster(trx, targetId, now);
    await writeAudit(trx, actor, { action: 'cluster.merge', targetType: 'cluster', targetId, detail: { sources, moved } }, clock);
    return { clusterId: targetId, moved };
  });
}
