import type { Logger } from '../core/index.ts';
import { evmAdapterFactory } from './evm/adapter.ts';
import { bitcoinAdapterFactory } from './bitcoin/index.ts';
import { solanaAdapterFactory } from './solana/index.ts';
import { tronAdapterFactory } from './tron/index.ts';
import { memoAdapterFactory } from './memo/index.ts';
import type { AdapterFactory, AdapterOptions, ChainAdapter } from './port.ts';
import type { ChainFamily, ChainInfo, ChainInfoInput } from './registry/chain.ts';
import { createChainRegistry, type ChainRegistry } from './registry/registry.ts';

/** One factory per chain family; adding a family is one line here. */
export const adapterFactories: Readonly<Partial<Record<ChainFamily, AdapterFactory>>> = {
  evm: evmAdapterFactory,
  bitcoin: bitcoinAdapterFactory,
  solana: solanaAdapterFactory,
  tron: tronAdapterFactory,
  xrp: memoAdapterFactory('xrp'),
  stellar: memoAdapterFactory('stellar'),
  cosmos: memoAdapterFactory('cosmos'),
  ton: memoAdapterFactory('ton'),
};

export interface ChainServiceSettings {
  timeoutMs: number;
  retries: number;
  /** Chains searched at once when no chain is given. */
  searchConcurrency: number;
  /** Budget of one chain during a search, in milliseconds. */
  searchTimeoutMs: number;
}

/** The registry plus cached adapters: what surfaces need to diagnose on any configured chain. */
export interface ChainService {
  readonly registry: ChainRegistry;
  readonly settings: ChainServiceSettings;
  readonly adapterOptions: AdapterOptions;
  readonly factories: Readonly<Partial<Record<ChainFamily, AdapterFactory>>>;
  /** The adapter of a configured chain (cached), or of an ad-hoc chain entry (e.g. from --rpc). */
  adapterFor(chain: ChainInfo): ChainAdapter;
  /** Configured chains that have endpoints and an adapter family. */
  searchable(): ChainInfo[];
}

/** Asks a factory whether a hash or address has its family's shape; a predicate that throws means no. */
export function fits(factory: AdapterFactory | undefined, kind: 'hash' | 'address', value: string): boolean {
  try {
    return factory !== undefined && (kind === 'hash' ? factory.acceptsHash(value) : factory.acceptsAddress(value));
  } catch {
    return false;
  }
}

/** The `chains` configuration section as this module reads it (core's zod schema validates it). */
export interface ChainsSettingsInput {
  rpc?: Readonly<Record<string, readonly string[]>>;
  custom?: readonly unknown[];
  includeBuiltins?: boolean;
  timeoutMs?: number;
  retries?: number;
  searchConcurrency?: number;
  searchTimeoutMs?: number;
  memoRequired?: ReadonlyArray<{ chain: string; address: string; exchange: string; source: string }>;
}

export interface ChainServiceOptions {
  logger?: Logger;
  fetch?: typeof fetch;
  /** false sends RPC calls one at a time (the benchmark baseline). */
  batch?: boolean;
  factories?: Readonly<Partial<Record<ChainFamily, AdapterFactory>>>;
}

/** Builds the chain service from the `chains` configuration section. */
export function createChainService(config: ChainsSettingsInput = {}, options: ChainServiceOptions = {}): ChainService {
  const registry = createChainRegistry({
    // The registry validates each custom entry with the ChainInfo schema and names what is wrong.
    ...(config.custom ? { custom: config.custom as readonly ChainInfoInput[] } : {}),
    ...(config.rpc ? { rpcUrls: config.rpc } : {}),
    ...(config.includeBuiltins !== undefined ? { includeBuiltins: config.includeBuiltins } : {}),
  });
  const settings: ChainServiceSettings = {
    timeoutMs: config.timeoutMs ?? 8000,
    retries: config.retries ?? 2,
    searchConcurrency: config.searchConcurrency ?? 8,
    searchTimeoutMs: config.searchTimeoutMs ?? 15_000,
  };
  const adapterOptions: AdapterOptions = {
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    ...(config.memoRequired?.length ? { memoRequired: config.memoRequired } : {}),
  };
  const factories = options.factories ?? adapterFactories;
  const cache = new Map<string, ChainAdapter>();
  return {
    registry,
    settings,
    adapterOptions,
    factories,
    adapterFor(chain) {
      const key = `${chain.slug}|${chain.rpcUrls.join(' ')}`;
      let adapter = cache.get(key);
      if (!adapter) {
        const factory = factories[chain.family];
        if (!factory) throw new Error(`no adapter for family ${chain.family}`);
        adapter = factory.create(chain, adapterOptions);
        cache.set(key, adapter);
      }
      return adapter;
    },
    searchable: () => registry.list().filter((c) => c.rpcUrls.length > 0 && factories[c.family] !== undefined),
  };
}
