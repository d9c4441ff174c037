import { makeFinding } from '../findings/catalog.ts';
import { btcFindings } from '../findings/btc.ts';
import type { AdapterFactory, AdapterOptions, AddressReport, ChainAdapter, FeeMarket, Finding, TxDiagnosis } from '../port.ts';
import type { ChainInfo } from '../registry/chain.ts';
import { explorerUrl, type ChainRegistry } from '../registry/registry.ts';
import { createCoreRpcSource } from './core-rpc-source.ts';
import { decodeRawTx, type DecodedRawTx } from './decode-raw.ts';
import { analyzeBitcoinTx, formatUnits } from './diagnose.ts';
import { ChainRpcBadResponseError, TxIdInvalidError } from './errors.ts';
import { createEsploraSource } from './esplora-source.ts';
import { createHttpJson } from './http-json.ts';
import { addressScript, bitcoinNetworks, networkOf } from './networks.ts';
import type { BitcoinSource } from './source.ts';

const txidPattern = /^[0-9a-fA-F]{64}$/;

/** Genesis block hashes, to tell which chain an endpoint serves. */
const genesis: Readonly<Record<string, string>> = {
  '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f': 'bitcoin',
  '12a765e31ffd4059bada1e25190f6e98c99d9714d334efa41a195a7e7e04bfe2': 'litecoin',
  '1a91e3dace36e2be3bf030a65679fe821aa1d6ef92e7c9902eb318182c355691': 'dogecoin',
};

/** An endpoint URL marked `#core-rpc` (or carrying user:password) is a Bitcoin Core JSON-RPC node; anything else is Esplora REST. */
function splitEndpoint(url: string): { url: string; kind: 'esplora' | 'core-rpc'; headers: Record<string, string> } {
  const u = new URL(url);
  const kind = u.hash === '#core-rpc' || u.username ? 'core-rpc' : 'esplora';
  const headers: Record<string, string> = {};
  if (u.username) headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  u.username = '';
  u.password = '';
  u.hash = '';
  return { url: u.toString().replace(/\/$/, ''), kind, headers };
}

export interface BitcoinAdapterOptions extends AdapterOptions {
  /** Overrides the endpoints of the chain entry. */
  urls?: readonly string[];
}

/** Builds the adapter of one Bitcoin-family chain (Bitcoin, Litecoin, Dogecoin, Bitcoin Cash) over Esplora REST or Core JSON-RPC. */
export function createBitcoinAdapter(chain: ChainInfo, options: BitcoinAdapterOptions = {}): ChainAdapter {
  const network = networkOf(chain.slug);
  const endpoints = (options.urls ?? chain.rpcUrls).map(splitEndpoint);
  const kind = endpoints[0]?.kind ?? 'esplora';
  const same = endpoints.filter((e) => e.kind === kind);
  const http = createHttpJson({ chain: chain.slug, baseUrls: same.map((e) => e.url), headers: same[0]?.headers ?? {}, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const label = same[0]?.url ?? chain.slug;
  const source: BitcoinSource = kind === 'core-rpc' ? createCoreRpcSource(http, label) : createEsploraSource(http, label);
  const now = () => new Date().toISOString();

  return {
    family: 'bitcoin',
    chain,
    capabilities: { rawTxDecode: true, mempool: true, trace: false, tokenBalances: false },
    acceptsHash: (hash) => txidPattern.test(hash),
    async diagnoseTx(hash, opts = {}): Promise<TxDiagnosis> {
      if (!txidPattern.test(hash)) throw new TxIdInvalidError(hash, chain.name, '64 hexadecimal characters without 0x');
      const txid = hash.toLowerCase();
      const locale = opts.locale ?? 'en';
      const pre: Finding[] = [];
      let raw: DecodedRawTx | undefined;
      if (opts.raw) {
        raw = decodeRawTx(opts.raw, network, chain.name);
        const prevouts = new Map<string, bigint>();
        for (const vin of raw.inputs) {
          const parent = await source.getTx(vin.txid, opts.signal);
          const out = parent?.vout[vin.vout];
          if (out) prevouts.set(`${vin.txid}:${vin.vout}`, out.valueSat);
        }
        raw = decodeRawTx(opts.raw, network, chain.name, prevouts);
        const fee = raw.feeSat !== undefined ? `${raw.feeSat} sat (${(Number(raw.feeSat) / raw.vsize).toFixed(2)} sat/vB)` : 'unknown (prevouts not found)';
        pre.push(
          makeFinding(btcFindings, 'btc.raw.decoded', { txid: raw.txid, vsize: raw.vsize, inputs: raw.inputs.length, outputs: raw.outputs.length, rbf: raw.rbf ? 'signalled' : 'not signalled', fee }, {
            txid: raw.txid,
            vsize: raw.vsize,
            rbf: raw.rbf,
            feeSat: raw.feeSat?.toString(),
            inputs: raw.inputs,
            outputs: raw.outputs.map((o) => ({ address: o.address, valueSat: o.valueSat.toString() })),
          }, locale),
        );
        if (raw.txid !== txid) pre.push(makeFinding(btcFindings, 'btc.raw.hash_mismatch', { txid, rawTxid: raw.txid }, { txid, rawTxid: raw.txid }, locale));
      }
      const result = await analyzeBitcoinTx({ chain, network, source, txid, locale, signal: opts.signal, ...(raw && raw.txid === txid ? { raw } : {}), ...(opts.expectedRecipient ? { expectedRecipient: opts.expectedRecipient } : {}) });
      const url = explorerUrl(chain, 'tx', txid);
      return { chain: chain.slug, hash: txid, status: result.status, findings: [...pre, ...result.findings], ...(url ? { explorerUrl: url } : {}), roundTrips: source.roundTrips, checkedAt: now() };
    },
    async inspectAddress(address, opts = {}): Promise<AddressReport> {
      const locale = opts.locale ?? 'en';
      const url = explorerUrl(chain, 'address', address);
      const base = { chain: chain.slug, address, ...(url ? { explorerUrl: url } : {}), checkedAt: now() };
      if (!addressScript(address, network)) {
        const other = Object.entries(bitcoinNetworks).find(([slug, net]) => slug !== chain.slug && addressScript(address, net));
        const hint = other ? ` (it is a ${other[0]} address)` : '';
        return { ...base, valid: false, balances: [], findings: [makeFinding(btcFindings, 'btc.address.invalid', { address, chain: chain.name, hint }, { otherNetwork: other?.[0] }, locale)] };
      }
      const facts = await source.address(address, opts.signal);
      const d = chain.nativeDecimals;
      const params = { address, symbol: chain.nativeSymbol, confirmed: formatUnits(facts.confirmedSat, d), unconfirmed: formatUnits(facts.unconfirmedSat, d), utxoCount: facts.utxos.length, txCount: facts.txCount };
      const evidence = { confirmedSat: facts.confirmedSat.toString(), unconfirmedSat: facts.unconfirmedSat.toString(), utxos: facts.utxos.map((u) => ({ ...u, valueSat: u.valueSat.toString() })) };
      const findings = [makeFinding(btcFindings, 'btc.address.summary', params, evidence, locale)];
      if (facts.unconfirmedSat !== 0n) findings.push(makeFinding(btcFindings, 'btc.address.unconfirmed', params, { unconfirmedSat: facts.unconfirmedSat.toString(), pendingUtxos: facts.utxos.filter((u) => !u.confirmed).map((u) => `${u.txid}:${u.vout}`) }, locale));
      return {
        ...base,
        valid: true,
        balances: [{ symbol: chain.nativeSymbol, amount: facts.confirmedSat.toString(), decimals: d, display: params.confirmed }],
        pendingCount: facts.utxos.filter((u) => !u.confirmed).length,
        findings,
        roundTrips: source.roundTrips,
      };
    },
    async feeMarket(opts = {}): Promise<FeeMarket> {
      const t = await source.feeTargets(opts.signal);
      if (!t) throw new ChainRpcBadResponseError(label, 'the endpoint gives no fee estimates');
      return { chain: chain.slug, fees: { nextBlockSatVb: t.nextBlockSatVb, halfHourSatVb: t.halfHourSatVb, hourSatVb: t.hourSatVb, minimumSatVb: t.minimumSatVb, source: t.source }, observedAt: now() };
    },
    describeFoundElsewhere(hash, where, locale = 'en') {
      return makeFinding(btcFindings, 'btc.tx.found_on_other_chain', { txid: hash, chain: chain.name, otherChain: where.chain, otherStatus: where.status }, { foundOn: where.chain, status: where.status }, locale);
    },
  };
}

/** The Bitcoin-family entry of `adapterFactories`. */
export const bitcoinAdapterFactory: AdapterFactory = {
  family: 'bitcoin',
  acceptsHash: (hash) => txidPattern.test(hash),
  acceptsAddress: (address) => Object.values(bitcoinNetworks).some((net) => Boolean(addressScript(address, net))),
  create: (chain, options) => createBitcoinAdapter(chain, options),
  async identify(url, options, registry: ChainRegistry, signal) {
    const ep = splitEndpoint(url);
    const http = createHttpJson({ chain: 'bitcoin', baseUrls: [ep.url], headers: ep.headers, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
    const hash = ep.kind === 'core-rpc' ? String(await http.rpc('getblockhash', [0], { signal })) : ((await http.getText('/block-height/0', { signal })) ?? '').trim();
    const slug = genesis[hash];
    const known = slug ? registry.find(slug) : undefined;
    if (!known) throw new ChainRpcBadResponseError(ep.url, `genesis block ${hash.slice(0, 16)}… is not a Bitcoin-family chain OpsDesk knows`);
    return { ...known, rpcUrls: [url] };
  },
};
