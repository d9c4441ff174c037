import { redactUrl } from '../../core/index.ts';
import { evmFindings } from '../findings/evm.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { AdapterFactory, AdapterOptions, ChainAdapter, FeeMarket } from '../port.ts';
import { ChainInfo } from '../registry/chain.ts';
import { createRpcClient, type RpcClient } from '../rpc/index.ts';
import { diagnoseEvmTx } from './diagnose-tx.ts';
import { inspectEvmAddress } from './inspect-address.ts';
import type { EvmContext } from './internal.ts';
import { big, num, type RpcFeeHistory } from './rpc-types.ts';

const txHash = /^0x[0-9a-fA-F]{64}$/;
const address = /^0x[0-9a-fA-F]{40}$/;

function rpcFor(chain: ChainInfo, options: AdapterOptions): RpcClient {
  return createRpcClient({
    urls: chain.rpcUrls,
    label: chain.slug,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The EVM adapter: JSON-RPC (batched) for facts, viem for ABI, raw transactions and addresses. */
export function createEvmAdapter(chain: ChainInfo, options: AdapterOptions = {}): ChainAdapter {
  const rpc = rpcFor(chain, options);
  const ctx = (locale: string | undefined, signal: AbortSignal | undefined): EvmContext => ({ chain, rpc, locale: locale ?? 'en', signal });
  return {
    family: 'evm',
    chain,
    capabilities: { rawTxDecode: true, mempool: true, trace: true, tokenBalances: true },
    acceptsHash: (hash) => txHash.test(hash),
    diagnoseTx: (hash, o = {}) => diagnoseEvmTx(ctx(o.locale, o.signal), hash.toLowerCase(), o),
    inspectAddress: (addr, o = {}) => inspectEvmAddress(ctx(o.locale, o.signal), addr),
    async feeMarket(o = {}): Promise<FeeMarket> {
      const h = await rpc.request<RpcFeeHistory>('eth_feeHistory', ['0xa', 'latest', [10, 50, 90]], o.signal);
      const p = (i: number) => {
        const v = (h.reward ?? []).map((r) => big(r[i])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return (v[Math.floor(v.length / 2)] ?? 0n).toString();
      };
      return { chain: chain.slug, fees: { baseFeeWei: big(h.baseFeePerGas.at(-1)).toString(), priorityFeeP10Wei: p(0), priorityFeeP50Wei: p(1), priorityFeeP90Wei: p(2), oldestBlock: num(h.oldestBlock) }, observedAt: new Date().toISOString() };
    },
    describeFoundElsewhere: (hash, where, locale) =>
      makeFinding(evmFindings, 'evm.tx.found_on_other_chain', { hash, chain: chain.name, otherChain: where.chain, status: where.status }, { hash, askedChain: chain.slug, foundOn: where.chain, foundOnChainId: where.chainId ?? null, status: where.status, explorerUrl: where.explorerUrl ?? null }, locale ?? 'en'),
  };
}

/** Builds EVM adapters; `identify` asks eth_chainId and looks the chain up in the registry. */
export const evmAdapterFactory: AdapterFactory = {
  family: 'evm',
  acceptsHash: (hash) => txHash.test(hash),
  acceptsAddress: (a) => address.test(a),
  create: createEvmAdapter,
  async identify(url, options, registry, signal) {
    const probe = rpcFor(ChainInfo.parse({ slug: 'probe', name: 'probe', family: 'evm', nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [url] }), options);
    const chainId = num(await probe.request<string>('eth_chainId', [], signal));
    const known = registry.findByChainId(chainId);
    if (known) return { ...known, rpcUrls: [url] };
    return ChainInfo.parse({ slug: `evm-${chainId}`, name: `EVM chain ${chainId} (${redactUrl(url)})`, family: 'evm', chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [url] });
  },
};
