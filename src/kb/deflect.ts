import { createHash } from 'node:crypto';
import { z } from 'zod';
import { newId, type Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { replyLocales, type KbSearchHit, type ReplyLocale } from './article.ts';
import { DeflectionSessionNotFoundError } from './errors.ts';
import { bumpUsage } from './internal.ts';
import { normalizeLocale } from './search-index.ts';
import { searchKb, type KbIndex } from './search-kb.ts';
import { normalize } from './text.ts';

export const DeflectionRequest = z.strictObject({
  text: z.string().min(1).max(10_000),
  locale: z.string().min(2).max(10).optional(),
  chains: z.array(z.string().max(40)).max(10).optional(),
  category: z.string().max(60).optional(),
  limit: z.number().int().min(1).max(10).optional(),
});
export type DeflectionRequest = z.input<typeof DeflectionRequest>;

export const DeflectionEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('opened'), slug: z.string().min(1).max(80) }),
  z.strictObject({ type: z.literal('resolved') }),
  z.strictObject({ type: z.literal('submitted'), ticketId: z.string().max(100).optional() }),
]);
export type DeflectionEvent = z.infer<typeof DeflectionEvent>;

export interface DeflectionSuggestion extends KbSearchHit {
  /** The article's reply in the asked locale (English when missing). */
  reply: string;
  locale: ReplyLocale;
}

export interface DeflectionSession {
  sessionId: string;
  suggestions: DeflectionSuggestion[];
}

/**
 * Suggests public articles for what a user typed in the in-app help form, before a ticket exists, and
 * opens a deflection session. The text itself is never stored (only a short hash), since it may
 * contain secrets.
 */
export async function startDeflection(db: Db, kb: KbIndex, request: DeflectionRequest, clock: Clock): Promise<DeflectionSession> {
  const req = DeflectionRequest.parse(request);
  const hits = searchKb(kb, req.text, { limit: req.limit ?? 3, audience: 'public', ...(req.locale ? { locale: req.locale } : {}), ...(req.chains ? { chains: req.chains } : {}) });
  const loc = pickLocale(req.locale);
  const suggestions = hits.map((h) => {
    const a = kb.articles.get(h.slug);
    const reply = a?.replies[loc] ?? a?.replies.en ?? '';
    return { ...h, reply, locale: a?.replies[loc] ? loc : ('en' as const) };
  });
  const id = newId('dfl', clock.nowMs());
  const at = clock.now().toISOString();
  await db
    .insertInto('kb_deflections')
    .values({
      id,
      created_at: at,
      locale: req.locale ?? null,
      category: req.category ?? null,
      query_hash: createHash('sha256').update(normalize(req.text)).digest('hex').slice(0, 16),
      shown: JSON.stringify(suggestions.map((s) => s.slug)),
      opened_slug: null,
      outcome: 'pending',
      outcome_at: null,
      ticket_id: null,
    })
    .execute();
  await bumpUsage(db, suggestions.map((s) => s.slug), 'suggested', at);
  return { sessionId: id, suggestions };
}

/** Records what the user did after seeing suggestions: opened an article, said it solved the problem, or still submitted a ticket. */
export async function recordDeflectionEvent(db: Db, sessionId: string, event: DeflectionEvent, clock: Clock): Promise<{ sessionId: string; outcome: string; openedSlug: string | null }> {
  const ev = DeflectionEvent.parse(event);
  const row = await db.selectFrom('kb_deflections').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row) throw new DeflectionSessionNotFoundError(sessionId);
  const at = clock.now().toISOString();
  if (ev.type === 'opened') {
    await db.updateTable('kb_deflections').set({ opened_slug: ev.slug }).where('id', '=', sessionId).execute();
    await bumpUsage(db, [ev.slug], 'opened', at);
    return { sessionId, outcome: row.outcome, openedSlug: ev.slug };
  }
  if (ev.type === 'submitted') {
    await db.updateTable('kb_deflections').set({ outcome: 'submitted', outcome_at: at, ticket_id: ev.ticketId ?? null }).where('id', '=', sessionId).execute();
    return { sessionId, outcome: 'submitted', openedSlug: row.opened_slug };
  }
  if (row.outcome === 'submitted') return { sessionId, outcome: 'submitted', openedSlug: row.opened_slug };
  await db.updateTable('kb_deflections').set({ outcome: 'resolved', outcome_at: at }).where('id', '=', sessionId).execute();
  return { sessionId, outcome: 'resolved', openedSlug: row.opened_slug };
}

function pickLocale(locale: string | undefined): ReplyLocale {
  if (!locale) return 'en';
  const n = normalizeLocale(locale);
  return replyLocales.find((l) => l.toLowerCase() === n) ?? 'en';
}
