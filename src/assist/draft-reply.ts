import { z } from 'zod';
import { normalizeLocale, replyLocales, type KbService, type ReplyLocale } from '../kb/index.ts';
import type { ChatClient } from './chat-client.ts';
import { DraftRejectedError } from './errors.ts';
import { findSecretRequests } from './guard.ts';

export const DraftRequest = z.strictObject({
  text: z.string().min(1).max(20_000).describe('The user’s message.'),
  locale: z.string().min(2).max(10).optional(),
  chains: z.array(z.string().max(40)).max(10).optional(),
  findingCodes: z.array(z.string().max(100)).max(20).optional(),
  maxArticles: z.number().int().min(1).max(5).optional(),
});
export type DraftRequest = z.input<typeof DraftRequest>;

export interface DraftDeps {
  kb: KbService;
  client: ChatClient;
  /** Masks secrets (redaction's scrubText); applied to everything sent to the provider and to the draft. */
  redact: (text: string) => string;
}

export interface Draft {
  draft: string;
  locale: ReplyLocale;
  /** Articles the draft cites as [slug]; each was given to the model. */
  citations: Array<{ slug: string; title: string }>;
  /** Every article given to the model. */
  grounding: Array<{ slug: string; title: string; score: number }>;
  model: string;
}

/**
 * Drafts a reply to a user grounded in the best KB articles: the user text is redacted before it is
 * sent, the model may only use the articles' facts and must cite them, and a draft that asks the user
 * for a secret is rejected.
 */
export async function draftReply(deps: DraftDeps, request: DraftRequest): Promise<Draft> {
  const req = DraftRequest.parse(request);
  const text = deps.redact(req.text);
  const locale = replyLocales.find((l) => l.toLowerCase() === normalizeLocale(req.locale ?? 'en')) ?? 'en';
  const hits = deps.kb.search(text, { limit: req.maxArticles ?? 3, ...(req.chains ? { chains: req.chains } : {}), ...(req.findingCodes ? { findingCodes: req.findingCodes } : {}), locale });
  const articles = hits.map((h) => deps.kb.getArticle(h.slug));
  const sources = articles
    .map((a) => `[${a.slug}] ${a.title}\nFacts: ${a.summary}\nApproved reply (${a.replies[locale] ? locale : 'en'}):\n${a.replies[locale] ?? a.replies.en ?? ''}`)
    .join('\n\n---\n\n');
  const language = { en: 'English', es: 'Spanish', 'pt-BR': 'Brazilian Portuguese' }[locale];
  const system = [
    'You draft replies for the support team of a non-custodial multi-chain crypto wallet.',
    `Write in ${language}, warm and short, with numbered steps when there are steps.`,
    'Use only facts from the knowledge-base articles below; if they do not answer the message, say what information you need (a transaction hash, the network, a public address) instead of guessing.',
    'Cite every article you use as [slug].',
    'Never ask for or accept a secret phrase, private key, password, full card number or CVV; never promise to reverse a blockchain transaction.',
    '',
    sources || '(no matching article)',
  ].join('\n');
  const raw = await deps.client.complete([
    { role: 'system', content: deps.redact(system) },
    { role: 'user', content: text },
  ]);
  const draft = deps.redact(raw);
  const violations = findSecretRequests(draft);
  if (violations.length) throw new DraftRejectedError(violations);
  const cited = new Set([...draft.matchAll(/\[([a-z0-9]+(?:-[a-z0-9]+)*)\]/g)].map((m) => m[1]!));
  return {
    draft,
    locale,
    citations: articles.filter((a) => cited.has(a.slug)).map((a) => ({ slug: a.slug, title: a.title })),
    grounding: hits.map((h) => ({ slug: h.slug, title: h.title, score: h.score })),
    model: deps.client.model,
  };
}
