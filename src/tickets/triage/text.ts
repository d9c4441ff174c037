import type { Language } from '../ticket.ts';

const marks = /[\u0300-\u036f]/g;

/** Lower-cases, folds accents (ç→c, ã→a), turns redaction markers, hashes and numbers into placeholder words. */
export function foldText(text: string): string {
  return text
    .replace(/\[REDACTED:([a-z_]+)\]/gi, (_m, kind: string) => ` redacted${kind.replace(/_/g, '').toLowerCase()} `)
    .toLowerCase()
    .normalize('NFD')
    .replace(marks, '')
    .replace(/\b0x[0-9a-f]{64}\b/g, ' txhash ')
    .replace(/\b0x[0-9a-f]{40}\b/g, ' evmaddress ')
    .replace(/\b[0-9a-f]{64}\b/g, ' txhash ')
    .replace(/\b(bc1|tb1)[a-z0-9]{20,}\b/g, ' btcaddress ')
    .replace(/\bt[1-9a-hj-np-z]{33}\b/gi, ' tronaddress ')
    .replace(/\b[1-9a-hj-np-z]{32,88}\b/gi, (m) => (/\d/.test(m) && /[a-z]/i.test(m) ? ' longid ' : m))
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Words of folded text (letters and digits; numbers become `num`). */
export function tokenize(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    out.push(/^\d+$/.test(w) ? 'num' : w);
  }
  return out;
}

const stop: Record<Language, Set<string>> = {
  en: new Set('the and my is it to i was not you have this what why where when with from but can for of in on are be do does did me wallet please help still just'.split(' ')),
  es: new Set('el la los las mi mis es un una que no por para con pero como donde cuando ya esta estoy tengo hice ayuda porque del al lo se me billetera cartera dinero favor hola'.split(' ')),
  pt: new Set('o a os as meu minha meus minhas e um uma que nao por para com mas como onde quando ja esta estou tenho fiz ajuda porque do da no na se me carteira dinheiro favor ola voces voce nao'.split(' ')),
};
const strongPt = new Set('nao voce voces minha meus tambem obrigado obrigada carteira ja esta ate entao aparece dinheiro ajuda sumiu cade'.split(' '));
const strongEs = new Set('mi mis tengo ayuda usted ustedes cartera billetera dinero pero tambien gracias aparece hice ahora'.split(' '));

/** Guesses en, es or pt from function words; the `locale` hint wins when it names one of them. */
export function detectLanguage(tokens: readonly string[], locale?: string): Language {
  const hint = locale?.toLowerCase().slice(0, 2);
  if (hint === 'en' || hint === 'es' || hint === 'pt') return hint;
  const score: Record<Language, number> = { en: 0, es: 0, pt: 0 };
  for (const t of tokens) {
    for (const lang of ['en', 'es', 'pt'] as const) if (stop[lang].has(t)) score[lang] += 1;
    if (strongPt.has(t)) score.pt += 0.5;
    if (strongEs.has(t)) score.es += 0.5;
  }
  let best: Language = 'en';
  for (const lang of ['es', 'pt'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}

/** Features one word contributes: its unigram (`w:`) and, for words of 5+ letters, its character 4-grams (`c:`). */
export function tokenFeatureKeys(token: string): string[] {
  const keys = [`w:${token}`];
  if (token.length >= 5) {
    const padded = `_${token}_`;
    for (let i = 0; i + 4 <= padded.length; i++) keys.push(`c:${padded.slice(i, i + 4)}`);
  }
  return keys;
}

/** A text as the classifier sees it: its distinct words, and its other features (bigrams, rules) with their source phrase (`''` for a bigram: its key says it). */
export interface Doc {
  tokens: string[];
  extra: Map<string, string>;
}

/** The phrase a feature came from, for reasons. */
export function sourceOf(key: string, source: string): string {
  return source || (key.startsWith('b:') ? key.slice(2).replace('_', ' ') : key);
}

/** Distinct words in order of appearance, and distinct word bigrams (`b:`). */
export function docOf(tokens: readonly string[]): Doc {
  const seen = new Set<string>();
  const extra = new Map<string, string>();
  let prev: string | undefined;
  for (const t of tokens) {
    seen.add(t);
    if (prev !== undefined) extra.set(`b:${prev}_${t}`, '');
    prev = t;
  }
  return { tokens: [...seen], extra };
}

/** Every feature key of a doc, with repeats (a 4-gram shared by two words counts twice), as training counts them. */
export function docFeatureKeys(doc: Doc): string[] {
  const keys: string[] = [];
  for (const t of doc.tokens) keys.push(...tokenFeatureKeys(t));
  keys.push(...doc.extra.keys());
  return keys;
}
