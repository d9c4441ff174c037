import { z } from 'zod';
import { BitcoinAddressLookupUnsupportedError, ChainRpcBadResponseError, ChainRpcError } from './errors.ts';
import type { HttpJson } from './http-json.ts';
import type { BitcoinSource, BtcTx } from './source.ts';


/** A coin amount as Bitcoin Core prints it (BTC, 8 decimals) to base units without float rounding. */
export function coinToSat(value: number | string): bigint {
  const [whole = '0', frac = ''] = (typeof value === 'number' ? value.toFixed(8) : value).split('.');
  const negative = whole.startsWith('-');
  const n = BigInt(whole.replace('-', '')) * 100_000_000n + BigInt((frac + '00000000').slice(0, 8));
  return negative ? -n : n;
}

const ScriptPubKey = z.object({ hex: z.string(), address: z.string().optional() });
const CoreTx = z.object({
  txid: z.string(),
  size: z.number(),
  vsize: z.number().optional(),
  fee: z.number().optional(),
  confirmations: z.number().optional(),
  blocktime: z.number().optional(),
  vin: z.array(z.object({ txid: z.string().optional(), vout: z.number().optional(), coinbase: z.string().optional(), sequence: z.number(), prevout: z.object({ value: z.number(), scriptPubKey: ScriptPubKey }).optional() })),
  vout: z.array(z.object({ value: z.number(), scriptPubKey: ScriptPubKey })),
});
const SmartFee = z.object({ feerate: z.number().optional() });
const MempoolInfo = z.object({ mempoolminfee: z.number() });
const Ancestors = z.record(z.string(), z.object({ vsize: z.number(), fees: z.object({ base: z.number() }) }));

const notFoundCodes = new Set([-5]);

/** Reads a Bitcoin Core (or Litecoin/Dogecoin Core) JSON-RPC node: getrawtransaction verbosity 2, estimatesmartfee, getmempoolancestors. */
export function createCoreRpcSource(http: HttpJson, baseLabel: string): BitcoinSource {
  const parse = <T extends z.ZodType>(schema: T, v: unknown, what: string): z.output<T> => {
    const r = schema.safeParse(v);
    if (!r.success) throw new ChainRpcBadResponseError(baseLabel, `${what}: ${r.error.issues[0]?.message ?? 'unexpected shape'}`);
    return r.data;
  };
  const satVb = (btcPerKvB: number) => Math.round(btcPerKvB * 100_000 * 100) / 100;
  return {
    kind: 'core-rpc',
    mempool: true,
    get roundTrips() {
      return http.roundTrips;
    },
    async getTx(txid, signal) {
      let raw: unknown;
      try {
        raw = await http.rpc('getrawtransaction', [txid, 2], { signal });
      } catch (err) {
        if (err instanceof ChainRpcError && notFoundCodes.has(err.rpcCode)) return undefined;
        // Older cores (Dogecoin 1.14) take a boolean verbose flag and have no verbosity 2 (no prevouts, so no fee).
        if (!(err instanceof ChainRpcError) || (err.rpcCode !== -1 && err.rpcCode !== -3)) throw err;
        try {
          raw = await http.rpc('getrawtransaction', [txid, true], { signal });
        } catch (retry) {
          if (retry instanceof ChainRpcError && notFoundCodes.has(retry.rpcCode)) return undefined;
          throw retry;
        }
      }
      const t = parse(CoreTx, raw, 'getrawtransaction');
      const tx: BtcTx = {
        txid: t.txid,
        confirmed: (t.confirmations ?? 0) > 0,
        vsize: t.vsize ?? t.size,
        vin: t.vin.map((i) => ({
          txid: i.txid ?? '',
          vout: i.vout ?? 0,
          sequence: i.sequence,
          coinbase: i.coinbase !== undefined,
          ...(i.prevout ? { prevout: { scriptHex: i.prevout.scriptPubKey.hex, valueSat: coinToSat(i.prevout.value), ...(i.prevout.scriptPubKey.address ? { address: i.prevout.scriptPubKey.address } : {}) } } : {}),
        })),
        vout: t.vout.map((o) => ({ scriptHex: o.scriptPubKey.hex, valueSat: coinToSat(o.value), ...(o.scriptPubKey.address ? { address: o.scriptPubKey.address } : {}) })),
      };
      if (t.fee !== undefined) tx.feeSat = coinToSat(t.fee);
      if (t.confirmations !== undefined) tx.confirmations = t.confirmations;
      if (t.blocktime !== undefined) tx.blockTime = t.blocktime;
      return tx;
    },
    async tipHeight(signal) {
      const n = await http.rpc('getblockcount', [], { signal });
      if (typeof n !== 'number') throw new ChainRpcBadResponseError(baseLabel, 'getblockcount is not a number');
      return n;
    },
    async feeTargets(signal) {
      const [next, half, hour, info] = await Promise.all([
        http.rpc('estimatesmartfee', [1], { signal }),
        http.rpc('estimatesmartfee', [3], { signal }),
        http.rpc('estimatesmartfee', [6], { signal }),
        http.rpc('getmempoolinfo', [], { signal }),
      ]);
      const rates = [next, half, hour].map((r) => parse(SmartFee, r, 'estimatesmartfee').feerate);
      if (rates.some((r) => r === undefined)) return undefined;
      const [n, h, o] = rates as [number, number, number];
      return { nextBlockSatVb: satVb(n), halfHourSatVb: satVb(h), hourSatVb: satVb(o), minimumSatVb: satVb(parse(MempoolInfo, info, 'getmempoolinfo').mempoolminfee), source: 'estimatesmartfee' };
    },
    async ancestors(txid, signal) {
      let raw: unknown;
      try {
        raw = await http.rpc('getmempoolancestors', [txid, true], { signal });
      } catch (err) {
        if (err instanceof ChainRpcError && notFoundCodes.has(err.rpcCode)) return undefined;
        throw err;
      }
      const map = parse(Ancestors, raw, 'getmempoolancestors');
      return { ancestors: Object.entries(map).map(([id, e]) => ({ txid: id, feeSat: coinToSat(e.fees.base), vsize: e.vsize })) };
    },
    address() {
      return Promise.reject(new BitcoinAddressLookupUnsupportedError(baseLabel));
    },
  };
}
