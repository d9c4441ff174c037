import { bip39ChecksumValid } from './checksum.ts';
import { exactMask, normalizeWord, typoCandidates, typoMask, wordIndex, type WordIndex } from './wordlists.ts';

interface Token {
  start: number;
  end: number;
  word: string;
  mask: number;
}

interface Run {
  from: number; // token index, inclusive
  to: number; // token index, inclusive
  mask: number;
  typos: Set<number>;
}

const wordPattern = /[\p{L}\p{M}]+/gu;
// What may sit between two words of a pasted phrase: spaces, line breaks, list punctuation, numbering.
const gapPattern = /^[\s\d,;.:|/\\()[\]{}"'`#*•·、，。：；\-–—=>_]{0,16}$/u;
const sentenceEnd = /[.?!。]\s+\D|[?!]/u;
const contextPattern =
  /seed|phrase|mnemonic|recovery|recuperaci|recupera[çc]|backup|respaldo|semilla|semente|frase|palabras|palavras|secret (?:words|phrase)|\b(?:12|15|18|21|24)\s*(?:words|palabras|palavras|mots|parole|slov)|mots|parole|slov|助记词|助記詞|ニーモニック|復元|니모닉|복구|시드/iu;
// Everyday words that are also in the English, Spanish or Portuguese lists: prose is full of them, a random phrase is not.
const prosey = new Set(
  (
    'about above across again all also always among any around away because before behind below between can come could ' +
    'during each either else enough even every few for from have here into just keep know like long make more most much must ' +
    'near need never next now off often once one only other over own please same since some soon still such than that them ' +
    'then there they thing this three time today too two under until upon very want way what when where which while who why ' +
    'will with work would you your help thank sorry problem issue money send order phone account balance ' +
    'como para pero todo nada cuando donde mucho poco otro tiene hacer favor ayuda gracias dinero cuenta ' +
    'mais muito pouco quando onde outro fazer favor ajuda obrigado dinheiro conta'
  ).split(' '),
);

function tokenize(text: string, index: WordIndex): Token[] {
  const tokens: Token[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m; m = wordPattern.exec(text)) {
    const word = normalizeWord(m[0]);
    tokens.push({ start: m.index, end: m.index + m[0].length, word, mask: exactMask(index, word) });
  }
  return tokens;
}

function gapOk(text: string, a: Token, b: Token): boolean {
  return b.start - a.end <= 16 && gapPattern.test(text.slice(a.end, b.start));
}

function extend(text: string, tokens: Token[], index: WordIndex, run: Run, dir: 1 | -1): void {
  for (;;) {
    const edge = dir === 1 ? run.to : run.from;
    const next = edge + dir;
    const t = tokens[next];
    if (!t || !gapOk(text, dir === 1 ? tokens[edge]! : t, dir === 1 ? t : tokens[edge]!)) return;
    let m = t.mask & run.mask;
    let typo = false;
    if (!m && run.typos.size < 2 && !t.mask) {
      m = typoMask(index, t.word) & run.mask;
      typo = m !== 0;
    }
    if (!m) return;
    run.mask = m;
    if (typo) run.typos.add(next);
    if (dir === 1) run.to = next;
    else run.from = next;
  }
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/** Tries every phrase length and window, repairing up to two typos against the list; true on a valid checksum. */
function checksumConfirms(tokens: Token[], index: WordIndex, run: Run): boolean {
  for (let langs = run.mask; langs; langs &= langs - 1) {
    const lang = lowestBit(langs);
    const pos = index.position[lang]!;
    const options: number[][] = [];
    for (let i = run.from; i <= run.to; i++) {
      const t = tokens[i]!;
      const exact = pos.get(t.word) ?? pos.get(t.word.normalize('NFKD').replace(/\p{M}/gu, ''));
      options.push(exact !== undefined && !run.typos.has(i) ? [exact] : typoCandidates(index, lang, t.word));
    }
    for (const len of [24, 21, 18, 15, 12]) {
      for (let s = 0; s + len <= options.length; s++) {
        if (anyValid(options.slice(s, s + len))) return true;
      }
    }
  }
  return false;
}

function anyValid(options: number[][]): boolean {
  const choice = options.map((o) => o[0]);
  if (choice.some((c) => c === undefined)) return false;
  const open = options.map((o, i) => (o.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (open.length > 2) return false;
  const walk = (k: number): boolean => {
    if (k === open.length) return bip39ChecksumValid(choice as number[]);
    const at = open[k]!;
    for (const c of options[at]!) {
      choice[at] = c;
      if (walk(k + 1)) return true;
    }
    return false;
  };
  return walk(0);
}

function looksPasted(text: string, tokens: Token[], run: Run): boolean {
  let structured = 0;
  let punctuated = 0;
  let capitals = 0;
  let common = 0;
  for (let i = run.from; i <= run.to; i++) {
    const t = tokens[i]!;
    if (prosey.has(t.word)) common++;
    if (i > run.from) {
      const gap = text.slice(tokens[i - 1]!.end, t.start);
      if (/[\n,;|\d•、，]/u.test(gap)) structured++;
      if (sentenceEnd.test(gap)) punctuated++;
      const first = text[t.start]!;
      if (first !== first.toLowerCase() && text[t.start + 1] !== undefined && text[t.start + 1] === text[t.start + 1]!.toLowerCase()) capitals++;
    }
  }
  const gaps = run.to - run.from;
  const count = gaps + 1;
  const before = text.slice(Math.max(0, tokens[run.from]!.start - 160), tokens[run.from]!.start);
  if (contextPattern.test(before) && common <= count / 3) return true;
  if (structured * 2 >= gaps && common <= count / 4) return true;
  return punctuated === 0 && capitals <= 1 && common <= 2;
}

/** Spans of BIP-39 phrases (12–24 words from one official list, up to two typos). */
export function findSeedPhrases(text: string): Array<{ start: number; end: number }> {
  const index = wordIndex();
  const tokens = tokenize(text, index);
  const spans: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!t.mask) {
      i++;
      continue;
    }
    const run: Run = { from: i, to: i, mask: t.mask, typos: new Set() };
    // cheap pass over exact words first; typo repair only for runs long enough to matter
    while (run.to + 1 < tokens.length && tokens[run.to + 1]!.mask & run.mask && gapOk(text, tokens[run.to]!, tokens[run.to + 1]!)) {
      run.to++;
      run.mask &= tokens[run.to]!.mask;
    }
    if (run.to - run.from + 1 >= 4) {
      extend(text, tokens, index, run, 1);
      extend(text, tokens, index, run, -1);
      const count = run.to - run.from + 1;
      if (count >= 12 && count - run.typos.size >= 10 && (checksumConfirms(tokens, index, run) ? looksPlausible(text, tokens, run) : looksPasted(text, tokens, run))) {
        const last = spans[spans.length - 1];
        const start = tokens[run.from]!.start;
        const end = tokens[run.to]!.end;
        if (last && start <= last.end) last.end = Math.max(last.end, end);
        else spans.push({ start, end });
      }
    }
    i = Math.max(i + 1, run.to + 1);
  }
  return spans;
}

// A valid 12-word checksum is 1 in 16 by chance: still refuse obvious prose.
function looksPlausible(text: string, tokens: Token[], run: Run): boolean {
  let common = 0;
  for (let i = run.from; i <= run.to; i++) if (prosey.has(tokens[i]!.word)) common++;
  const count = run.to - run.from + 1;
  return common <= Math.max(3, count / 4) || looksPasted(text, tokens, run);
}
