import { writeAudit, type Principal } from '../../auth/index.ts';
import { newId, systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { ClusterChangeInvalidError, ClusterClosedError } from './errors.ts';
import { loadCluster, refreshCluster, ticketEvent } from './internal.ts';

/** Moves tickets out of a cluster into a new one of their own (pinned, so clustering does not pull them back). */
export async function splitCluster(db: Db, clusterId: string, ticketIds: readonly string[], actor: Principal | null, clock: Clock = systemClock): Promise<{ clusterId: string; newClusterId: string; moved: number }> {
  const ids = [...new Set(ticketIds)];
  if (!ids.length) throw new ClusterChangeInvalidError('no ticket to split off', ['Give the ids of the tickets that describe a different problem.']);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const source = await loadCluster(trx, clusterId);
    if (source.status !== 'open') throw new ClusterClosedError(clusterId, source.status);
    const members = await trx.selectFrom('ticket_fingerprints').select('ticket_id').where('cluster_id', '=', clusterId).execute();
    const memberIds = new Set(members.map((m) => m.ticket_id));
    const missing = ids.filter((id) => !memberIds.has(id));
    if (missing.length) throw new ClusterChangeInvalidError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in cluster ${clusterId}`);
    if (ids.length === memberIds.size) throw new ClusterChangeInvalidError('every ticket of the cluster would move', ['Split off only the tickets that describe a different problem.']);
    const newClusterId = newId('tcl', clock.nowMs());
    await trx
      .insertInto('ticket_clusters')
      .values({ ...source, id: newClusterId, status: 'open', merged_into: null, created_by: actor?.id ?? null, created_at: now, updated_at: now })
      .execute();
    await trx.updateTable('ticket_fingerprints').set({ cluster_id: newClusterId, reason: 'manual', score: 1, pinned: 1, updated_at: now }).where('ticket_id', 'in', ids).execute();
    for (const id of ids) await ticketEvent(trx, clock, id, 'cluster_split', { from: clusterId, to: newClusterId }, actor?.id ?? null, now);
    await refreshCluster(trx, clusterId, now);
    await refreshCluster(trx, newClusterId, now);
    await writeAudit(trx, actor, { action: 'cluster.split', targetType: 'cluster', targetId: clusterId, detail: { newClusterId, tickets: ids } }, clock);
    return { clusterId, newClusterId, moved: ids.length };
  });
}
