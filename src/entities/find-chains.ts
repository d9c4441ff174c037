import type { ChainRegistry } from '../chains/index.ts';
import { weakAliases } from './vocabulary.ts';
import type { Word } from './words.ts';

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu;
const chainWords = new Set(['network', 'chain', 'red', 'rede', 'mainnet', 'blockchain', 'netzwerk', 'réseau']);

/**
 * Chains named in the text (registry names, nicknames, misspellings, token standards), in order
 * of first mention, plus those implied by explorer URLs. A chain known only through its coin's
 * symbol ("ETH") is dropped when another named chain uses the same coin ("ETH on Arbitrum").
 */
export function findChains(registry: ChainRegistry, firstWords: ReadonlySet<string>, text: string, all: readonly Word[], fromUrls: ReadonlyArray<{ slug: string; start: number; end: number }>): string[] {
  const words = fromUrls.length ? all.filter((w) => !fromUrls.some((u) => w.start >= u.start && w.start < u.end)) : all;
  const hits: Array<{ slug: string; at: number }> = fromUrls.map((u) => ({ slug: u.slug, at: u.start }));
  const bySymbolOnly = new Set<string>();
  const named = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (!firstWords.has(words[i]!.lower)) continue;
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const phrase = words.slice(i, i + n).map((w) => w.lower).join(' ');
      const chains = registry.findByAlias(phrase);
      if (!chains.length) continue;
      if (weakAliases.has(phrase) && !strongMention(text, words, i, n)) continue;
      for (const c of chains) {
        if (c.testnet) continue;
        if (phrase === c.nativeSymbol.toLowerCase()) {
          if (!named.has(c.slug)) bySymbolOnly.add(c.slug);
        } else {
          named.add(c.slug);
          bySymbolOnly.delete(c.slug);
        }
        hits.push({ slug: c.slug, at: words[i]!.start });
      }
      i += n - 1;
      break;
    }
  }
  for (const { slug } of fromUrls) {
    named.add(slug);
    bySymbolOnly.delete(slug);
  }
  const found = [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => h.slug))];
  const namedSymbols = new Set([...named].map((s) => registry.find(s)?.nativeSymbol));
  return found.filter((slug) => !(bySymbolOnly.has(slug) && namedSymbols.has(registry.find(slug)?.nativeSymbol)));
}

// "Base", "BASE", "base network", "red Base": a weak alias counts when written as a name.
function strongMention(text: string, words: readonly Word[], i: number, n: number): boolean {
  const first = words[i]!;
  const next = words[i + n];
  const prev = words[i - 1];
  if (next && chainWords.has(next.lower)) return true;
  if (prev && chainWords.has(prev.lower)) return true;
  if (first.raw.length > 1 && first.raw === first.raw.toUpperCase()) return true;
  if (first.raw[0] !== first.raw[0]!.toUpperCase()) return false;
  // capitalised, and not merely because it starts a sentence
  const before = text.slice(Math.max(0, first.start - 3), first.start);
  return first.start > 0 && !/[.!?\n]\s*$/.test(before);
}

/** First words of every name the registry answers to: only these can start a chain mention. */
export function aliasFirstWords(registry: ChainRegistry): Set<string> {
  const out = new Set<string>();
  for (const c of registry.list()) {
    for (const alias of [c.slug, c.name, ...c.aliases, ...c.tokenStandards]) {
      const first = alias.toLowerCase().match(wordPattern)?.[0];
      if (first) out.add(first);
    }
  }
  return out;
}
