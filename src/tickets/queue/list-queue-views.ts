import type { Db } from '../../storage/index.ts';

/** A saved queue view: a named set of queue filters (query parameters of GET /api/queue). */
export interface QueueView {
  name: string;
  filters: Record<string, string>;
  updatedAt: string;
}

/** A user's saved queue views, by name. */
export async function listQueueViews(db: Db, userId: string): Promise<QueueView[]> {
  const rows = await db.selectFrom('queue_views').select(['name', 'filters', 'updated_at']).where('user_id', '=', userId).orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, filters: JSON.parse(r.filters) as Record<string, string>, updatedAt: r.updated_at }));
}
