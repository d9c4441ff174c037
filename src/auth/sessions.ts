import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { hashToken } from './hash-token.ts';
import type { Principal } from './roles.ts';
import { StaffRole } from './roles.ts';

/** Resolves a session cookie to its user, or undefined when unknown, expired or disabled. */
export async function findSessionPrincipal(db: Db, sessionId: string, clock: Clock = systemClock): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id as user_id', 'users.name', 'users.role', 'users.disabled', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', hashToken(sessionId))
    .executeTakeFirst();
  if (!row || Number(row.disabled) === 1 || row.expires_at <= clock.now().toISOString()) return undefined;
  return { kind: 'user', id: row.user_id, userId: row.user_id, name: row.name, role: StaffRole.parse(row.role), csrfToken: row.csrf_token };
}

/** Ends a session (logout). */
export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(sessionId)).execute();
}
