import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import type { ClusterOptions } from './cluster.ts';
import { assignCluster } from './assign-cluster.ts';
import { openTicketStatuses, refreshCluster } from './internal.ts';

/**
 * Recomputes the clusters of open tickets from scratch, oldest first (after a tuning change or an
 * import). Agents' merges and splits (pinned tickets) are kept; emptied cluster ids are reused so
 * links from incidents keep pointing at the same problem where possible.
 */
export async function recomputeClusters(db: Db, opts: { clock?: Clock; options?: Partial<ClusterOptions> } = {}): Promise<{ tickets: number; clustered: number; clusters: number }> {
  const clock = opts.clock ?? systemClock;
  const now = clock.now().toISOString();
  const open = await db.selectFrom('tickets').select(['id', 'created_at']).where('status', 'in', [...openTicketStatuses]).orderBy('created_at').orderBy('id').execute();
  const previous = await db.selectFrom('ticket_clusters').select('id').where('status', '=', 'open').orderBy('created_at').orderBy('id').execute();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('ticket_fingerprints').set({ cluster_id: null, reason: null, score: null, updated_at: now }).where('pinned', '=', 0).execute();
    for (const c of previous) await refreshCluster(trx, c.id, now);
  });
  const emptied = await db.selectFrom('ticket_clusters').select('id').where('status', '=', 'closed').where('id', 'in', previous.length ? previous.map((p) => p.id) : ['']).orderBy('created_at').execute();
  const reusableIds = emptied.map((e) => e.id);
  for (const t of open) await assignCluster(db, t.id, { clock, ...(opts.options ? { options: opts.options } : {}), reusableIds });
  const rows = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select('f.cluster_id')
    .where('t.status', 'in', [...openTicketStatuses])
    .where('f.cluster_id', 'is not', null)
    .execute();
  return { tickets: open.length, clustered: rows.length, clusters: new Set(rows.map((r) => r.cluster_id)).size };
}
