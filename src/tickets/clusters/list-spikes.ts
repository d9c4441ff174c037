import type { Db } from '../../storage/index.ts';
import type { ClusterSpike } from './cluster.ts';
import { toSpike } from './internal.ts';

export interface ListClusterSpikesFilter {
  /** Only spikes recorded at or after this ISO time. */
  since?: string;
  clusterId?: string;
  limit?: number;
}

/** Cluster spikes, newest first: the signal monitoring and incidents consume ("swap failing on polygon, android 9.2" growing fast). */
export async function listClusterSpikes(db: Db, filter: ListClusterSpikesFilter = {}): Promise<ClusterSpike[]> {
  let q = db.selectFrom('ticket_cluster_spikes').selectAll().orderBy('window_end', 'desc').orderBy('id', 'desc').limit(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
  if (filter.since) q = q.where('window_end', '>=', filter.since);
  if (filter.clusterId) q = q.where('cluster_id', '=', filter.clusterId);
  return (await q.execute()).map(toSpike);
}
