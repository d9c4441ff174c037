import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError, TxIdInvalidError } from '../bitcoin/errors.ts';
import { createHttpJson } from '../bitcoin/http-json.ts';
import { makeFinding } from '../findings/catalog.ts';
import { tronFindings } from '../findings/tron.ts';
import type { AdapterFactory, AdapterOptions, AddressReport, ChainAdapter, FeeMarket, TxDiagnosis } from '../port.ts';
import type { ChainInfo } from '../registry/chain.ts';
import { explorerUrl } from '../registry/registry.ts';
import { tronAddressBody } from './address.ts';
import { analyzeTronTx, parseTron } from './diagnose.ts';
import { TronAccount, TronResources } from './shapes.ts';

const txidPattern = /^[0-9a-fA-F]{64}$/;

export interface TronAdapterOptions extends AdapterOptions {
  urls?: readonly string[];
  /** Clock for the expiration check (tests). */
  now?: () => number;
}

/** Builds the Tron adapter over the full-node HTTP API (/wallet/gettransactionbyid, gettransactioninfobyid, getaccount, getaccountresource). */
export function createTronAdapter(chain: ChainInfo, options: TronAdapterOptions = {}): ChainAdapter {
  const urls = options.urls ?? chain.rpcUrls;
  const http = createHttpJson({ chain: chain.slug, baseUrls: urls, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const label = urls[0] ?? chain.slug;
  const clock = options.now ?? Date.now;
  const iso = () => new Date(clock()).toISOString();
  return {
    family: 'tron',
    chain,
    capabilities: { rawTxDecode: false, mempool: false, trace: false, tokenBalances: false },
    acceptsHash: (hash) => txidPattern.test(hash),
    async diagnoseTx(hash, opts = {}): Promise<TxDiagnosis> {
      const txid = hash.replace(/^0x/, '').toLowerCase();
      if (!txidPattern.test(txid)) throw new TxIdInvalidError(hash, chain.name, '64 hexadecimal characters');
      const r = await analyzeTronTx({ http, url: label, txid, locale: opts.locale ?? 'en', now: clock(), signal: opts.signal, ...(opts.expectedRecipient ? { expectedRecipient: opts.expectedRecipient } : {}) });
      const url = explorerUrl(chain, 'tx', txid);
      return { chain: chain.slug, hash: txid, status: r.status, findings: r.findings, ...(url ? { explorerUrl: url } : {}), roundTrips: http.roundTrips, checkedAt: iso() };
    },
    async inspectAddress(address, opts = {}): Promise<AddressReport> {
      const locale = opts.locale ?? 'en';
      const url = explorerUrl(chain, 'address', address);
      const base = { chain: chain.slug, address, ...(url ? { explorerUrl: url } : {}), checkedAt: iso() };
      if (!tronAddressBody(address)) return { ...base, valid: false, balances: [], findings: [makeFinding(tronFindings, 'tron.address.invalid', { address }, {}, locale)] };
      const [acc, res] = await Promise.all([
        http.post('/wallet/getaccount', { address, visible: true }, { signal: opts.signal }),
        http.post('/wallet/getaccountresource', { address, visible: true }, { signal: opts.signal }),
      ]);
      const account = parseTron(TronAccount, acc ?? {}, 'getaccount', label);
      if (!account.address) return { ...base, valid: true, balances: [], findings: [makeFinding(tronFindings, 'tron.address.not_activated', { address }, { activated: false }, locale)], roundTrips: http.roundTrips };
      const r = parseTron(TronResources, res ?? {}, 'getaccountresource', label);
      const sun = BigInt(account.balance ?? 0);
      const energyLimit = r.EnergyLimit ?? 0;
      const energyAvailable = Math.max(0, energyLimit - (r.EnergyUsed ?? 0));
      const bandwidthAvailable = Math.max(0, (r.freeNetLimit ?? 0) - (r.freeNetUsed ?? 0)) + Math.max(0, (r.NetLimit ?? 0) - (r.NetUsed ?? 0));
      const params = { address, trx: formatUnits(sun, 6), energyAvailable, energyLimit, bandwidthAvailable };
      return {
        ...base,
        valid: true,
        balances: [{ symbol: 'TRX', amount: sun.toString(), decimals: 6, display: params.trx }],
        findings: [makeFinding(tronFindings, 'tron.address.summary', params, { balanceSun: sun.toString(), resources: r, createTime: account.create_time }, locale)],
        roundTrips: http.roundTrips,
      };
    },
    async feeMarket(opts = {}): Promise<FeeMarket> {
      const raw = await http.post('/wallet/getchainparameters', {}, { signal: opts.signal });
      const params = (raw as { chainParameter?: Array<{ key: string; value?: number }> } | undefined)?.chainParameter;
      if (!Array.isArray(params)) throw new ChainRpcBadResponseError(label, 'getchainparameters: no chainParameter list');
      const get = (key: string) => params.find((p) => p.key === key)?.value ?? 0;
      return { chain: chain.slug, fees: { energyFeeSun: get('getEnergyFee'), bandwidthFeeSun: get('getTransactionFee'), createAccountFeeSun: get('getCreateAccountFee') }, observedAt: iso() };
    },
    describeFoundElsewhere(hash, where, locale = 'en') {
      return makeFinding(tronFindings, 'tron.tx.found_on_other_chain', { txid: hash, chain: chain.name, otherChain: where.chain, otherStatus: where.status }, { foundOn: where.chain, status: where.status }, locale);
    },
  };
}

/** The Tron entry of `adapterFactories`. */
export const tronAdapterFactory: AdapterFactory = {
  family: 'tron',
  acceptsHash: (hash) => txidPattern.test(hash),
  acceptsAddress: (address) => tronAddressBody(address) !== undefined,
  create: (chain, options) => createTronAdapter(chain, options),
  async identify(url, options, registry, signal) {
    const http = createHttpJson({ chain: 'tron', baseUrls: [url], ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
    const block = (await http.post('/wallet/getnowblock', {}, { signal })) as { blockID?: unknown } | undefined;
    const tron = registry.byFamily('tron')[0];
    if (typeof block?.blockID !== 'string' || !tron) throw new ChainRpcBadResponseError(url, 'not a Tron full-node HTTP API (/wallet/getnowblock has no blockID)');
    return { ...tron, rpcUrls: [url] };
  },
};
