import { languageOf, matchLocale, locales, type LanguageCode, type Locale } from './locale.ts';

/** What `detectLanguage` found: the locale, its ticket language code, how sure, and whether the text mixes languages. */
export interface LanguageDetection {
  locale: Locale;
  language: LanguageCode;
  /** Probability-like score in [0, 1]: about 0.33 means no evidence, above 0.9 means clear. */
  confidence: number;
  /** True when a second language has substantial evidence of its own (code-switching, quoted text). */
  mixed: boolean;
  /** Evidence per locale, for reasons and debugging. */
  scores: Record<Locale, number>;
}

const words = (s: string) => s.split(' ');
// Function words and everyday support vocabulary, accent-folded; crypto and app words that users
// borrow from English (wallet, balance, pending, swap) are left out on purpose. Words that two languages share
// ("que", "no", "nada", "saldo") are listed under both and so count for neither against the other.
const lexicon: Record<Locale, Set<string>> = {
  en: new Set(words('a the and my is it to i was not you have has had this that what why where when with from but can cant for of in on are be do does did didnt doesnt dont me please help still just hi hello thanks thank after now got show shows showing im ive they there been will would an at or if any all out up your our how yet never sent received arrived arrive money funds yesterday today hours days ago back tried wrong lost again which who some its also here only because even though about than then them their')),
  es: new Set(words('a o el la los las mi mis es un una que no por para con pero como donde cuando ya esta estoy tengo hice ayuda porque del al lo se me billetera cartera dinero favor hola y muy hay tambien gracias envie llegan llega llego llegaron hace horas dias ahora todavia aun nada mucho sin sobre estan son fue puedo quiero necesito cuenta saldo red cual yo ni algo usted ustedes les le su sus desde hasta entonces aparece recibi transferencia comision monedas fondos retiro de muestra mostrar pueden poner gustaria quiero programar compre pague tarjeta ayer hoy nunca todo ningun nadie mismo envio enviar recibir direccion pesos plata reales fui veo sale salio quedo queda atascada atascado pendiente')),
  'pt-BR': new Set(words('o a os as meu minha meus minhas e um uma que nao com mas como onde quando ja estou tenho fiz ajuda porque do da dos das no na se me carteira dinheiro ola voce voces tambem obrigado obrigada ate entao sumiu cade enviei chegou chega chegaram faz horas ainda nada muito sem sobre estao esta sao foi posso quero preciso conta saldo rede qual eu nem algo seu sua seus suas desde isso isto aqui pra pro ta to ne depois hoje ontem recebi transferencia taxa moedas fundos saque comprei paguei cartao nunca tudo todo nenhum ninguem pelo pela num numa ao aos la mesmo envio enviar receber endereco reais grana de mostra mostrar por bom boa parabens pessoal adicionem coloquem agendar vejo aparece ficou fica travada travado pendente')),
};

const orthography: Array<{ re: RegExp; locale: Locale; weight: number }> = [
  { re: /ñ/g, locale: 'es', weight: 2 },
  { re: /[¿¡]/g, locale: 'es', weight: 2 },
  { re: /ci[oó]n(es)?\b/g, locale: 'es', weight: 1.5 },
  { re: /\bll[aeiou]/g, locale: 'es', weight: 1 },
  { re: /(?<!\p{L})\p{L}{2,}é(?!\p{L})/gu, locale: 'es', weight: 1 },
  { re: /[ãõ]/g, locale: 'pt-BR', weight: 2 },
  { re: /ç/g, locale: 'pt-BR', weight: 1.5 },
  { re: /ções|ção\b/g, locale: 'pt-BR', weight: 1 },
  { re: /\p{L}(nh|lh)/gu, locale: 'pt-BR', weight: 1 },
  { re: /(?<!\p{L})\p{L}{3,}ei(?!\p{L})/gu, locale: 'pt-BR', weight: 1 },
  { re: /\p{L}(n't|'m|'ve|'re|'ll)(?!\p{L})/gu, locale: 'en', weight: 1.5 },
  { re: /\p{L}{2}ing(?!\p{L})/gu, locale: 'en', weight: 0.5 },
];

const marks = /[\u0300-\u036f]/g;

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(marks, '');
}

/**
 * Detects English, Spanish or Portuguese in short and mixed support messages from function words,
 * spelling (ñ, ¿, ã, ç, -ción/-ção) and verb endings. A locale hint (the app's language) counts as
 * strong prior evidence; the text overrides it only when it clearly says otherwise.
 */
export function detectLanguage(text: string, hint?: string): LanguageDetection {
  const lower = text.toLowerCase();
  // Hashes, addresses, URLs and numbers carry no language.
  const clean = lower.replace(/https?:\/\/\S+/g, ' ').replace(/\b(0x)?[0-9a-f]{20,}\b/g, ' ').replace(/\b[1-9a-hj-np-z]{25,}\b/gi, ' ');
  const scores: Record<Locale, number> = { en: 0, es: 0, 'pt-BR': 0 };
  for (const m of fold(clean).matchAll(/[a-z]+(?:'[a-z]+)?/g)) {
    const w = m[0].replace(/'/g, '');
    const hits = locales.filter((l) => lexicon[l].has(w));
    for (const l of hits) scores[l] += 1 / hits.length;
  }
  for (const o of orthography) {
    const n = clean.match(o.re)?.length ?? 0;
    scores[o.locale] += n * o.weight;
  }
  const hinted = hint ? matchLocale(hint) : undefined;
  const evidence = { ...scores };
  if (hinted) evidence[hinted] += 3;
  const ranked = [...locales].sort((a, b) => evidence[b] - evidence[a] || locales.indexOf(a) - locales.indexOf(b));
  const best = ranked[0]!;
  const second = ranked[1]!;
  const sum = locales.reduce((s, l) => s + Math.exp(evidence[l]), 0);
  const confidence = Math.round((Math.exp(evidence[best]) / sum) * 1000) / 1000;
  const mixed = scores[second] >= 2 && scores[second] >= 0.4 * scores[best];
  return { locale: best, language: languageOf(best), confidence, mixed, scores: roundAll(scores) };
}

function roundAll(s: Record<Locale, number>): Record<Locale, number> {
  return { en: Math.round(s.en * 100) / 100, es: Math.round(s.es * 100) / 100, 'pt-BR': Math.round(s['pt-BR'] * 100) / 100 };
}
