import { initWasm } from '@trustwallet/wallet-core';
import type { ChainInfo, ChainRegistry } from '../chains/index.ts';
import { base58Length } from './base58.ts';
import type { Entities, EntityExtractor } from './entities.ts';
import { aliasFirstWords, findChains } from './find-chains.ts';
import { findAmounts, findAppVersion, findNames, findPlatform, findTokens } from './text-facts.ts';
import { addressShapes, extraExplorers } from './vocabulary.ts';
import { scanWords } from './words.ts';

type WalletCore = Awaited<ReturnType<typeof initWasm>>;
let walletCore: Promise<WalletCore> | undefined;

interface CoinCheck {
  slug: string;
  coin: WalletCore['CoinType'][keyof WalletCore['CoinType']];
  shape: RegExp | undefined;
}

// One scan for long runs (base64url included, for TON), then each run is classified by its shape.
const longRun = /(?:bitcoincash:|-?\d:)?[A-Za-z0-9_-]{25,}/g;
const evmHash = /^0x[0-9a-fA-F]{64}$/;
const bareHash = /^[0-9a-fA-F]{64}$/;
const base58Signature = /^[1-9A-HJ-NP-Za-km-z]{86,88}$/;
const evmAddress = /^0x[0-9a-fA-F]{40}$/;
const alnum = /^[A-Za-z0-9]+$/;
const urlPattern = /\bhttps?:\/\/[^\s<>"'`)\]]+/gi;

/** Builds the extractor: loads wallet-core's wasm once, indexes explorers and coins of the registry. */
export async function createEntityExtractor(registry: ChainRegistry): Promise<EntityExtractor> {
  walletCore ??= initWasm();
  const core = await walletCore;
  const chains = registry.list().filter((c) => !c.testnet);
  const evmSlugs = chains.filter((c) => c.family === 'evm').map((c) => c.slug);
  const evmCoin = core.CoinType.ethereum;
  const coinTypes = core.CoinType as unknown as Record<string, CoinCheck['coin'] | undefined>;
  const checks: CoinCheck[] = [];
  for (const c of chains) {
    if (c.family === 'evm' || !c.walletCoreCoin) continue;
    const coin = coinTypes[c.walletCoreCoin];
    if (coin) checks.push({ slug: c.slug, coin, shape: addressShapes[c.walletCoreCoin] });
  }
  const hexHashFamilies = [...new Set(chains.map((c) => c.family).filter((f) => f !== 'evm' && f !== 'solana'))];
  const explorers = explorerIndex(chains);
  const symbols = new Set(chains.map((c) => c.nativeSymbol.toUpperCase()).filter((s) => s.length >= 2));
  const familyOf = new Map(chains.map((c) => [c.slug, c.family]));
  const firstWords = aliasFirstWords(registry);

  const isValid = (value: string, coin: CoinCheck['coin']): boolean => {
    try {
      return core.AnyAddress.isValid(value, coin);
    } catch {
      return false;
    }
  };

  // Validation is pure and the same addresses recur across tickets: remember the answer (bounded).
  const validCache = new Map<string, string[]>();
  const chainsOf = (value: string): string[] => {
    const hit = validCache.get(value);
    if (hit) return hit;
    const valid: string[] = [];
    for (const check of checks) if ((!check.shape || check.shape.test(value)) && isValid(value, check.coin)) valid.push(check.slug);
    if (validCache.size >= 20_000) validCache.clear();
    validCache.set(value, valid);
    return valid;
  };

  return {
    extract(text: string): Entities {
      const txHashes: Entities['txHashes'] = [];
      const seenHash = new Map<string, Entities['txHashes'][number]>();
      const urlChains: Array<{ slug: string; start: number; end: number }> = [];
      const hashChain = new Map<string, string>();
      const addHash = (value: string, families: string[]) => {
        if (seenHash.has(value)) return;
        const slug = hashChain.get(value);
        const entry = slug ? { value, families: [familyOf.get(slug)!], chains: [slug] } : { value, families };
        seenHash.set(value, entry);
        txHashes.push(entry);
      };
      if (text.includes('://')) {
        for (const m of text.matchAll(urlPattern)) {
          const slug = chainOfUrl(explorers, m[0]);
          if (!slug) continue;
          urlChains.push({ slug, start: m.index, end: m.index + m[0].length });
          for (const h of m[0].matchAll(/(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])|(?<=\/)[1-9A-HJ-NP-Za-km-z]{86,88}(?![0-9A-Za-z])/g)) hashChain.set(h[0], slug);
        }
      }
      const candidates: string[] = [];
      for (const m of text.matchAll(longRun)) {
        const run = m[0];
        const len = run.length;
        if (len > 90) continue;
        if (len === 66 && evmHash.test(run)) addHash(run, ['evm']);
        else if (len === 64 && bareHash.test(run)) addHash(run, hexHashFamilies);
        else if (len >= 86 && len <= 88 && base58Signature.test(run) && base58Length(run) === 64) addHash(run, ['solana']);
        else if (len === 42 && evmAddress.test(run)) candidates.push(run);
        else if (!run.startsWith('0x') && (alnum.test(run) || run.includes(':') || len === 48) && !/^[a-z]+$/i.test(run)) candidates.push(run);
      }
      txHashes.sort((a, b) => text.indexOf(a.value) - text.indexOf(b.value));

      const addresses: Entities['addresses'] = [];
      const seenAddress = new Set<string>();
      for (const value of candidates) {
        if (seenAddress.has(value) || seenHash.has(value)) continue;
        if (value.length === 42 && value.startsWith('0x')) {
          if (!isValid(value, evmCoin)) continue;
          seenAddress.add(value);
          addresses.push({ value, chains: evmSlugs });
          continue;
        }
        const valid = chainsOf(value);
        if (!valid.length) continue;
        seenAddress.add(value);
        addresses.push({ value, chains: valid });
      }
      addresses.sort((a, b) => text.indexOf(a.value) - text.indexOf(b.value));

      const words = scanWords(text);
      const entities: Entities = {
        txHashes,
        addresses,
        names: findNames(text),
        tokens: findTokens(words, symbols),
        amounts: findAmounts(text, symbols),
        chains: findChains(registry, firstWords, text, words, urlChains),
      };
      const platform = findPlatform(text);
      if (platform) entities.platform = platform;
      const appVersion = findAppVersion(text);
      if (appVersion) entities.appVersion = appVersion;
      return entities;
    },
  };
}

interface ExplorerEntry {
  host: string;
  path: string;
  slug: string;
}

function explorerIndex(chains: readonly ChainInfo[]): ExplorerEntry[] {
  const entries: ExplorerEntry[] = [];
  const known = new Set(chains.map((c) => c.slug));
  for (const c of chains) {
    if (!c.explorer) continue;
    try {
      const url = new URL(c.explorer.tx.replace('{hash}', 'x'));
      const first = url.pathname.split('/')[1] ?? '';
      // "blockchair.com/dogecoin/…" and "mintscan.io/cosmos/…" carry the chain in the first path segment
      const chainSegment = first && (first === c.slug || c.aliases.includes(first) || first === c.name.toLowerCase().replace(/\s+/g, '-'));
      entries.push({ host: url.hostname.replace(/^www\./, ''), path: chainSegment ? `/${first}/` : '/', slug: c.slug });
    } catch {
      continue;
    }
  }
  for (const e of extraExplorers) if (known.has(e.slug)) entries.push({ host: e.host, path: e.path ?? '/', slug: e.slug });
  // most specific first: "optimistic.etherscan.io" before "etherscan.io", a path prefix before none
  return entries.sort((a, b) => b.host.length - a.host.length || b.path.length - a.path.length);
}

function chainOfUrl(explorers: readonly ExplorerEntry[], raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = (url.pathname + url.hash.replace(/^#/, '')).toLowerCase();
  for (const e of explorers) {
    if ((host === e.host || host.endsWith('.' + e.host)) && path.startsWith(e.path)) return e.slug;
  }
  return undefined;
}
