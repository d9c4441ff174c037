import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { WeakPasswordError } from './errors.ts';
import { hashPassword } from './password.ts';
import type { Principal } from './roles.ts';

/** Sets a new password for a user and clears the must-change flag. */
export async function changePassword(db: Db, userId: string, password: string, actor: Principal | null, clock: Clock = systemClock): Promise<void> {
  if (password.length < 12) throw new WeakPasswordError();
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: 0, updated_at: clock.now().toISOString() })
    .where('id', '=', userId)
    .execute();
  await writeAudit(db, actor, { action: 'user.password_change', targetType: 'user', targetId: userId }, clock);
}
