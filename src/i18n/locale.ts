/** The locales OpsDesk writes to users in; English is the fallback. */
export const locales = ['en', 'es', 'pt-BR'] as const;
export type Locale = (typeof locales)[number];

/** The ticket language code of a locale (tickets store `en`, `es`, `pt`). */
export type LanguageCode = 'en' | 'es' | 'pt';

const byLanguage: Record<string, Locale> = { en: 'en', es: 'es', pt: 'pt-BR' };

/** The locale of one tag (`es-MX` → es, `pt`/`pt-PT`/`pt_BR` → pt-BR), or undefined when it is none of ours. */
export function matchLocale(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().replace('_', '-').split('-')[0] ?? '';
  return byLanguage[primary];
}

/**
 * Negotiates the locale from a tag or an Accept-Language header (`es-AR,es;q=0.9,en;q=0.8`):
 * the supported language with the highest q wins (ties keep header order); English otherwise.
 */
export function resolveLocale(tagOrAcceptLanguage: string | null | undefined): Locale {
  if (!tagOrAcceptLanguage) return 'en';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of tagOrAcceptLanguage.split(',')) {
    const [tag = '', ...params] = part.split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale = matchLocale(tag);
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'en';
}

/** The ticket language code of a locale: pt-BR → pt. */
export function languageOf(locale: Locale): LanguageCode {
  return locale === 'pt-BR' ? 'pt' : locale;
}
