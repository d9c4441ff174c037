import { newId, systemClock, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { writeAudit } from './audit.ts';
import { UserExistsError } from './errors.ts';
import { parseInput } from './internal.ts';
import { generatePassword, hashPassword } from './password.ts';
import type { Principal } from './roles.ts';
import { CreateUserInput, toUser, type User } from './user.ts';

export interface CreatedUser {
  user: User;
  /** Set only when OpsDesk generated the password; shown once, never stored in clear. */
  oneTimePassword?: string;
}

/** Creates a staff user; without a password a one-time one is generated and must be changed. */
export async function createUser(db: Db, input: CreateUserInput, actor: Principal | null, clock: Clock = systemClock): Promise<CreatedUser> {
  const data = parseInput(CreateUserInput, input, 'user');
  const existing = await db.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst();
  if (existing) throw new UserExistsError(data.email);
  const oneTime = data.password ? undefined : generatePassword();
  const now = clock.now().toISOString();
  const row = {
    id: newId('usr', clock.nowMs()),
    email: data.email,
    name: data.name ?? data.email.split('@')[0]!,
    role: data.role,
    password_hash: await hashPassword(data.password ?? oneTime!),
    disabled: 0,
    must_change_password: oneTime ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('users').values(row).execute();
  await writeAudit(db, actor, { action: 'user.create', targetType: 'user', targetId: row.id, detail: { role: row.role } }, clock);
  return oneTime ? { user: toUser(row), oneTimePassword: oneTime } : { user: toUser(row) };
}
