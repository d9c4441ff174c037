import { systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { TokenNotFoundError } from './errors.ts';
import type { Principal } from './roles.ts';

/** Revokes a token by id; it stops working on the next request. */
export async function revokeToken(db: Db, id: string, actor: Principal | null, clock: Clock = systemClock): Promise<void> {
  const res = await db.updateTable('api_tokens').set({ revoked_at: clock.now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const exists = await db.selectFrom('api_tokens').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new TokenNotFoundError(id);
    return;
  }
  await writeAudit(db, actor, { action: 'token.revoke', targetType: 'api_token', targetId: id }, clock);
}
