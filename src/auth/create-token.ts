import { ForbiddenError, newId, newSecret, systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { hashToken } from './hash-token.ts';
import { parseInput } from './internal.ts';
import { staffRoles, type Principal } from './roles.ts';
import { CreateTokenInput, tokenPrefix, type ApiToken } from './tokens.ts';

/** Creates an API token; the secret is returned once and only its hash is stored. */
export async function createToken(db: Db, input: CreateTokenInput, actor: Principal | null, clock: Clock = systemClock): Promise<{ token: ApiToken; secret: string }> {
  const data = parseInput(CreateTokenInput, input, 'token');
  if (actor && actor.role !== 'admin' && data.role !== 'ingest' && staffRoles.indexOf(data.role as never) > staffRoles.indexOf(actor.role as never)) {
    throw new ForbiddenError('A token cannot have a higher role than its creator.');
  }
  const secret = tokenPrefix + newSecret();
  const now = clock.now().toISOString();
  const row = {
    id: newId('tok', clock.nowMs()),
    name: data.name,
    token_hash: hashToken(secret),
    prefix: secret.slice(0, 12),
    role: data.role,
    created_by: actor?.userId ?? null,
    created_at: now,
    expires_at: data.expiresInDays ? new Date(clock.nowMs() + data.expiresInDays * 86_400_000).toISOString() : null,
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  await writeAudit(db, actor, { action: 'token.create', targetType: 'api_token', targetId: row.id, detail: { role: row.role } }, clock);
  return {
    token: { id: row.id, name: row.name, prefix: row.prefix, role: data.role, createdBy: row.created_by, createdAt: now, expiresAt: row.expires_at, revokedAt: null, lastUsedAt: null },
    secret,
  };
}
