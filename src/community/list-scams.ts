import { z } from 'zod';
import type { CommunityDeps } from './deps.ts';
import { CommunitySourceInvalidError } from './errors.ts';
import { scamStatuses } from './review-scam.ts';
import { scamKinds } from './scams.ts';

export const ListScamsQuery = z.object({
  status: z.enum(scamStatuses).optional(),
  kind: z.enum(scamKinds).optional(),
  source: z.string().max(100).optional().describe('Source id.'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().max(64).optional(),
});
export type ListScamsQuery = z.input<typeof ListScamsQuery>;

export interface ScamReport {
  id: string;
  sourceId: string;
  sourceName: string;
  messageId: string | null;
  kind: string;
  evidence: string;
  reasons: string[];
  score: number;
  authorHash: string;
  status: string;
  postedAt: string;
  /** The post (redacted) and its link, for the moderator to act on. */
  text: string | null;
  url: string | null;
  channel: string | null;
}

/** Suspected impersonators and phishing posts for moderators, newest first, with the post they came from. */
export async function listScams(deps: Pick<CommunityDeps, 'store'>, query: ListScamsQuery = {}): Promise<{ items: ScamReport[]; next: string | null }> {
  const parsed = ListScamsQuery.safeParse(query);
  if (!parsed.success) throw new CommunitySourceInvalidError(z.prettifyError(parsed.error).replace(/\n/g, '; '));
  const q = parsed.data;
  let sel = deps.store.db
    .selectFrom('community_scams as s')
    .innerJoin('community_sources as src', 'src.id', 's.source_id')
    .leftJoin('community_messages as m', 'm.id', 's.message_id')
    .select(['s.id', 's.source_id', 'src.name as source_name', 's.message_id', 's.kind', 's.evidence', 's.reasons', 's.score', 's.author_hash', 's.status', 's.posted_at', 'm.text', 'm.url', 'm.channel'])
    .orderBy('s.id', 'desc')
    .limit(q.limit + 1);
  if (q.status) sel = sel.where('s.status', '=', q.status);
  if (q.kind) sel = sel.where('s.kind', '=', q.kind);
  if (q.source) sel = sel.where('s.source_id', '=', q.source);
  if (q.before) sel = sel.where('s.id', '<', q.before);
  const rows = await sel.execute();
  const items = rows.slice(0, q.limit).map((r) => ({ id: r.id, sourceId: r.source_id, sourceName: r.source_name, messageId: r.message_id, kind: r.kind, evidence: r.evidence, reasons: JSON.parse(r.reasons) as string[], score: Number(r.score), authorHash: r.author_hash, status: r.status, postedAt: r.posted_at, text: r.text, url: r.url, channel: r.channel }));
  return { items, next: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
