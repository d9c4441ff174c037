import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { hashToken } from './hash-token.ts';
import { Role, type Principal } from './roles.ts';

/** Resolves a bearer secret to its token, or undefined when unknown, revoked or expired. */
export async function findTokenPrincipal(db: Db, secret: string, clock: Clock = systemClock): Promise<Principal | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashToken(secret)).executeTakeFirst();
  const now = clock.now().toISOString();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return undefined;
  // last_used_at is advisory; write it at most once a minute per token.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', id: row.id, userId: row.created_by, name: row.name, role: Role.parse(row.role) };
}
