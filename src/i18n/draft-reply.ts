import { t } from './catalogue.ts';
import { resolveLocale, type Locale } from './locale.ts';

export interface ReplyDraftInput {
  /** The ticket's locale or language (`es`, `pt`, `pt-BR`, an Accept-Language…). */
  locale: string;
  requesterName?: string | null;
  /** A diagnosis already rendered in that locale (chains' `diagnoseTx` with `locale`). */
  diagnosis?: { txHash: string; chainName: string; findings: ReadonlyArray<{ userMessage: string; nextSteps: readonly string[] }> };
  /** A KB article's reply sections per locale (`## Reply (es)` …). */
  article?: { slug: string; replies: Partial<Record<Locale, string>> };
}

export interface ReplyDraft {
  locale: Locale;
  text: string;
  /** Parts that were not available in the locale and came in English (e.g. `kb:tron-energy-bandwidth`). */
  fallbacks: string[];
}

/**
 * Drafts an agent's reply in the user's language: greeting, what the diagnosis found and what to do,
 * the KB article's reply section, and the never-share-your-seed reminder. The agent edits and sends it.
 */
export function draftReply(input: ReplyDraftInput): ReplyDraft {
  const locale = resolveLocale(input.locale === 'pt' ? 'pt-BR' : input.locale);
  const fallbacks: string[] = [];
  const name = input.requesterName?.trim().split(/\s+/)[0];
  const parts = [t(locale, 'reply.greeting', { name: name || 'none' })];
  const [first, ...rest] = input.diagnosis?.findings ?? [];
  if (input.diagnosis && first) {
    const found = [first, ...rest].map((f) => f.userMessage.trim()).join(' ');
    parts.push(t(locale, 'reply.diagnosis', { txHash: input.diagnosis.txHash, chainName: input.diagnosis.chainName, finding: found }));
    const steps = [...new Set([first, ...rest].flatMap((f) => f.nextSteps))];
    if (steps.length) parts.push([t(locale, 'reply.nextSteps'), ...steps.map((s) => `- ${s}`)].join('\n'));
  }
  if (input.article) {
    const own = input.article.replies[locale]?.trim();
    const text = own || input.article.replies.en?.trim();
    if (!own && text) fallbacks.push(`kb:${input.article.slug}`);
    if (text) parts.push(text);
  }
  parts.push(t(locale, 'reply.reminder'), t(locale, 'reply.signature'));
  return { locale, text: parts.join('\n\n'), fallbacks };
}
