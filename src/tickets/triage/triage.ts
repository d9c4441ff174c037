import { redactText } from '../../redaction/index.ts';
import { TicketInputInvalidError } from '../errors.ts';
import type { KbSuggestion, Reason, TriageEntities, TriageInput, TriageResult } from '../ticket.ts';
import { prepare, type TriageModel } from './model.ts';
import { acknowledgement, decidePriority, decideSeverity } from './signals.ts';
import { detectLanguage } from '../../i18n/index.ts';

/** What the entity extractor (src/entities) returns; only the fields triage uses. */
export interface ExtractedEntities {
  txHashes: Array<{ value: string; families: string[]; chains?: string[] }>;
  addresses: Array<{ value: string; chains: string[] }>;
  tokens: string[];
  amounts: Array<{ value: string; symbol?: string }>;
  platform?: string;
  appVersion?: string;
  chains: string[];
}

export interface EntityExtractor {
  extract(text: string): ExtractedEntities;
}

/** Knowledge-base search (src/kb), best first. */
export type KbSearch = (query: string, options: { limit: number; chains?: readonly string[]; locale?: string }) => KbSuggestion[];

export interface TriagerDeps {
  model: TriageModel;
  entities: EntityExtractor;
  kbSearch?: KbSearch;
  /** Longest text accepted, in characters (default 200,000). */
  maxTextChars?: number;
}

export interface Triager {
  readonly modelVersion: number;
  triage(input: TriageInput | string): TriageResult;
}

/** The compromised-wallet playbook every exposed-secret ticket shows first. */
export const seedPhrasePlaybook: KbSuggestion = { slug: 'seed-phrase-exposed', title: 'Seed phrase or private key exposed: move the funds to a new wallet now', score: 1 };

const markerWords: Record<string, string> = { redactedseedphrase: '[REDACTED:seed_phrase]', redactedprivatekey: '[REDACTED:private_key]', redactedcardnumber: '[REDACTED:card_number]' };
const readable = (phrase: string): string => phrase.replace(/\bredacted[a-z]+\b/g, (w) => markerWords[w] ?? '[REDACTED]');

/** The text triage reads: subject, a blank line, then the body (redaction offsets index this text). */
export function triageText(input: TriageInput | string): string {
  if (typeof input === 'string') return input;
  const body = input.body ?? input.text ?? '';
  return input.subject?.trim() ? `${input.subject}\n\n${body}` : body;
}

/** Builds the triage verb: redaction, entities, category, severity, priority, reasons, KB and acknowledgement. */
export function createTriager(deps: TriagerDeps): Triager {
  const maxChars = deps.maxTextChars ?? 200_000;
  return {
    modelVersion: deps.model.version,
    triage(input) {
      const text = triageText(input);
      const opts = typeof input === 'string' ? {} : input;
      if (!text.trim()) throw new TicketInputInvalidError('the text is empty', ['Send the user’s message in "body" or "text".']);
      if (text.length > maxChars) throw new TicketInputInvalidError(`the text is ${text.length} characters long; the limit is ${maxChars}`, ['Send the message itself, not attachments or whole logs.']);
      const redacted = redactText(text);
      const prepared = prepare(redacted.text);
      const decision = deps.model.decide(prepared);
      const extracted = deps.entities.extract(redacted.text);
      const entities: TriageEntities = {
        txHashes: extracted.txHashes,
        addresses: extracted.addresses,
        tokens: extracted.tokens,
        amounts: extracted.amounts,
      };
      const platform = opts.platform ?? extracted.platform;
      const appVersion = opts.appVersion ?? extracted.appVersion;
      if (platform) entities.platform = platform;
      if (appVersion) entities.appVersion = appVersion;
      const flags = redacted.securityFlags;
      const severity = decideSeverity(decision.severity, prepared.folded, flags, decision.category);
      const priority = decidePriority(severity.severity, prepared.folded, flags, opts.tier);
      const reasons: Reason[] = [];
      for (const h of prepared.hits) if (h.rule.category === decision.category) reasons.push({ kind: 'rule', text: readable(h.match), supports: 'category', weight: h.rule.weight });
      const seen = new Set(reasons.map((r) => r.text));
      for (const e of decision.categoryPrediction.evidence) {
        if (e.feature.startsWith('r:') || seen.has(e.source) || seen.size >= 8) continue;
        seen.add(e.source);
        reasons.push({ kind: 'model', text: readable(e.source), supports: 'category', weight: Math.round(e.weight * 100) / 100 });
      }
      for (const chain of extracted.chains) reasons.push({ kind: 'entity', text: `chain ${chain}`, supports: 'category' });
      if (extracted.txHashes.length) reasons.push({ kind: 'entity', text: `${extracted.txHashes.length} transaction hash(es)`, supports: 'category' });
      reasons.push(...severity.reasons, ...priority.reasons);
      const exposed = flags.includes('secret_exposed');
      const kb: KbSuggestion[] = exposed || decision.category === 'security_scam_or_compromise' ? [seedPhrasePlaybook] : [];
      const detected = detectLanguage(redacted.text, opts.locale);
      const language = detected.language;
      if (deps.kbSearch) {
        // The opening of a message says what it is about; the rest is often logs and device details.
        for (const s of deps.kbSearch(redacted.text.slice(0, 600), { limit: 3, chains: extracted.chains, locale: detected.locale })) if (!kb.some((k) => k.slug === s.slug)) kb.push(s);
      }
      const result: TriageResult = {
        category: decision.category,
        categoryConfidence: Math.round(decision.categoryConfidence * 1000) / 1000,
        severity: severity.severity,
        priority: priority.priority,
        chains: extracted.chains,
        entities,
        redactions: redacted.redactions.map((r) => ({ kind: r.kind, start: r.start, end: r.end })),
        redactedText: redacted.text,
        securityFlags: flags,
        kb,
        language,
        languageConfidence: detected.confidence,
        reasons,
        acknowledgement: acknowledgement(language, flags, decision.category),
      };
      if (exposed) result.playbook = seedPhrasePlaybook.slug;
      return result;
    },
  };
}
