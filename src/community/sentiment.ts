import { fold } from './lexicon.ts';

// A small hand-made lexicon (en/es/pt), stems matched at a word start; weights 1 (mild) to 3 (strong).
const positive: Record<string, number> = {
  thank: 2, thanks: 2, gracias: 2, obrigad: 2, love: 3, amo: 3, encanta: 3, great: 2, excellent: 3, excelente: 3, awesome: 3, best: 2, mejor: 2, melhor: 2,
  good: 1, bueno: 1, buena: 1, bom: 1, boa: 1, nice: 1, easy: 1, facil: 1, fast: 1, rapido: 1, rapida: 1, works: 1, funciona: 1, solved: 2, resolved: 2, resuelto: 2, resolvido: 2, fixed: 2, perfect: 3, perfecto: 3, perfeito: 3, happy: 2, feliz: 2, recommend: 2, recomiendo: 2, recomendo: 2,
};
const negative: Record<string, number> = {
  scam: 3, estafa: 3, golpe: 3, fraud: 3, fraude: 3, stole: 3, stolen: 3, robaron: 3, roubaram: 3, lost: 2, perdi: 2, terrible: 3, horrible: 3, horrivel: 3, worst: 3, peor: 3, pior: 3,
  bad: 2, malo: 2, mala: 2, ruim: 2, pessimo: 3, pesimo: 3, useless: 3, inutil: 3, angry: 2, frustrat: 2, annoying: 2, hate: 3, odio: 3, disappoint: 2, decepcion: 2, decepcao: 2,
  fail: 2, error: 1, erro: 1, broken: 2, crash: 2, stuck: 2, missing: 2, slow: 1, lento: 1, lenta: 1, bug: 1, problem: 1, problema: 1, issue: 1, never: 1, nunca: 1, help: 1, ayuda: 1, ajuda: 1, urgent: 2, urgente: 2, desaparec: 2, sumiu: 2, fallo: 2, fallid: 2, falhou: 2, falha: 2, trava: 2, travou: 2, congel: 2, cierra: 1, atascad: 2, travad: 2, pendiente: 1, pendente: 1,
};
const negators = new Set(['not', 'no', 'nao', 'never', 'nunca', "don't", "doesn't", "didn't", 'isnt', "isn't", 'nem', 'ni', 'sin', 'sem', 'without']);

function weightOf(word: string, table: Record<string, number>): number {
  for (let len = word.length; len >= 3; len--) {
    const w = table[word.slice(0, len)];
    if (w !== undefined) return w;
  }
  return 0;
}

/**
 * Lexicon score in [-1, 1]: (positive − negative weight) / (positive + negative weight), with a
 * word's polarity flipped when one of the two words before it is a negator ("not good", "no funciona"),
 * and damped towards 0 when little evidence was found (total weight below 3). A store rating (1–5)
 * counts as one more strong word. 0 means neutral or unknown.
 */
export function sentimentOf(text: string, rating?: number): number {
  const words = fold(text).match(/[a-z']+/g) ?? [];
  let pos = 0;
  let neg = 0;
  words.forEach((word, i) => {
    const p = weightOf(word, positive);
    const n = p ? 0 : weightOf(word, negative);
    if (!p && !n) return;
    const negated = negators.has(words[i - 1] ?? '') || negators.has(words[i - 2] ?? '');
    if (p && negated) neg += p;
    else if (p) pos += p;
    else if (negated) pos += n / 2;
    else neg += n;
  });
  if (rating !== undefined && rating >= 1 && rating <= 5) {
    if (rating >= 4) pos += (rating - 3) * 1.5;
    if (rating <= 2) neg += (3 - rating) * 1.5;
  }
  const total = pos + neg;
  if (!total) return 0;
  const score = ((pos - neg) / total) * Math.min(1, total / 3);
  return Math.round(score * 1000) / 1000;
}
