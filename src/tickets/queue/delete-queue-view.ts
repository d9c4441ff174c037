import type { Db } from '../../storage/index.ts';

/** Deletes a user's saved queue view; true when there was one. */
export async function deleteQueueView(db: Db, userId: string, name: string): Promise<boolean> {
  const r = await db.deleteFrom('queue_views').where('user_id', '=', userId).where('name', '=', name).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
