import { ChainDefinitionInvalidError, ChainNotFoundError } from '../errors.ts';
import { ChainInfo, type ChainFamily, type ChainInfoInput } from './chain.ts';
import { evmChains } from './evm-chains.ts';
import { otherChains } from './other-chains.ts';

export interface ChainRegistry {
  list(): readonly ChainInfo[];
  /** Throws ChainNotFoundError when unknown. */
  get(slug: string): ChainInfo;
  find(slug: string): ChainInfo | undefined;
  findByChainId(chainId: number): ChainInfo | undefined;
  /** Resolves a name or nickname users write ("bep20", "matic") to chains. */
  findByAlias(name: string): ChainInfo[];
  byFamily(family: ChainFamily): readonly ChainInfo[];
}

export interface RegistryOptions {
  /** Extra chains (config `chains.custom`); a slug that exists replaces the built-in entry. */
  custom?: readonly ChainInfoInput[];
  /** Per-slug RPC URL overrides (config `chains.rpc`), tried in order. */
  rpcUrls?: Readonly<Record<string, readonly string[]>>;
  /** false: only the chains in `custom` (a private deployment with its own nodes). Default true. */
  includeBuiltins?: boolean;
}

/** Builds the chain registry from the built-in chains plus configuration. */
export function createChainRegistry(options: RegistryOptions = {}): ChainRegistry {
  const bySlug = new Map<string, ChainInfo>();
  for (const input of [...(options.includeBuiltins === false ? [] : [...evmChains, ...otherChains]), ...(options.custom ?? [])]) {
    const parsed = ChainInfo.safeParse(input);
    if (!parsed.success) {
      throw new ChainDefinitionInvalidError(`Chain definition "${String((input as { slug?: unknown }).slug)}" is invalid.`, {
        metaMessages: parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`),
      });
    }
    bySlug.set(parsed.data.slug, parsed.data);
  }
  for (const [slug, urls] of Object.entries(options.rpcUrls ?? {})) {
    const chain = bySlug.get(slug);
    if (!chain) throw new ChainNotFoundError(slug, [...bySlug.keys()]);
    bySlug.set(slug, { ...chain, rpcUrls: [...urls] });
  }
  const all = [...bySlug.values()];
  const aliasIndex = new Map<string, ChainInfo[]>();
  for (const chain of all) {
    for (const alias of new Set([chain.slug, chain.name.toLowerCase(), ...chain.aliases, ...chain.tokenStandards])) {
      const list = aliasIndex.get(alias) ?? [];
      list.push(chain);
      aliasIndex.set(alias, list);
    }
  }
  return {
    list: () => all,
    get(slug) {
      const chain = bySlug.get(slug);
      if (!chain) throw new ChainNotFoundError(slug, [...bySlug.keys()]);
      return chain;
    },
    find: (slug) => bySlug.get(slug),
    findByChainId: (id) => all.find((c) => c.chainId === id),
    findByAlias: (name) => aliasIndex.get(name.trim().toLowerCase()) ?? [],
    byFamily: (family) => all.filter((c) => c.family === family),
  };
}

/** Fills an explorer URL template for a transaction or an address. */
export function explorerUrl(chain: ChainInfo, kind: 'tx' | 'address', value: string): string | undefined {
  const template = chain.explorer?.[kind];
  return template?.replace(kind === 'tx' ? '{hash}' : '{address}', encodeURIComponent(value));
}
