import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { getUser } from './get-user.ts';
import type { Principal } from './roles.ts';
import type { User } from './user.ts';

/** Disables a user and ends their sessions at once. */
export async function disableUser(db: Db, idOrEmail: string, actor: Principal | null, clock: Clock = systemClock): Promise<User> {
  const user = await getUser(db, idOrEmail);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled: 1, updated_at: clock.now().toISOString() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  await writeAudit(db, actor, { action: 'user.disable', targetType: 'user', targetId: user.id }, clock);
  return { ...user, disabled: true };
}
