import type { Db } from '../../storage/index.ts';

/** Every agent's skills. */
export async function listAgentSkills(db: Db): Promise<Array<{ userId: string; skills: string[] }>> {
  const rows = await db.selectFrom('agent_skills').select(['user_id', 'skill']).orderBy('user_id').orderBy('skill').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.skill]);
  return [...out].map(([userId, skills]) => ({ userId, skills }));
}
