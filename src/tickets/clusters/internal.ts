import type { Clock } from '../../core/index.ts';
import type { Db, Selectable } from '../../storage/index.ts';
import type { Database } from '../../storage/index.ts';
import { sequentialId } from '../internal.ts';
import type { ClusterSpike, ClusterStatus, ClusterSummary } from './cluster.ts';
import { ClusterNotFoundError } from './errors.ts';

export const openTicketStatuses = ['new', 'open', 'pending'] as const;

type ClusterRow = Selectable<Database['ticket_clusters']>;

/** Maps a cluster row and its counts to the summary the surfaces show. */
export function toClusterSummary(r: ClusterRow, counts: { total: number; open: number }): ClusterSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status as ClusterStatus,
    category: r.category,
    chains: JSON.parse(r.chains) as string[],
    tokens: JSON.parse(r.tokens) as string[],
    appVersion: r.app_version,
    platform: r.platform,
    mergedInto: r.merged_into,
    ticketCount: counts.total,
    openTicketCount: counts.open,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toSpike(r: Selectable<Database['ticket_cluster_spikes']>): ClusterSpike {
  return { id: r.id, clusterId: r.cluster_id, title: r.title, windowStart: r.window_start, windowEnd: r.window_end, count: Number(r.count), baseline: Number(r.baseline), ratio: Number(r.ratio), createdAt: r.created_at };
}

export async function loadCluster(db: Db, id: string): Promise<ClusterRow> {
  const row = await db.selectFrom('ticket_clusters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ClusterNotFoundError(id);
  return row;
}

/** Ticket counts (all, open) per cluster id. */
export async function clusterCounts(db: Db, ids: readonly string[]): Promise<Map<string, { total: number; open: number }>> {
  const out = new Map<string, { total: number; open: number }>(ids.map((id) => [id, { total: 0, open: 0 }]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select(['f.cluster_id', 't.status'])
    .where('f.cluster_id', 'in', [...ids])
    .execute();
  for (const r of rows) {
    const c = out.get(r.cluster_id ?? '');
    if (!c) continue;
    c.total++;
    if ((openTicketStatuses as readonly string[]).includes(r.status)) c.open++;
  }
  return out;
}

/** Re-derives first/last seen from the members; a cluster left without members is closed. */
export async function refreshCluster(db: Db, id: string, now: string): Promise<void> {
  const span = await db
    .selectFrom('ticket_fingerprints as f')
    .innerJoin('tickets as t', 't.id', 'f.ticket_id')
    .select((eb) => [eb.fn.min('t.created_at').as('first'), eb.fn.max('t.created_at').as('last'), eb.fn.countAll<string>().as('n')])
    .where('f.cluster_id', '=', id)
    .executeTakeFirstOrThrow();
  if (Number(span.n) === 0) {
    await db.updateTable('ticket_clusters').set({ status: 'closed', updated_at: now }).where('id', '=', id).where('status', '=', 'open').execute();
    return;
  }
  await db
    .updateTable('ticket_clusters')
    .set({ first_seen_at: String(span.first), last_seen_at: String(span.last), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Adds a timeline event to a ticket. */
export async function ticketEvent(db: Db, clock: Clock, ticketId: string, kind: string, detail: unknown, actor: string | null, at: string): Promise<void> {
  await db.insertInto('ticket_events').values({ id: sequentialId('tev', clock), ticket_id: ticketId, at, kind, actor, detail: JSON.stringify(detail) }).execute();
}
