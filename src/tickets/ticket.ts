import { z } from 'zod';
import { kbCategories } from '../kb/index.ts';

/** The triage categories of CONTRACTS.md §1, in a fixed order (the model's class order); one list, shared with the KB. */
export const categories = kbCategories;
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;

/** Most severe first. */
export const severities = ['critical', 'high', 'medium', 'low'] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

export const priorities = ['p1', 'p2', 'p3', 'p4'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const languages = ['en', 'es', 'pt'] as const;
export type Language = (typeof languages)[number];

export const ticketStatuses = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export const TicketStatus = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const channels = ['api', 'email', 'chat', 'import', 'web', 'other'] as const;

/** SLA tier of the requester; VIP tickets are prioritised one step up. */
export const Tier = z.enum(['standard', 'vip']);
export type Tier = z.infer<typeof Tier>;

/** Input of the triage verb (CONTRACTS.md §1). */
export const TriageInput = z.object({
  subject: z.string().max(2000).optional(),
  body: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().max(64).optional(),
  platform: z.string().max(64).optional(),
  appVersion: z.string().max(64).optional(),
  locale: z.string().max(35).optional(),
  tier: Tier.optional(),
});
export type TriageInput = z.infer<typeof TriageInput>;

export interface Reason {
  /** `rule`, `model` (a word or phrase the classifier weighed), `entity`, or `signal`. */
  kind: 'rule' | 'model' | 'entity' | 'signal';
  /** What drove the decision: the phrase (already redacted) or entity. */
  text: string;
  /** Which decision it supports: category, severity or priority. */
  supports: 'category' | 'severity' | 'priority';
  weight?: number;
}

export interface KbSuggestion {
  slug: string;
  title: string;
  score: number;
}

export interface TriageEntities {
  txHashes: Array<{ value: string; families: string[]; chains?: string[] }>;
  addresses: Array<{ value: string; chains: string[] }>;
  tokens: string[];
  amounts: Array<{ value: string; symbol?: string }>;
  platform?: string;
  appVersion?: string;
}

/** The triage result (CONTRACTS.md §1 plus `reasons`, `language`, `playbook`, `acknowledgement`). */
export interface TriageResult {
  category: Category;
  categoryConfidence: number;
  severity: Severity;
  priority: Priority;
  chains: string[];
  entities: TriageEntities;
  redactions: Array<{ kind: string; start: number; end: number }>;
  redactedText: string;
  securityFlags: string[];
  kb: KbSuggestion[];
  language: Language;
  /** How sure the language detection is, 0–1 (src/i18n `detectLanguage`). */
  languageConfidence: number;
  reasons: Reason[];
  /** Slug of the playbook the agent must follow first (e.g. `seed-phrase-exposed`). */
  playbook?: string;
  /** The automatic first answer to the user, in their language. */
  acknowledgement: string;
}
