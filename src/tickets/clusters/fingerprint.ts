import type { TriageEntities } from '../ticket.ts';

const permutations = 64;
const seeds = (() => {
  const out = new Uint32Array(permutations);
  let s = 0x9e3779b9;
  for (let i = 0; i < permutations; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s;
  }
  return out;
})();

const stopWords = new Set(
  (
    'the and my is it to i was not you have this what why where when with from but can for of in on are be do does did me please help still just a an im ive its that ' +
    'el la los las mi mis es un una que no por para con pero como donde cuando ya esta estoy tengo hice ayuda porque del al lo se me hola favor y en de ' +
    'o a os as meu minha meus minhas e um uma nao com mas onde quando ja estou tenho fiz do da no na ola voce voces em'
  ).split(' '),
);

/** Lower-cased, accent-folded words of a redacted text (ç→c, ã→a), without hashes, addresses, links, redaction markers or stop words. */
export function foldWords(text: string): string[] {
  const folded = text
    .replace(/\[REDACTED:[a-z_]+\]/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b0x[0-9a-f]{6,}\b/g, ' ')
    .replace(/\b[0-9a-z]{25,}\b/g, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
  const words: string[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+(?:\.[0-9]+)*/g)) {
    const w = m[0];
    if (stopWords.has(w)) continue;
    // A 6-letter prefix lets inflections share a shingle ("failing"/"failed" no, "pendiente"/"pendientes" yes).
    words.push(/^\d/.test(w) ? w : w.slice(0, 6));
  }
  return words;
}

/** Word unigrams and bigrams of the folded text: the set near-duplicate detection compares. */
export function shingles(text: string): Set<string> {
  const words = foldWords(text);
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash signature (64 values) of a shingle set; empty for an empty set. */
export function minHash(set: ReadonlySet<string>): number[] {
  if (!set.size) return [];
  const sig = new Array<number>(permutations).fill(0xffffffff);
  for (const s of set) {
    const h = hash32(s);
    for (let i = 0; i < permutations; i++) {
      const v = mix(h ^ seeds[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two sets behind two MinHash signatures (0 when either is empty). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

const bands = 32;
const rowsPerBand = permutations / bands;

/** Locality-sensitive lookup keys of a MinHash: texts with Jaccard ≥ 0.5 share one with probability ≈ 0.9999. */
export function lshKeys(sig: readonly number[]): string[] {
  if (sig.length !== permutations) return [];
  const out: string[] = [];
  for (let b = 0; b < bands; b++) out.push(`lsh:${b}:${sig.slice(b * rowsPerBand, (b + 1) * rowsPerBand).map((v) => v.toString(36)).join('.')}`);
  return out;
}

/** Major.minor of an app version ("9.2.1" → "9.2"), so patch releases of one build share a signature. */
export function versionLine(version: string | undefined | null): string | null {
  const m = version?.match(/\d+(?:\.\d+)?/);
  return m ? m[0] : null;
}

export interface ClusterKeys {
  txHashes: string[];
  addresses: string[];
  chains: string[];
  tokens: string[];
  appVersion: string | null;
  platform: string | null;
}

const normalizeHex = (v: string) => (/^0x[0-9a-f]+$/i.test(v) ? v.toLowerCase() : v);

/** The exact-match keys of a ticket: tx hashes, addresses, chains, tokens, app version line, platform. */
export function clusterKeys(entities: TriageEntities, chains: readonly string[]): ClusterKeys {
  return {
    txHashes: [...new Set(entities.txHashes.map((t) => normalizeHex(t.value)))].sort(),
    addresses: [...new Set(entities.addresses.map((a) => normalizeHex(a.value)))].sort(),
    chains: [...new Set(chains)].sort(),
    tokens: [...new Set(entities.tokens.map((t) => t.toUpperCase()))].sort(),
    appVersion: versionLine(entities.appVersion),
    platform: entities.platform?.toLowerCase() ?? null,
  };
}

/** "category|chain|token|version": tickets with the same symptom on the same build; null without a chain or app version. */
export function signatureOf(category: string, keys: ClusterKeys): string | null {
  if (!keys.chains.length || !keys.appVersion) return null;
  return [category, keys.chains.join(','), keys.tokens.join(',') || '-', keys.platform ?? '-', keys.appVersion].join('|');
}

/** A cluster title from triage fields only (never a requester's words): "swap_or_bridge_failure · polygon · USDT · android 9.2". */
export function clusterTitle(category: string, keys: ClusterKeys): string {
  const build = [keys.platform, keys.appVersion].filter(Boolean).join(' ');
  return [category, keys.chains.join(', '), keys.tokens.join(', '), build].filter(Boolean).join(' · ');
}
