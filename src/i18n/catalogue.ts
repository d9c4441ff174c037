import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { MessageCatalogueInvalidError, MessageKeyUnknownError } from './errors.ts';
import { locales, resolveLocale, type Locale } from './locale.ts';

/** The catalogues shipped with OpsDesk: `locales/<locale>.json` of the package. */
export const shippedLocalesDir = fileURLToPath(new URL('../../locales/', import.meta.url));

export type MessageParams = Readonly<Record<string, string | number | bigint | Date>>;

/** Messages of every locale, compiled once per message. */
export interface MessageCatalogue {
  readonly messages: Readonly<Record<Locale, Readonly<Record<string, string>>>>;
  /** Formats `key` in `locale` (English when the locale lacks it); throws when English lacks it too. */
  t(locale: Locale | string, key: string, params?: MessageParams): string;
  has(locale: Locale, key: string): boolean;
}

/** Reads `<dir>/en.json`, `es.json`, `pt-BR.json`; every message must parse as ICU MessageFormat. */
export function loadCatalogue(dir: string = shippedLocalesDir): MessageCatalogue {
  const messages = {} as Record<Locale, Record<string, string>>;
  for (const locale of locales) {
    const file = join(dir, `${locale}.json`);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new MessageCatalogueInvalidError(file, (err as Error).message);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MessageCatalogueInvalidError(file, 'it is not a JSON object');
    const entries = Object.entries(value);
    for (const [key, text] of entries) {
      if (typeof text !== 'string') throw new MessageCatalogueInvalidError(file, `"${key}" is not a string`);
      try {
        new IntlMessageFormat(text, locale);
      } catch (err) {
        throw new MessageCatalogueInvalidError(file, `"${key}" is not ICU MessageFormat (${(err as Error).message})`);
      }
    }
    messages[locale] = Object.fromEntries(entries) as Record<string, string>;
  }
  const compiled = new Map<string, IntlMessageFormat>();
  const format = (locale: Locale, key: string, params: MessageParams): string => {
    const id = `${locale}\u0000${key}`;
    let f = compiled.get(id);
    if (!f) {
      f = new IntlMessageFormat(messages[locale][key]!, locale);
      compiled.set(id, f);
    }
    const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));
    return String(f.format(values));
  };
  return {
    messages,
    has: (locale, key) => Object.hasOwn(messages[locale], key),
    t(locale, key, params = {}) {
      const loc = resolveLocale(locale);
      if (Object.hasOwn(messages[loc], key)) return format(loc, key, params);
      if (Object.hasOwn(messages.en, key)) return format('en', key, params);
      throw new MessageKeyUnknownError(key);
    },
  };
}

/** The argument names a message uses (`{nonce}`, `{count, plural, …}`), sorted. */
export function messageArguments(message: string, locale: Locale = 'en'): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as Array<Record<string, unknown>>) {
      if (typeof n.value === 'string' && n.type !== 0 && n.type !== 7 && n.type !== 8) names.add(n.value);
      if (n.options && typeof n.options === 'object') for (const o of Object.values(n.options as Record<string, { value: unknown }>)) walk(o.value);
      if (Array.isArray(n.children)) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

let shipped: MessageCatalogue | undefined;

/** Formats a message of the shipped catalogue in the locale (a tag or Accept-Language), with English fallback. */
export function t(locale: Locale | string, key: string, params: MessageParams = {}): string {
  shipped ??= loadCatalogue();
  return shipped.t(locale, key, params);
}
