/**
 * Text normalisation shared by the index and the queries: lower case, accents folded, tokens split
 * on anything that is not a letter or digit, and a light stemmer that treats English, Spanish and
 * Portuguese the same way (consistency between documents and queries matters more than grammar).
 */

const stopwords = new Set(
  (
    'a an and are as at be been but by do does did for from has have had he her his i if in into is it its me my of on or our she so than that the their them then there these they this to too us was we were what when where which who why will with you your yours ' +
    'al como con de del el en es esta este esto hay la las le les lo los me mi mis muy na nao ni no nos o os para pero por que se sin su sus te tu tus un una uno unos y ya yo ' +
    'ao aos as com da das do dos ele ela em eu isso me meu meus minha minhas na nas no nos num numa o os ou pela pelo pra que se sem seu sua te um uma voce ' +
    'hello hi hola ola oi please por favor obrigado gracias thanks thank help ayuda ajuda can could would should just'
  ).split(' '),
);

const suffixes = ['amente', 'mente', 'ciones', 'ations', 'acoes', 'ation', 'cion', 'coes', 'acao', 'ings', 'ing', 'ies', 'es', 'ed', 's'];

/** Lower-cases, folds accents and joins tokens like `bep-20` into `bep20`. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(bep|erc|trc|brc|spl)[-_ ]?(2|20|404|721|1155)\b/g, '$1$2');
}

/** Splits normalised text into raw tokens (letters and digits). */
export function rawTokens(text: string): string[] {
  return normalize(text).match(/[a-z0-9]+/g) ?? [];
}

const stemCache = new Map<string, string>();

/** Light suffix stripping; never shortens below three characters. */
export function stem(token: string): string {
  const hit = stemCache.get(token);
  if (hit !== undefined) return hit;
  const s = computeStem(token);
  if (stemCache.size < 200_000) stemCache.set(token, s);
  return s;
}

function computeStem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let t = token;
  for (const s of suffixes) {
    if (t.endsWith(s) && t.length - s.length >= 3) {
      t = t.slice(0, -s.length);
      break;
    }
  }
  if (t.length > 4 && /[aeo]$/.test(t)) t = t.slice(0, -1);
  return t;
}

export function isStopword(token: string): boolean {
  return stopwords.has(token);
}

/** Stems of the content words of a text, in order (stopwords removed). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const tok of rawTokens(text)) if (!stopwords.has(tok)) out.push(stem(tok));
  return out;
}

/** Stems of every token, stopwords included (for phrase matching). */
export function allStems(text: string): string[] {
  return rawTokens(text).map(stem);
}

/** Damerau-Levenshtein distance capped at `max` (returns max + 1 when further). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}
