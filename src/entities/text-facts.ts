import { ambiguousSymbols, tokenSymbols } from './vocabulary.ts';
import type { Entities } from './entities.ts';
import type { Word } from './words.ts';

/** Token symbols: known symbols (any case unless ambiguous) and `$TICKER` forms, uppercase, first-seen order. */
export function findTokens(words: readonly Word[], extra: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const consider = (raw: string) => {
    if (raw.length > 10) return;
    const upper = raw.toUpperCase();
    if (!knownSymbols.has(upper) && !extra.has(upper)) return;
    if ((ambiguousSymbols.has(upper) || upper.length < 3) && raw !== upper) return;
    found.add(upper);
  };
  for (const w of words) {
    if (w.raw.length > 21) continue;
    if (w.raw[0] === '$') {
      if (/^\$[A-Za-z]+[0-9]*$/.test(w.raw) && w.raw.length >= 3 && w.raw.length <= 11) found.add(w.raw.slice(1).toUpperCase());
      continue;
    }
    if (w.raw.includes('-')) for (const part of w.raw.split('-')) consider(part);
    else consider(w.raw);
  }
  return [...found];
}
const knownSymbols = new Set(tokenSymbols);

const number = String.raw`\d{1,3}(?:[,.  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const currencyFirst = new RegExp(String.raw`(?<![A-Za-z0-9])(US\$|R\$|\$|€|£)\s?(${number})(?![\d])`, 'g');
const numberFirst = new RegExp(String.raw`(?<![\w.,])(${number})\s?(\$|€|[A-Za-z][A-Za-z0-9]{1,9}|d[óo]lares)(?![A-Za-z0-9])`, 'g');
const currencyWords: Record<string, string> = { $: 'USD', US$: 'USD', R$: 'BRL', '€': 'EUR', '£': 'GBP', usd: 'USD', dollars: 'USD', dollar: 'USD', dólares: 'USD', dolares: 'USD', reais: 'BRL', brl: 'BRL', eur: 'EUR', euros: 'EUR', euro: 'EUR' };

/** Amounts next to a token symbol or a currency ("120.5 USDT", "0,5 ETH", "$300", "R$ 50,00"). */
export function findAmounts(text: string, extra: ReadonlySet<string>): Entities['amounts'] {
  const out: Array<{ at: number; value: string; symbol: string }> = [];
  for (const m of text.matchAll(currencyFirst)) out.push({ at: m.index, value: normalizeNumber(m[2]!), symbol: currencyWords[m[1]!]! });
  for (const m of text.matchAll(numberFirst)) {
    const unit = m[2]!;
    const currency = currencyWords[unit.toLowerCase()] ?? currencyWords[unit];
    const upper = unit.toUpperCase();
    const symbol = currency ?? (knownSymbols.has(upper) || extra.has(upper) ? upper : undefined);
    if (!symbol) continue;
    if (!currency && ambiguousSymbols.has(upper) && unit !== upper) continue;
    out.push({ at: m.index, value: normalizeNumber(m[1]!), symbol });
  }
  out.sort((a, b) => a.at - b.at);
  return out.map(({ value, symbol }) => ({ value, symbol }));
}

/** "1.234,56" → "1234.56", "1,500" → "1500", "0,5" → "0.5", "1 000" → "1000". */
export function normalizeNumber(raw: string): string {
  let s = raw.replace(/[  ]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    const thousands = parts.length > 2 || (parts[1]!.length === 3 && parts[0] !== '0');
    s = thousands ? parts.join('') : parts.join('.');
  } else if (lastDot >= 0 && s.split('.').length > 2) {
    s = s.split('.').join('');
  }
  return s;
}

// One scan; the groups are in the order of `platformNames`.
const platformPattern = new RegExp(
  [
    String.raw`(\b(?:chrome|browser|brave|firefox)\s+extension\b|\bextension\b|\bextensi[oó]n\b|\bextens[ãa]o\b)`,
    String.raw`(\b(?:ios|iphone|ipad|ipados)\b)`,
    String.raw`(\b(?:android|samsung|galaxy s\d+|pixel \d|xiaomi|redmi|huawei|oneplus|motorola)\b)`,
    String.raw`(\b(?:desktop|windows|macos|mac os|linux)\b)`,
    String.raw`(\b(?:web ?app|website|web version|versi[óo]n web|vers[ãa]o web)\b)`,
  ].join('|'),
  'i',
);
const platformNames = ['extension', 'ios', 'android', 'desktop', 'web'] as const;

/** The platform mentioned first. */
export function findPlatform(text: string): Entities['platform'] {
  const m = platformPattern.exec(text);
  if (!m) return undefined;
  const group = m.slice(1).findIndex((g) => g !== undefined);
  return platformNames[group];
}

const versionPattern = /(?:\bv|\bversion|\bversi[óo]n|\bvers[ãa]o|\bvers[ãa]o do app|\bapp(?:\s+version)?|\bbuild)\s*:?\s*v?(\d{1,2}\.\d{1,3}(?:\.\d{1,4})?)(?!\d|\.\d)/i;

/** The app version ("v9.1.2", "version 9.2", "versión 9.2.0", "app 9.2 (1234)" → "9.2"). */
export function findAppVersion(text: string): string | undefined {
  return versionPattern.exec(text)?.[1];
}

const nameHint = /\.(?:eth|bnb|sol|crypto|nft|wallet|bitcoin|dao|x|blockchain|888|zil|arb|ton|avax|lens)\b/i;
const namePattern = /(?<![\w@/.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63})*\.(?:eth|bnb|sol|crypto|nft|wallet|bitcoin|dao|x|blockchain|888|zil|arb|ton|avax|lens)(?![\w.-]|\.[a-z])/gi;

/** ENS-style names (.eth, .bnb, .sol, .crypto…), lowercase. */
export function findNames(text: string): string[] {
  if (!nameHint.test(text)) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(namePattern)) out.add(m[0].toLowerCase());
  return [...out];
}
