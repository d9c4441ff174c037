import { isAddress, isSignature } from '@solana/kit';
import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError, TxIdInvalidError } from '../bitcoin/errors.ts';
import { createHttpJson } from '../bitcoin/http-json.ts';
import { makeFinding } from '../findings/catalog.ts';
import { solFindings } from '../findings/sol.ts';
import type { AdapterFactory, AdapterOptions, AddressReport, ChainAdapter, FeeMarket, TxDiagnosis } from '../port.ts';
import type { ChainInfo } from '../registry/chain.ts';
import { explorerUrl } from '../registry/registry.ts';
import { decodeSolanaRaw } from './decode-raw.ts';
import { analyzeSolanaTx } from './diagnose.ts';
import { programs } from './programs.ts';
import { Balance, RecentFees, TokenAccounts } from './rpc-shapes.ts';

/** Genesis hashes of the public clusters (getGenesisHash). */
const clusters: Readonly<Record<string, string>> = {
  '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d': 'solana',
  EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG: 'solana-devnet',
  '4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY': 'solana-testnet',
};

export interface SolanaAdapterOptions extends AdapterOptions {
  urls?: readonly string[];
}

/** Builds the Solana adapter over the JSON-RPC API (getSignatureStatuses, getTransaction jsonParsed, isBlockhashValid, getRecentPrioritizationFees). */
export function createSolanaAdapter(chain: ChainInfo, options: SolanaAdapterOptions = {}): ChainAdapter {
  const urls = options.urls ?? chain.rpcUrls;
  const rpc = createHttpJson({ chain: chain.slug, baseUrls: urls, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const label = urls[0] ?? chain.slug;
  const now = () => new Date().toISOString();
  return {
    family: 'solana',
    chain,
    capabilities: { rawTxDecode: true, mempool: false, trace: false, tokenBalances: true },
    acceptsHash: (hash) => isSignature(hash),
    async diagnoseTx(hash, opts = {}): Promise<TxDiagnosis> {
      if (!isSignature(hash)) throw new TxIdInvalidError(hash, chain.name, 'a base58 signature of 64 bytes (87–88 characters)');
      const raw = opts.raw ? decodeSolanaRaw(opts.raw) : undefined;
      const r = await analyzeSolanaTx({ rpc, url: label, signature: hash, locale: opts.locale ?? 'en', signal: opts.signal, ...(raw ? { raw } : {}) });
      const url = explorerUrl(chain, 'tx', hash);
      return { chain: chain.slug, hash, status: r.status, findings: r.findings, ...(url ? { explorerUrl: url } : {}), roundTrips: rpc.roundTrips, checkedAt: now() };
    },
    async inspectAddress(address, opts = {}): Promise<AddressReport> {
      const locale = opts.locale ?? 'en';
      const url = explorerUrl(chain, 'address', address);
      const base = { chain: chain.slug, address, ...(url ? { explorerUrl: url } : {}), checkedAt: now() };
      if (!isAddress(address)) return { ...base, valid: false, balances: [], findings: [makeFinding(solFindings, 'sol.address.invalid', { address }, {}, locale)] };
      const [bal, tokens] = await Promise.all([
        rpc.rpc('getBalance', [address, { commitment: 'confirmed' }], { signal: opts.signal }),
        rpc.rpc('getTokenAccountsByOwner', [address, { programId: programs.token }, { encoding: 'jsonParsed', commitment: 'confirmed' }], { signal: opts.signal }),
      ]);
      const lamports = Balance.safeParse(bal);
      const accounts = TokenAccounts.safeParse(tokens);
      if (!lamports.success || !accounts.success) throw new ChainRpcBadResponseError(label, 'getBalance/getTokenAccountsByOwner: unexpected shape');
      const sol = formatUnits(BigInt(lamports.data.value), 9);
      const balances = [
        { symbol: 'SOL', amount: String(lamports.data.value), decimals: 9, display: sol },
        ...accounts.data.value.map((a) => {
          const info = a.account.data.parsed.info;
          return { symbol: info.mint, token: info.mint, amount: info.tokenAmount.amount, decimals: info.tokenAmount.decimals, display: formatUnits(BigInt(info.tokenAmount.amount), info.tokenAmount.decimals) };
        }),
      ];
      const finding = makeFinding(solFindings, 'sol.address.summary', { address, sol, tokenCount: accounts.data.value.length }, { lamports: String(lamports.data.value), tokenAccounts: accounts.data.value.map((a) => a.pubkey) }, locale);
      return { ...base, valid: true, balances, findings: [finding], roundTrips: rpc.roundTrips };
    },
    async feeMarket(opts = {}): Promise<FeeMarket> {
      const fees = RecentFees.safeParse(await rpc.rpc('getRecentPrioritizationFees', [[]], { signal: opts.signal }));
      if (!fees.success) throw new ChainRpcBadResponseError(label, 'getRecentPrioritizationFees: unexpected shape');
      const sorted = fees.data.map((x) => x.prioritizationFee).sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
      return { chain: chain.slug, fees: { priorityMedianMicroLamports: at(0.5), priorityP75MicroLamports: at(0.75), samples: sorted.length }, observedAt: now() };
    },
    describeFoundElsewhere(hash, where, locale = 'en') {
      return makeFinding(solFindings, 'sol.tx.found_on_other_chain', { signature: hash, chain: chain.name, otherChain: where.chain, otherStatus: where.status }, { foundOn: where.chain, status: where.status }, locale);
    },
  };
}

/** The Solana entry of `adapterFactories`. */
export const solanaAdapterFactory: AdapterFactory = {
  family: 'solana',
  acceptsHash: (hash) => isSignature(hash),
  acceptsAddress: (address) => isAddress(address),
  create: (chain, options) => createSolanaAdapter(chain, options),
  async identify(url, options, registry, signal) {
    const rpc = createHttpJson({ chain: 'solana', baseUrls: [url], ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
    const hash = String(await rpc.rpc('getGenesisHash', [], { signal }));
    const slug = clusters[hash];
    const known = slug ? registry.find(slug) : undefined;
    if (!known) throw new ChainRpcBadResponseError(url, `genesis hash ${hash} is not a Solana cluster OpsDesk has in its registry`);
    return { ...known, rpcUrls: [url] };
  },
};
