import { buildSynonymTable, type SynonymTable } from './synonyms.ts';
import { editDistance, isStopword, rawTokens, stem } from './text.ts';

/** What the index needs from an article. */
export interface IndexDoc {
  key: string;
  title: string;
  tags: readonly string[];
  body: string;
  chains: readonly string[];
  findingCodes: readonly string[];
  languages: readonly string[];
  audience?: string;
}

export interface IndexQueryOptions {
  chains?: readonly string[];
  findingCodes?: readonly string[];
  locale?: string;
  limit?: number;
  /** Only documents with this audience. */
  audience?: string;
}

export interface IndexHit {
  key: string;
  /** Relevance in [0, 1), monotone in the raw score. */
  score: number;
  raw: number;
  why: string[];
}

interface Field {
  name: 'title' | 'tags' | 'body';
  weight: number;
  b: number;
}

const fields: readonly Field[] = [
  { name: 'title', weight: 3, b: 0.5 },
  { name: 'tags', weight: 2.5, b: 0.3 },
  { name: 'body', weight: 1, b: 0.75 },
];
const k1 = 1.2;
const synonymWeight = 0.5;
const fuzzyWeight = 0.8;

interface Posting {
  docs: Int32Array;
  tf: Float32Array;
  mask: Uint8Array;
}

interface Concept {
  label: string;
  stems: Map<string, number>;
  via: Map<string, string>;
}

let sharedSynonyms: SynonymTable | undefined;

/**
 * An in-memory BM25F index over title, tags and body. Term frequencies are length-normalised per
 * field and weighted at build time, so a query only sums precomputed numbers. Synonyms of a query
 * word form one concept whose frequencies are summed before saturation (a synonym does not count as
 * a second independent match). Rebuilt whole on change: building is linear in the corpus size.
 */
export class SearchIndex {
  readonly size: number;
  private readonly docs: readonly IndexDoc[];
  private readonly postings = new Map<string, Posting>();
  private readonly deletions = new Map<string, string[]>();
  private readonly synonyms: SynonymTable;
  private readonly acc: Float64Array;
  private readonly pseudo: Float64Array;
  private readonly boost: Float64Array;
  private readonly flags: Uint8Array;
  private readonly codeDocs = new Map<string, number[]>();
  private readonly wildcardDocs = new Map<string, number[]>();
  private readonly familyDocs = new Map<string, number[]>();
  private readonly chainDocs = new Map<string, number[]>();
  private readonly localeDocs = new Map<string, number[]>();
  private readonly hasChains: Uint8Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly IndexDoc[]) {
    this.docs = docs;
    this.size = docs.length;
    this.synonyms = sharedSynonyms ??= buildSynonymTable();
    this.acc = new Float64Array(docs.length);
    this.pseudo = new Float64Array(docs.length);
    this.boost = new Float64Array(docs.length);
    this.flags = new Uint8Array(docs.length);
    this.hasChains = new Uint8Array(docs.length);
    this.touched = new Int32Array(docs.length);
    this.build();
  }

  private build(): void {
    const perField = this.docs.map((d) => [d.title, [...d.tags].join(' . '), d.body].map(contentStems));
    const avg = fields.map((_, f) => perField.reduce((s, p) => s + p[f]!.length, 0) / Math.max(1, perField.length) || 1);
    const tmp = new Map<string, { docs: number[]; tf: number[]; mask: number[] }>();
    perField.forEach((p, docIdx) => {
      const local = new Map<string, { tf: number; mask: number }>();
      fields.forEach((field, f) => {
        const stems = p[f]!;
        const norm = 1 - field.b + (field.b * stems.length) / avg[f]!;
        const counts = new Map<string, number>();
        for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
        for (const [s, c] of counts) {
          const e = local.get(s) ?? { tf: 0, mask: 0 };
          e.tf += (field.weight * c) / norm;
          e.mask |= 1 << f;
          local.set(s, e);
        }
      });
      for (const [s, e] of local) {
        let t = tmp.get(s);
        if (!t) tmp.set(s, (t = { docs: [], tf: [], mask: [] }));
        t.docs.push(docIdx);
        t.tf.push(e.tf);
        t.mask.push(e.mask);
      }
    });
    const add = (m: Map<string, number[]>, key: string, d: number) => {
      const list = m.get(key);
      if (!list) m.set(key, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    };
    this.docs.forEach((doc, d) => {
      for (const code of doc.findingCodes) {
        if (code.endsWith('*')) add(this.wildcardDocs, code.slice(0, -1), d);
        else add(this.codeDocs, code, d);
        const parts = code.split('.');
        if (parts.length >= 2 && !parts[1]!.includes('*')) add(this.familyDocs, `${parts[0]}.${parts[1]}`, d);
      }
      for (const c of doc.chains) add(this.chainDocs, c, d);
      if (doc.chains.length) this.hasChains[d] = 1;
      for (const l of new Set(doc.languages.map(normalizeLocale))) add(this.localeDocs, l, d);
    });
    for (const [s, t] of tmp) this.postings.set(s, { docs: Int32Array.from(t.docs), tf: Float32Array.from(t.tf), mask: Uint8Array.from(t.mask) });
    const vocab = new Set<string>([...this.postings.keys(), ...this.synonyms.byStem.keys()]);
    for (const term of vocab) {
      if (term.length < 5) continue;
      for (const d of deletes(term)) {
        const list = this.deletions.get(d);
        if (list) list.push(term);
        else this.deletions.set(d, [term]);
      }
    }
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Splits a query into concepts: each word with its synonyms, phrases, and fuzzy corrections. */
  concepts(query: string): Concept[] {
    const raw = rawTokens(query);
    const stems = raw.map(stem);
    const concepts: Concept[] = [];
    const groupSeen = new Set<number>();
    const addGroup = (label: string, ids: readonly number[], concept: Concept) => {
      for (const id of ids) {
        groupSeen.add(id);
        for (const m of this.synonyms.members[id] ?? []) {
          if (!concept.stems.has(m)) {
            concept.stems.set(m, synonymWeight);
            concept.via.set(m, label);
          }
        }
      }
    };
    for (let n = this.synonyms.maxPhrase; n >= 2; n--) {
      for (let i = 0; i + n <= stems.length; i++) {
        const ids = this.synonyms.byPhrase.get(stems.slice(i, i + n).join(' '));
        if (!ids || ids.every((id) => groupSeen.has(id))) continue;
        const label = raw.slice(i, i + n).join(' ');
        const concept: Concept = { label, stems: new Map(), via: new Map() };
        addGroup(label, ids.filter((id) => !groupSeen.has(id)), concept);
        concepts.push(concept);
      }
    }
    const seenStems = new Set<string>();
    raw.forEach((tok, i) => {
      const s = stems[i]!;
      if (isStopword(tok) || seenStems.has(s) || tok.length < 2) return;
      seenStems.add(s);
      const groups = this.synonyms.byStem.get(s) ?? [];
      const fresh = groups.filter((id) => !groupSeen.has(id));
      if (groups.length && !fresh.length && !this.postings.has(s)) return;
      const concept: Concept = { label: tok, stems: new Map([[s, 1]]), via: new Map() };
      if (fresh.length) addGroup(tok, fresh, concept);
      else if (!groups.length && !this.postings.has(s) && s.length >= 5) {
        for (const fix of this.fuzzy(s)) {
          concept.stems.set(fix, fuzzyWeight);
          concept.via.set(fix, `${tok}~`);
          const ids = (this.synonyms.byStem.get(fix) ?? []).filter((id) => !groupSeen.has(id));
          if (ids.length) addGroup(tok, ids, concept);
        }
      }
      concepts.push(concept);
    });
    return concepts;
  }

  private fuzzy(term: string): string[] {
    const out = new Set<string>();
    const consider = (cand: string) => {
      if (cand !== term && editDistance(cand, term, 1) <= 1) out.add(cand);
    };
    for (const c of this.deletions.get(term) ?? []) consider(c);
    for (const d of deletes(term)) {
      if (this.postings.has(d) || this.synonyms.byStem.has(d)) consider(d);
      for (const c of this.deletions.get(d) ?? []) consider(c);
    }
    return [...out].slice(0, 4);
  }

  /** Ranks documents for a query, boosted by finding codes, chains and locale; best first. */
  search(query: string, options: IndexQueryOptions = {}): IndexHit[] {
    const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
    const concepts = this.concepts(query);
    const acc = this.acc;
    const pseudo = this.pseudo;
    acc.fill(0);
    const touched = this.touched;
    for (const concept of concepts) {
      let nTouched = 0;
      let idfOrig = 0;
      let idfSum = 0;
      let idfN = 0;
      for (const [term, w] of concept.stems) {
        const p = this.postings.get(term);
        if (!p) continue;
        const idf = this.idf(term);
        if (w === 1) idfOrig = idf;
        idfSum += idf;
        idfN++;
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i]!;
          if (pseudo[d] === 0) touched[nTouched++] = d;
          pseudo[d] = pseudo[d]! + w * p.tf[i]!;
        }
      }
      if (!idfN) continue;
      const idf = idfOrig || idfSum / idfN;
      for (let i = 0; i < nTouched; i++) {
        const d = touched[i]!;
        const tf = pseudo[d]!;
        acc[d] = acc[d]! + (idf * tf * (k1 + 1)) / (tf + k1);
        pseudo[d] = 0;
      }
    }
    const codes = options.findingCodes ?? [];
    const chains = new Set(options.chains ?? []);
    const locale = options.locale ? normalizeLocale(options.locale) : undefined;
    const boost = this.boost;
    const flags = this.flags;
    boost.fill(0);
    flags.fill(0);
    for (const code of codes) this.addCodeBoost(code);
    for (const c of chains) for (const d of this.chainDocs.get(c) ?? []) flags[d] = flags[d]! | 1;
    if (locale) for (const d of this.localeDocs.get(locale) ?? []) flags[d] = flags[d]! | 2;
    const heap: Array<{ d: number; s: number }> = [];
    for (let d = 0; d < this.size; d++) {
      let s = acc[d]! + 6 * boost[d]!;
      if (s <= 0) continue;
      if (options.audience && this.docs[d]!.audience !== options.audience) continue;
      const f = flags[d]!;
      if (chains.size && this.hasChains[d]) s *= f & 1 ? 1.15 : 0.85;
      if (f & 2) s *= 1.05;
      if (heap.length < limit) {
        heap.push({ d, s });
        if (heap.length === limit) heap.sort((a, b) => a.s - b.s);
      } else if (s > heap[0]!.s) {
        heap[0] = { d, s };
        heap.sort((a, b) => a.s - b.s);
      }
    }
    heap.sort((a, b) => b.s - a.s || this.docs[a.d]!.key.localeCompare(this.docs[b.d]!.key));
    return heap.map(({ d, s }) => ({ key: this.docs[d]!.key, raw: s, score: Math.round((1 - Math.exp(-s / 10)) * 1000) / 1000, why: this.explain(d, concepts, codes, chains, locale) }));
  }

  /** Adds, per document, the best match of one query code: exact 1, wildcard 0.7, same family and phase 0.4. */
  private addCodeBoost(code: string): void {
    const best = this.pseudo;
    const touched: number[] = [];
    const mark = (docs: readonly number[] | undefined, v: number) => {
      for (const d of docs ?? []) {
        if (best[d] === 0) touched.push(d);
        if (v > best[d]!) best[d] = v;
      }
    };
    mark(this.codeDocs.get(code), 1);
    for (const [prefix, docs] of this.wildcardDocs) if (code.startsWith(prefix)) mark(docs, 0.7);
    const parts = code.split('.');
    if (parts.length >= 2) mark(this.familyDocs.get(`${parts[0]}.${parts[1]}`), 0.4);
    for (const d of touched) {
      this.boost[d] = this.boost[d]! + best[d]!;
      best[d] = 0;
    }
  }

  private explain(d: number, concepts: readonly Concept[], codes: readonly string[], chains: ReadonlySet<string>, locale: string | undefined): string[] {
    const why: string[] = [];
    for (const concept of concepts) {
      let mask = 0;
      const vias = new Set<string>();
      for (const term of concept.stems.keys()) {
        const p = this.postings.get(term);
        if (!p) continue;
        const i = binarySearch(p.docs, d);
        if (i < 0) continue;
        mask |= p.mask[i]!;
        const via = concept.via.get(term);
        if (via !== undefined) vias.add(via.endsWith('~') ? `fuzzy ${term}` : `synonym ${term}`);
      }
      if (!mask) continue;
      const where = fields.filter((_, f) => mask & (1 << f)).map((f) => f.name).join('+');
      why.push(`"${concept.label}" in ${where}${vias.size ? ` (${[...vias].slice(0, 2).join(', ')})` : ''}`);
    }
    const doc = this.docs[d]!;
    for (const code of codes) {
      const m = doc.findingCodes.find((c) => codeMatch(c, code) > 0);
      if (m) why.push(`finding code ${code}${m === code ? '' : ` ~ ${m}`}`);
    }
    const chainHits = doc.chains.filter((c) => chains.has(c));
    if (chainHits.length) why.push(`chain ${chainHits.join(', ')}`);
    if (locale && doc.languages.some((l) => normalizeLocale(l) === locale)) why.push(`has ${locale} reply`);
    return why;
  }
}

function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const tok of rawTokens(text)) if (!isStopword(tok)) out.push(stem(tok));
  return out;
}

function deletes(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function binarySearch(arr: Int32Array, v: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = arr[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** 1 exact, 0.7 wildcard (`btc.*`, `evm.pending.*`), 0.4 same family and phase, else 0. */
export function codeMatch(articleCode: string, queryCode: string): number {
  if (articleCode === queryCode) return 1;
  if (articleCode.endsWith('*') && queryCode.startsWith(articleCode.slice(0, -1))) return 0.7;
  const a = articleCode.split('.');
  const q = queryCode.split('.');
  if (a.length >= 2 && q.length >= 2 && a[0] === q[0] && a[1] === q[1]) return 0.4;
  return 0;
}


/** `pt`, `pt_br`, `PT-BR` → `pt-br`; `es-MX` → `es`. */
export function normalizeLocale(locale: string): string {
  const l = locale.toLowerCase().replace('_', '-');
  if (l.startsWith('pt')) return 'pt-br';
  return l.split('-')[0] ?? l;
}

