import { resolveLocale } from '../../i18n/index.ts';
import type { Finding, FindingSeverity } from '../port.ts';

/** Locales every user-facing text should exist in; English is the fallback. */
export type Locale = 'en' | 'es' | 'pt-BR';

/**
 * The catalogue entry of one finding code. Texts are templates with `{name}` placeholders filled
 * from the finding's params. `en` is required; `es` and `pt-BR` are added per code.
 */
export interface FindingTemplate {
  severity: FindingSeverity;
  /** Technical one-liner for the agent (English). */
  summary: string;
  userMessage: { en: string } & Partial<Record<Locale, string>>;
  nextSteps: { en: readonly string[] } & Partial<Record<Locale, readonly string[]>>;
  /** One sentence for docs/finding-codes.md: when this finding is produced. */
  when: string;
}

export type FindingCatalog = Readonly<Record<string, FindingTemplate>>;

/** Fills `{name}` placeholders; unknown names are left visible so a missing param is noticed. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number | bigint>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Builds a finding from its catalogue entry in the requested locale (falling back to English). */
export function makeFinding(
  catalog: FindingCatalog,
  code: string,
  params: Readonly<Record<string, string | number | bigint>>,
  evidence: Record<string, unknown>,
  locale: string = 'en',
): Finding {
  const t = catalog[code];
  if (!t) throw new Error(`finding code ${code} is not in the catalogue`);
  const loc = resolveLocale(locale);
  return {
    code,
    severity: t.severity,
    summary: fillTemplate(t.summary, params),
    userMessage: fillTemplate(t.userMessage[loc] ?? t.userMessage.en, params),
    nextSteps: (t.nextSteps[loc] ?? t.nextSteps.en).map((s) => fillTemplate(s, params)),
    evidence,
  };
}
