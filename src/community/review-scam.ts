import type { CommunityDeps } from './deps.ts';
import { CommunityScamNotFoundError } from './errors.ts';

export const scamStatuses = ['open', 'confirmed', 'dismissed'] as const;
export type ScamStatus = (typeof scamStatuses)[number];

/** A moderator's verdict on a scam report: confirmed (acted on) or dismissed (false alarm), or reopened. */
export async function reviewScam(deps: Pick<CommunityDeps, 'store'>, id: string, status: ScamStatus): Promise<{ id: string; status: ScamStatus }> {
  const res = await deps.store.db.updateTable('community_scams').set({ status }).where('id', '=', id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new CommunityScamNotFoundError(id);
  return { id, status };
}
