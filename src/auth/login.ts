import { newSecret, systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { LoginFailedError, LoginRateLimitedError } from './errors.ts';
import { hashToken } from './hash-token.ts';
import { verifyPassword } from './password.ts';
import type { FailureLimiter } from './rate-limiter.ts';
import { toUser, type User } from './user.ts';

export interface LoginInput {
  email: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface LoginResult {
  user: User;
  /** The session secret for the cookie; only its hash is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

// A fixed hash so unknown e-mails take as long as known ones.
const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Checks credentials (rate limited per account and per client) and opens a session. */
export async function login(
  db: Db,
  limiter: FailureLimiter,
  input: LoginInput,
  options: { sessionTtlSec: number },
  clock: Clock = systemClock,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`acct:${email}`, `ip:${input.ip ?? 'unknown'}`];
  const wait = Math.max(...keys.map((k) => limiter.retryAfterSec(k)));
  if (wait > 0) throw new LoginRateLimitedError(wait);
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const good = await verifyPassword(input.password, row?.password_hash ?? dummyHash);
  if (!row || !good || Number(row.disabled) === 1) {
    keys.forEach((k) => limiter.fail(k));
    await writeAudit(db, null, { action: 'auth.login_failed', targetType: 'user', targetId: row?.id ?? email.slice(0, 200), ip: input.ip ?? null }, clock);
    throw new LoginFailedError();
  }
  keys.forEach((k) => limiter.reset(k));
  const sessionId = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(clock.nowMs() + options.sessionTtlSec * 1000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(sessionId),
      user_id: row.id,
      csrf_token: csrfToken,
      created_at: clock.now().toISOString(),
      expires_at: expiresAt,
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  const user = toUser(row);
  await writeAudit(db, { kind: 'user', id: user.id, userId: user.id, name: user.name, role: user.role }, { action: 'auth.login', targetType: 'user', targetId: user.id, ip: input.ip ?? null }, clock);
  return { user, sessionId, csrfToken, expiresAt };
}
