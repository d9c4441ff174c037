import type { CommunityDeps } from './deps.ts';
import { toBurst, type Burst } from './detect-bursts.ts';

/** Bursts, newest window first, optionally since a time and for one topic. */
export async function listBursts(deps: Pick<CommunityDeps, 'store'>, query: { since?: string; topic?: string; limit?: number } = {}): Promise<Burst[]> {
  let q = deps.store.db.selectFrom('community_bursts').selectAll().orderBy('window_end', 'desc').limit(Math.min(Math.max(query.limit ?? 50, 1), 500));
  if (query.since) q = q.where('window_end', '>=', query.since);
  if (query.topic) q = q.where('topic', '=', query.topic);
  return (await q.execute()).map(toBurst);
}
