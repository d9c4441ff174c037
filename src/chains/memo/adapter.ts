import { ChainRpcBadResponseError, TxIdInvalidError } from '../bitcoin/errors.ts';
import { createHttpJson, type HttpJson } from '../bitcoin/http-json.ts';
import { makeFinding } from '../findings/catalog.ts';
import { memoFindings } from '../findings/memo.ts';
import type { AdapterFactory, AdapterOptions, AddressReport, ChainAdapter, FeeMarket, Finding, TxDiagnosis } from '../port.ts';
import type { ChainFamily, ChainInfo } from '../registry/chain.ts';
import { explorerUrl } from '../registry/registry.ts';
import { createCosmosSource } from './cosmos.ts';
import { builtinMemoRequired } from './deposits.ts';
import { createHorizonSource } from './horizon.ts';
import type { MemoSource } from './source.ts';
import { createToncenterSource } from './ton.ts';
import { createXrplSource } from './xrpl.ts';

export type MemoFamily = Extract<ChainFamily, 'xrp' | 'stellar' | 'cosmos' | 'ton'>;

const hex64 = /^[0-9a-fA-F]{64}$/;
const cosmosPrefixes: Readonly<Record<string, string>> = { cosmos: 'cosmos', osmosis: 'osmo' };
const addressPatterns: Readonly<Record<MemoFamily, RegExp>> = {
  xrp: /^r[rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz]{24,34}$/,
  stellar: /^G[A-Z2-7]{55}$/,
  cosmos: /^[a-z]+1[02-9ac-hj-np-z]{38,58}$/,
  ton: /^([EUk0][Qf][A-Za-z0-9_-]{46}|-?\d+:[0-9a-fA-F]{64})$/,
};
const hashOk = (family: MemoFamily, hash: string) => hex64.test(hash) || (family === 'ton' && /^[A-Za-z0-9+/_-]{43}=?$/.test(hash));

function addressOk(family: MemoFamily, chain: ChainInfo | undefined, address: string): boolean {
  if (!addressPatterns[family].test(address)) return false;
  const prefix = family === 'cosmos' && chain ? cosmosPrefixes[chain.slug] : undefined;
  return !prefix || address.startsWith(`${prefix}1`);
}

export interface MemoAdapterOptions extends AdapterOptions {
  urls?: readonly string[];
}

function sourceFor(family: MemoFamily, http: HttpJson, url: string, chain: ChainInfo): MemoSource {
  switch (family) {
    case 'xrp':
      return createXrplSource(http, url);
    case 'stellar':
      return createHorizonSource(http, url);
    case 'cosmos':
      return createCosmosSource(http, url, chain);
    case 'ton':
      return createToncenterSource(http, url);
  }
}

/** Builds the adapter of a memo/tag chain: reads the transfer through the chain's public API and checks it against memo-required deposit addresses. */
export function createMemoAdapter(chain: ChainInfo, options: MemoAdapterOptions = {}): ChainAdapter {
  const family = chain.family as MemoFamily;
  const urls = (options.urls ?? chain.rpcUrls).map((u) => (family === 'ton' ? u.replace(/\/api\/v2\/?$/, '/api/v3') : u));
  const http = createHttpJson({ chain: chain.slug, baseUrls: urls, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const label = urls[0] ?? chain.slug;
  const source = sourceFor(family, http, label, chain);
  const memoName = chain.memo?.name ?? 'memo';
  const entries = [...(options.memoRequired ?? []), ...builtinMemoRequired].filter((e) => e.chain === chain.slug);
  const entryFor = (address: string) => entries.find((e) => source.canonical(e.address) === source.canonical(address));
  const now = () => new Date().toISOString();
  const common = { chain: chain.name, memoName };

  return {
    family,
    chain,
    capabilities: { rawTxDecode: false, mempool: false, trace: false, tokenBalances: false },
    acceptsHash: (hash) => hashOk(family, hash),
    async diagnoseTx(hash, opts = {}): Promise<TxDiagnosis> {
      if (!hashOk(family, hash)) throw new TxIdInvalidError(hash, chain.name, family === 'ton' ? '64 hex characters or 44 base64 characters' : '64 hexadecimal characters');
      const locale = opts.locale ?? 'en';
      const f = (code: string, params: Record<string, string | number>, evidence: Record<string, unknown>): Finding => makeFinding(memoFindings, code, { ...common, hash, ...params }, evidence, locale);
      const t = await source.getTransfer(hash, opts.signal);
      const url = explorerUrl(chain, 'tx', hash);
      const done = (status: TxDiagnosis['status'], findings: Finding[]): TxDiagnosis => ({ chain: chain.slug, hash, status, findings, ...(url ? { explorerUrl: url } : {}), roundTrips: http.roundTrips, checkedAt: now() });
      if (!t) return done('not_found', [f('memo.tx.not_found', {}, {})]);
      const facts = { from: t.from ?? 'unknown', to: t.to ?? 'unknown', amount: t.amount ?? '?', asset: t.asset };
      if (t.status === 'pending') return done('pending', [f('memo.tx.pending', facts, t.evidence)]);
      if (t.status === 'failed' && t.failure) return done('failed', [f('memo.failed', { ...facts, code: t.failure.code, detail: t.failure.detail ?? '', hint: t.failure.hint }, { ...t.evidence, failure: t.failure })]);
      const entry = t.to ? entryFor(t.to) : undefined;
      const flagged = !entry && t.to && t.memo === undefined && source.memoFlag ? await source.memoFlag(t.to, opts.signal) : false;
      if (t.memo === undefined && (entry || flagged)) {
        const exchange = entry?.exchange ?? 'the receiving exchange';
        return done('confirmed', [f('memo.missing', { ...facts, exchange }, { ...t.evidence, ...facts, exchange, listSource: entry?.source ?? (flagged ? 'the destination account flags memo-required on chain' : undefined) })]);
      }
      return done('confirmed', [f('memo.success.transfer', { ...facts, memo: t.memo ?? 'none' }, { ...t.evidence, ...facts, memo: t.memo ?? null })]);
    },
    async inspectAddress(address, opts = {}): Promise<AddressReport> {
      const locale = opts.locale ?? 'en';
      const url = explorerUrl(chain, 'address', address);
      const base = { chain: chain.slug, address, ...(url ? { explorerUrl: url } : {}), checkedAt: now() };
      const f = (code: string, params: Record<string, string>, evidence: Record<string, unknown>) => makeFinding(memoFindings, code, { ...common, address, ...params }, evidence, locale);
      if (!addressOk(family, chain, address)) return { ...base, valid: false, balances: [], findings: [f('memo.address.invalid', {}, {})] };
      const b = await source.balance(address, opts.signal);
      const findings = [f('memo.address.summary', { balance: b.balance, symbol: chain.nativeSymbol }, { exists: b.exists })];
      const entry = entryFor(address);
      if (entry || b.memoFlag) findings.push(f('memo.address.memo_required', { exchange: entry?.exchange ?? 'unknown', source: entry?.source ?? 'on-chain account flag' }, { exchange: entry?.exchange, source: entry?.source, onChainFlag: b.memoFlag }));
      return { ...base, valid: true, balances: [{ symbol: chain.nativeSymbol, amount: b.balance, decimals: chain.nativeDecimals, display: b.balance }], findings, roundTrips: http.roundTrips };
    },
    feeMarket(): Promise<FeeMarket> {
      return Promise.reject(new ChainRpcBadResponseError(label, `fee market is not read for ${chain.name} (fees are fixed or tiny)`));
    },
    describeFoundElsewhere(hash, where, locale = 'en') {
      return makeFinding(memoFindings, 'memo.tx.found_on_other_chain', { ...common, hash, otherChain: where.chain, otherStatus: where.status }, { foundOn: where.chain, status: where.status }, locale);
    },
  };
}

/** Probes that an endpoint serves the family's API before it is trusted as that chain. */
const probes: Readonly<Record<MemoFamily, (http: HttpJson, signal?: AbortSignal) => Promise<boolean>>> = {
  xrp: async (http, signal) => Boolean(((await http.post('', { method: 'server_info', params: [{}] }, { signal })) as { result?: { info?: unknown } } | undefined)?.result?.info),
  stellar: async (http, signal) => typeof ((await http.get('/', { signal })) as { network_passphrase?: unknown } | undefined)?.network_passphrase === 'string',
  cosmos: async (http, signal) => Boolean(((await http.get('/cosmos/base/tendermint/v1beta1/node_info', { signal })) as { default_node_info?: unknown } | undefined)?.default_node_info),
  ton: async (http, signal) => Boolean(((await http.get('/masterchainInfo', { signal })) as { last?: unknown } | undefined)?.last),
};

/** The `adapterFactories` entry of one memo/tag family. */
export function memoAdapterFactory(family: MemoFamily): AdapterFactory {
  return {
    family,
    acceptsHash: (hash) => hashOk(family, hash),
    acceptsAddress: (address) => addressOk(family, undefined, address),
    create: (chain, options) => createMemoAdapter(chain, options),
    async identify(url, options, registry, signal) {
      const http = createHttpJson({ chain: family, baseUrls: [url], ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
      const chain = registry.byFamily(family)[0];
      if (!chain || !(await probes[family](http, signal).catch(() => false))) throw new ChainRpcBadResponseError(url, `not a ${family} API endpoint`);
      return { ...chain, rpcUrls: [url] };
    },
  };
}
