import { writeAudit, type Principal } from '../../auth/index.ts';
import { systemClock, type Clock } from '../../core/index.ts';
import type { Db } from '../../storage/index.ts';
import { AgentNotFoundError } from './errors.ts';

/** Replaces an agent's skills (categories such as `swap_or_bridge_failure`, chains such as `polygon`, languages as `lang:es`). */
export async function setAgentSkills(db: Db, userId: string, skills: readonly string[], actor: Principal | null, clock: Clock = systemClock): Promise<{ userId: string; skills: string[] }> {
  const list = [...new Set(skills.map((s) => s.trim().toLowerCase()).filter(Boolean))].sort();
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id']).where('id', '=', userId).executeTakeFirst();
    if (!user) throw new AgentNotFoundError(userId);
    await trx.deleteFrom('agent_skills').where('user_id', '=', userId).execute();
    if (list.length) await trx.insertInto('agent_skills').values(list.map((skill) => ({ user_id: userId, skill, created_at: now }))).execute();
    await writeAudit(trx, actor, { action: 'agent.skills', targetType: 'user', targetId: userId, detail: { skills: list } }, clock);
    return { userId, skills: list };
  });
}

