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

// What may sit between two words of a pasted phrase: spaces, line breaks, list punctuation, numbering.
const gapPattern = /^[\s\d,;.:|/\\()[\]{}"'`#*•·、，。：；\-–—=>_]{0,16}$/u;
const sentenceEnd = /[.?!。]\s+\D|[?!]/u;
const contextPattern =
  /seed|import|restor|recover|phrase|mnemonic|recovery|recuperaci|recupera[çc]|backup|respaldo|semilla|semente|frase|palabras|palavras|secret (?:words|phrase)|\b(?:12|15|18|21|24)\s*(?:words|palabras|palavras|mots|parole|slov)|mots|parole|slov|助记词|助記詞|ニーモニック|復元|니모닉|복구|시드/iu;
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

const letter = /[\p{L}\p{M}]/u;

// A hand-written scan (ASCII fast path) instead of a regex: this runs on every ticket.
function tokenize(text: string, index: WordIndex): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  const lowered = text.toLowerCase();
  const lower = lowered.length === n ? lowered : undefined; // offsets survive lowercasing almost always
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 65 || (c > 90 && c < 97) || (c > 122 && c < 128) || (c >= 128 && !letter.test(text[i]!))) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) continue;
      if (d >= 128 && letter.test(text[i]!)) {
        ascii = false;
        continue;
      }
      break;
    }
    if (i - start < 3 && ascii) {
      tokens.push({ start, end: i, word: '', mask: 0 }); // no list word is that short in Latin script
      continue;
    }
    const word = lower && ascii ? lower.slice(start, i) : normalizeWord(text.slice(start, i));
    tokens.push({ start, end: i, word, mask: exactMask(index, word) });
  }
  return tokens;
}

function gapOk(text: string, a: Token, b: Token): boolean {
  return b.start - a.end <= 16 && gapPattern.test(text.slice(a.end, b.start));
}

// A misspelt word may land on a word of another list ("poder" for "power"), so only the run's languages matter.
function typoFits(index: WordIndex, t: Token, mask: number, allowShort = false): number {
  return t.mask & mask ? 0 : typoMask(index, t.word, allowShort) & mask;
}

const phraseLengths = new Set([12, 15, 18, 21, 24]);

// Grows a run over list words; a misspelt word joins inside the run only when a list word follows it,
// so a word after the phrase cannot use up the typo budget. `edge` then admits one more at each end.
function extend(text: string, tokens: Token[], index: WordIndex, run: Run, dir: 1 | -1, edge: boolean): void {
  const adjacent = (a: number, b: number) => {
    const x = tokens[Math.min(a, b)];
    const y = tokens[Math.max(a, b)];
    return x !== undefined && y !== undefined && gapOk(text, x, y);
  };
  // a list word follows (possibly after one more misspelt word, when the budget allows two)
  const followedByWord = (from: number, mask: number): boolean => {
    const a = tokens[from + dir];
    if (!a || !adjacent(from, from + dir)) return false;
    if (a.mask & mask) return true;
    if (run.typos.size > 0) return false;
    const m2 = typoFits(index, a, mask);
    const b = tokens[from + 2 * dir];
    return m2 !== 0 && b !== undefined && (b.mask & m2) !== 0 && adjacent(from + dir, from + 2 * dir);
  };
  let edgeTypos = 0;
  for (;;) {
    const at = dir === 1 ? run.to : run.from;
    const next = at + dir;
    const t = tokens[next];
    if (!t || !adjacent(at, next)) return;
    // "words: abandon …": a misspelt-looking word before a colon is the label, not part of the phrase
    if (edge && !(t.mask & run.mask) && text.slice(Math.min(tokens[at]!.end, t.end), Math.max(tokens[at]!.start, t.start)).includes(':')) return;
    let m = t.mask & run.mask;
    let typo = false;
    if (!m && (edge || run.typos.size < 2)) {
      // at the ends, a typo that turns into a short everyday word ("was" for "wash") counts only to complete a phrase length
      m = typoFits(index, t, run.mask, edge && !phraseLengths.has(run.to - run.from + 1));
      if (m && !edge && !followedByWord(next, m)) m = 0;
      typo = m !== 0;
    }
    if (!m) return;
    run.mask = m;
    if (typo) run.typos.add(next);
    if (dir === 1) run.to = next;
    else run.from = next;
    if (edge && typo && ++edgeTypos === 2) return;
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
  let common = 0;
  for (let i = run.from; i <= run.to; i++) {
    const t = tokens[i]!;
    if (prosey.has(t.word)) common++;
    if (i > run.from) {
      const gap = text.slice(tokens[i - 1]!.end, t.start);
      if (/[\n,;|\d•、，]/u.test(gap)) structured++;
      if (sentenceEnd.test(gap)) punctuated++;
    }
  }
  const gaps = run.to - run.from;
  const count = gaps + 1;
  const before = text.slice(Math.max(0, tokens[run.from]!.start - 160), tokens[run.from]!.start);
  if (contextPattern.test(before) && common <= count / 3) return true;
  if (structured * 2 >= gaps && common <= count / 4) return true;
  return punctuated === 0 && common <= 2;
}

/** Spans of BIP-39 phrases (12–24 words from one official list, up to two typos). */
export function findSeedPhrases(text: string): Array<{ start: number; end: number }> {
  const index = wordIndex();
  const tokens = tokenize(text, index);
  const spans: Array<{ start: number; end: number }> = [];
  let listWords = 0;
  for (const t of tokens) if (t.mask) listWords++;
  if (listWords < 8) return spans; // a phrase needs at least 8 exact words (12 with up to 4 misspelt)
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
      extend(text, tokens, index, run, 1, false);
      extend(text, tokens, index, run, -1, false);
      if (run.to - run.from + 1 >= 10) {
        extend(text, tokens, index, run, 1, true);
        extend(text, tokens, index, run, -1, true);
      }
      const count = run.to - run.from + 1;
      if (count >= 12 && count - run.typos.size >= Math.min(10, count - 4) && isPhrase(text, tokens, index, run)) {
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

// A valid 12-word checksum is 1 in 16 by chance: still refuse obvious prose. A run pasted like a
// phrase qualifies with or without a checksum, so the (costlier) checksum is tried only otherwise.
function isPhrase(text: string, tokens: Token[], index: WordIndex, run: Run): boolean {
  if (looksPasted(text, tokens, run)) return true;
  let common = 0;
  for (let i = run.from; i <= run.to; i++) if (prosey.has(tokens[i]!.word)) common++;
  const count = run.to - run.from + 1;
  return common <= Math.max(3, count / 4) && checksumConfirms(tokens, index, run);
}
