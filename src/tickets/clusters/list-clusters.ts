import type { Db } from '../../storage/index.ts';
import type { ClusterStatus, ClusterSummary } from './cluster.ts';
import { clusterCounts, toClusterSummary } from './internal.ts';

export interface ListClustersFilter {
  status?: ClusterStatus;
  category?: string;
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

/** Clusters, most recently active first (summaries only), one page at a time. */
export async function listClusters(db: Db, filter: ListClustersFilter = {}): Promise<{ items: ClusterSummary[]; next: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  let q = db.selectFrom('ticket_clusters').selectAll().orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.cursor) {
    const [at, id] = Buffer.from(filter.cursor, 'base64url').toString('utf8').split('\n');
    if (at && id) q = q.where((eb) => eb.or([eb('last_seen_at', '<', at), eb.and([eb('last_seen_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const counts = await clusterCounts(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((r) => toClusterSummary(r, counts.get(r.id) ?? { total: 0, open: 0 })),
    next: rows.length > limit && last ? Buffer.from(`${last.last_seen_at}\n${last.id}`).toString('base64url') : null,
  };
}
