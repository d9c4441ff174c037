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
const strongPt = /\b(nao|voce|voces|minha|meus|tambem|obrigad[oa]|carteira|ja|esta|ate|entao|aparece|dinheiro|ajuda|saldo sumiu|cadê|cade)\b/;
const strongEs = /\b(mi|mis|tengo|ayuda|usted|ustedes|cartera|billetera|dinero|pero|tambien|gracias|aparece|hice|ahora)\b/;

/** Guesses en, es or pt from function words; the `locale` hint wins when it names one of them. */
export function detectLanguage(tokens: readonly string[], locale?: string): Language {
  const hint = locale?.toLowerCase().slice(0, 2);
  if (hint === 'en' || hint === 'es' || hint === 'pt') return hint;
  const score: Record<Language, number> = { en: 0, es: 0, pt: 0 };
  for (const t of tokens) {
    for (const lang of ['en', 'es', 'pt'] as const) if (stop[lang].has(t)) score[lang] += 1;
    if (strongPt.test(t)) score.pt += 0.5;
    if (strongEs.test(t)) score.es += 0.5;
  }
  let best: Language = 'en';
  for (const lang of ['es', 'pt'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}

/** A feature of the classifier with the word it came from (for reasons). */
export interface Feature {
  key: string;
  source: string;
}

/**
 * Features of folded text: word unigrams (`w:`), word bigrams (`b:`) and character 4-grams inside
 * words (`c:`), each once per text (presence, not counts: short tickets repeat little).
 */
export function featuresOf(tokens: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let prev: string | undefined;
  for (const t of tokens) {
    out.set(`w:${t}`, t);
    if (prev !== undefined) out.set(`b:${prev}_${t}`, `${prev} ${t}`);
    prev = t;
    if (t.length >= 5) {
      const padded = `_${t}_`;
      for (let i = 0; i + 4 <= padded.length; i++) {
        const key = `c:${padded.slice(i, i + 4)}`;
        if (!out.has(key)) out.set(key, t);
      }
    }
  }
  return out;
}
