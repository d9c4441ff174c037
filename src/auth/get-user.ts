import type { Db } from '../storage/index.ts';
import { UserNotFoundError } from './errors.ts';
import { toUser, type User } from './user.ts';

/** Finds a user by id or e-mail; throws when missing. */
export async function getUser(db: Db, idOrEmail: string): Promise<User> {
  const key = idOrEmail.trim().toLowerCase();
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrEmail), eb('email', '=', key)]))
    .executeTakeFirst();
  if (!row) throw new UserNotFoundError(idOrEmail);
  return toUser(row);
}
