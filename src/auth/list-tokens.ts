import type { Db } from '../storage/index.ts';
import { Role } from './roles.ts';
import type { ApiToken } from './tokens.ts';

/** Lists API tokens (never their secrets), newest first. */
export async function listTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: Role.parse(r.role),
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}
