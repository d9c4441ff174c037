import { systemClock, ValidationError, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import type { QueueView } from './list-queue-views.ts';

/** Most views one user may keep. */
export const maxQueueViews = 50;

/** Saves a user's queue view under a name, replacing the view of that name. */
export async function saveQueueView(db: Db, userId: string, view: { name: string; filters: Record<string, string> }, clock: Clock = systemClock): Promise<QueueView> {
  const now = clock.now().toISOString();
  const filters = JSON.stringify(Object.fromEntries(Object.entries(view.filters).filter(([, v]) => v !== '').sort(([a], [b]) => a.localeCompare(b))));
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('queue_views').select('name').where('user_id', '=', userId).execute();
    if (!existing.some((e) => e.name === view.name) && existing.length >= maxQueueViews) {
      throw new ValidationError(`You already have ${maxQueueViews} saved views.`, { metaMessages: ['Delete a view you no longer use, or save under an existing name to replace it.'] });
    }
    await trx
      .insertInto('queue_views')
      .values({ user_id: userId, name: view.name, filters, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ filters, updated_at: now }))
      .execute();
    return { name: view.name, filters: JSON.parse(filters) as Record<string, string>, updatedAt: now };
  });
}
