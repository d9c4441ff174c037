import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { createUser } from './create-user.ts';

/** On an empty database, creates the first admin; returns the one-time password if one was generated. */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string; password?: string | undefined },
  clock: Clock = systemClock,
): Promise<{ created: false } | { created: true; email: string; oneTimePassword?: string }> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false };
  const res = await createUser(db, { email: options.email, name: 'Administrator', role: 'admin', ...(options.password ? { password: options.password } : {}) }, null, clock);
  return res.oneTimePassword ? { created: true, email: res.user.email, oneTimePassword: res.oneTimePassword } : { created: true, email: res.user.email };
}
