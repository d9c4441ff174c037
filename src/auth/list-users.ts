import type { Db } from '../storage/index.ts';
import { toUser, type User } from './user.ts';

/** Lists every staff user, oldest first. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}
