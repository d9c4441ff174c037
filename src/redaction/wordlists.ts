import { wordlist as czech } from '@scure/bip39/wordlists/czech.js';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';
import { wordlist as italian } from '@scure/bip39/wordlists/italian.js';
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js';
import { wordlist as korean } from '@scure/bip39/wordlists/korean.js';
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js';
import { wordlist as simplifiedChinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { wordlist as traditionalChinese } from '@scure/bip39/wordlists/traditional-chinese.js';

/** The official BIP-39 word lists, in a fixed order (a word's languages are a bitmask over it). */
export const bip39Languages = [
  ['english', english],
  ['spanish', spanish],
  ['portuguese', portuguese],
  ['french', french],
  ['italian', italian],
  ['czech', czech],
  ['japanese', japanese],
  ['korean', korean],
  ['simplified-chinese', simplifiedChinese],
  ['traditional-chinese', traditionalChinese],
] as const satisfies ReadonlyArray<readonly [string, readonly string[]]>;

export type Bip39Language = (typeof bip39Languages)[number][0];

/** Latin-script lists, where users often drop accents ("abaco" for "ábaco"). */
const latinMask = 0b111111;

export interface WordIndex {
  /** normalized word -> bitmask of languages containing it */
  mask: Map<string, number>;
  /** per language: normalized word -> index in the list (for the checksum) */
  position: Array<Map<string, number>>;
  /** single-deletion variants of Latin-list words -> bitmask of languages (typo lookup) */
  deletions: Map<string, number>;
  /** longest normalized word of any list */
  maxLength: number;
}

const asciiLower = /^[a-z]+$/;
// Short everyday words that sit one letter away from a list word: never read them as typos.
const stopwords = new Set('the and for are was not but its has had did got via per our out who why how too yes off she him her his they them then than that this with from have your you can will would could'.split(' '));

/** Lowercases, composes to NFKD (the lists' form) and, for Latin letters, drops accents. */
export function normalizeWord(token: string): string {
  const lower = token.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 97 || c > 122) return lower.normalize('NFKD');
  }
  return lower;
}

export function stripMarks(word: string): string {
  return word.replace(/\p{M}/gu, '');
}

let cached: WordIndex | undefined;

/** Builds (once) the lookup tables over every list. */
export function wordIndex(): WordIndex {
  if (cached) return cached;
  const mask = new Map<string, number>();
  const position: Array<Map<string, number>> = [];
  const deletions = new Map<string, number>();
  bip39Languages.forEach(([, list], lang) => {
    const bit = 1 << lang;
    const pos = new Map<string, number>();
    list.forEach((raw, i) => {
      const word = raw.normalize('NFKD');
      const keys = bit & latinMask ? new Set([word, stripMarks(word)]) : new Set([word]);
      for (const key of keys) {
        pos.set(key, i);
        mask.set(key, (mask.get(key) ?? 0) | bit);
        if (bit & latinMask && key.length >= 3) {
          for (let d = 0; d < key.length; d++) {
            const del = key.slice(0, d) + key.slice(d + 1);
            deletions.set(del, (deletions.get(del) ?? 0) | bit);
          }
        }
      }
    });
    position.push(pos);
  });
  let maxLength = 0;
  for (const key of mask.keys()) maxLength = Math.max(maxLength, key.length);
  cached = { mask, position, deletions, maxLength };
  return cached;
}

/** Languages (bitmask) whose list holds `word`. */
export function exactMask(index: WordIndex, word: string): number {
  // every Latin list word has 3+ letters; CJK lists have one- and two-character words
  if ((word.length < 3 && word.charCodeAt(0) < 0x1100) || word.length > index.maxLength) return 0;
  const m = index.mask.get(word);
  if (m !== undefined) return m;
  if (word.length > 2 && !asciiLower.test(word)) return index.mask.get(stripMarks(word)) ?? 0;
  return 0;
}

/**
 * Languages (bitmask) having a word at edit distance 1 from `word` (substitution, insertion,
 * deletion or a swap of neighbours), for Latin-script lists and words of 4+ letters.
 */
export function typoMask(index: WordIndex, word: string, allowStopword = false): number {
  const w = stripMarks(word);
  if (w.length < 3 || w.length > 10 || (stopwords.has(w) && !allowStopword)) return 0;
  let m = index.mask.get(w) ?? 0;
  m |= index.deletions.get(w) ?? 0; // w misses a letter
  for (let d = 0; d < w.length; d++) {
    const del = w.slice(0, d) + w.slice(d + 1);
    m |= index.mask.get(del) ?? 0; // w has an extra letter
    m |= index.deletions.get(del) ?? 0; // one letter differs (or two are swapped)
  }
  return m & latinMask;
}

/** Candidate list words at edit distance 1 from `word` in language `lang` (for checksum repair). */
export function typoCandidates(index: WordIndex, lang: number, word: string): number[] {
  const w = stripMarks(word);
  const pos = index.position[lang];
  if (!pos) return [];
  const out = new Set<number>();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  const tryWord = (c: string) => {
    const i = pos.get(c);
    if (i !== undefined) out.add(i);
  };
  for (let d = 0; d <= w.length; d++) {
    if (d < w.length) tryWord(w.slice(0, d) + w.slice(d + 1));
    for (const ch of alphabet) {
      tryWord(w.slice(0, d) + ch + w.slice(d));
      if (d < w.length) tryWord(w.slice(0, d) + ch + w.slice(d + 1));
    }
    if (d + 1 < w.length) tryWord(w.slice(0, d) + w[d + 1] + w[d] + w.slice(d + 2));
  }
  return [...out];
}
