import { newId, systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { defaultClusterOptions, type ClusterOptions, type ClusterSpike } from './cluster.ts';
import { toSpike } from './internal.ts';

/**
 * Compares a cluster's new tickets in the last window with its own baseline (the mean of the windows
 * before it) and stores a spike when the count is high and far above it (once per window; a growing
 * count updates it). Returns the spike, or null.
 */
export async function detectClusterSpike(db: Db, clusterId: string, opts: { clock?: Clock; options?: Partial<ClusterOptions> } = {}): Promise<ClusterSpike | null> {
  const clock = opts.clock ?? systemClock;
  const o = { ...defaultClusterOptions, ...opts.options };
  const cluster = await db.selectFrom('ticket_clusters').select(['id', 'title', 'status']).where('id', '=', clusterId).executeTakeFirst();
  if (!cluster || cluster.status !== 'open') return null;
  const nowMs = clock.nowMs();
  const windowMs = o.spikeWindowSec * 1000;
  const from = nowMs - windowMs;
  const baselineFrom = from - windowMs * o.spikeBaselineWindows;
  const rows = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select('t.created_at')
    .where('f.cluster_id', '=', clusterId)
    .where('t.created_at', '>=', new Date(baselineFrom).toISOString())
    .where('t.created_at', '<=', new Date(nowMs).toISOString())
    .execute();
  let count = 0;
  let before = 0;
  for (const r of rows) {
    if (Date.parse(r.created_at) >= from) count++;
    else before++;
  }
  const baseline = before / o.spikeBaselineWindows;
  // A floor of one ticket per window: a brand-new cluster must reach spikeMinRatio × 1 (and spikeMinCount).
  const ratio = count / Math.max(baseline, 1);
  if (count < o.spikeMinCount || ratio < o.spikeMinRatio) return null;
  const bucket = new Date(Math.floor(nowMs / windowMs) * windowMs).toISOString();
  const now = clock.now().toISOString();
  const values = { title: cluster.title, window_end: now, count, baseline: Math.round(baseline * 1000) / 1000, ratio: Math.round(ratio * 100) / 100 };
  await db
    .insertInto('ticket_cluster_spikes')
    .values({ id: newId('tcs', nowMs), cluster_id: clusterId, window_start: bucket, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['cluster_id', 'window_start']).doUpdateSet(values).where('ticket_cluster_spikes.count', '<', count))
    .execute();
  const row = await db.selectFrom('ticket_cluster_spikes').selectAll().where('cluster_id', '=', clusterId).where('window_start', '=', bucket).executeTakeFirstOrThrow();
  return toSpike(row);
}
