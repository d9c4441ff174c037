import { z } from 'zod';
import { ChainRpcBadResponseError } from './errors.ts';
import type { HttpJson } from './http-json.ts';
import type { AddressFacts, BitcoinSource, BtcTx, FeeTargets } from './source.ts';

const sat = z.union([z.number(), z.string()]).transform((v) => BigInt(Math.round(Number(v))));

const EsploraTx = z.object({
  txid: z.string(),
  size: z.number().optional(),
  weight: z.number().optional(),
  vsize: z.number().optional(),
  fee: z.number().optional(),
  status: z.object({ confirmed: z.boolean(), block_height: z.number().optional(), block_time: z.number().optional() }),
  vin: z.array(
    z.object({
      txid: z.string(),
      vout: z.number(),
      sequence: z.number(),
      is_coinbase: z.boolean().optional(),
      prevout: z.object({ scriptpubkey: z.string(), scriptpubkey_address: z.string().optional(), value: sat }).nullish(),
    }),
  ),
  vout: z.array(z.object({ scriptpubkey: z.string(), scriptpubkey_address: z.string().optional(), value: sat })),
});

const Recommended = z.object({ fastestFee: z.number(), halfHourFee: z.number(), hourFee: z.number(), minimumFee: z.number() });
const MempoolBlocks = z.array(z.object({ medianFee: z.number(), feeRange: z.array(z.number()) }));
const RbfTree = z.object({ replacements: z.object({ tx: z.object({ txid: z.string(), rate: z.number().optional(), fullRbf: z.boolean().optional() }) }).nullish() }).nullish();
const Cpfp = z.object({ ancestors: z.array(z.object({ txid: z.string(), fee: z.number(), weight: z.number() })).default([]), effectiveFeePerVsize: z.number().optional() });
const Outspends = z.array(z.object({ spent: z.boolean(), txid: z.string().optional() }));
const Stats = z.object({ funded_txo_sum: sat, spent_txo_sum: sat, tx_count: z.number() });
const AddressInfo = z.object({ chain_stats: Stats, mempool_stats: Stats });
const Utxos = z.array(z.object({ txid: z.string(), vout: z.number(), value: sat, status: z.object({ confirmed: z.boolean() }) }));

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string, base: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ChainRpcBadResponseError(base, `${what}: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`.trim());
  return r.data;
}

/** Reads an Esplora REST API (Blockstream shape) with the mempool.space extensions (/v1/fees, /v1/tx/:id/rbf, /v1/cpfp) when present. */
export function createEsploraSource(http: HttpJson, baseLabel: string): BitcoinSource {
  return {
    kind: 'esplora',
    mempool: true,
    get roundTrips() {
      return http.roundTrips;
    },
    async getTx(txid, signal) {
      const raw = await http.get(`/tx/${txid}`, { signal, notFoundOn400: true });
      if (raw === undefined) return undefined;
      const t = parse(EsploraTx, raw, `/tx/${txid}`, baseLabel);
      const vsize = t.vsize ?? (t.weight ? Math.ceil(t.weight / 4) : (t.size ?? 0));
      const tx: BtcTx = {
        txid: t.txid,
        confirmed: t.status.confirmed,
        vsize,
        vin: t.vin.map((i) => ({
          txid: i.txid,
          vout: i.vout,
          sequence: i.sequence,
          coinbase: Boolean(i.is_coinbase),
          ...(i.prevout ? { prevout: { scriptHex: i.prevout.scriptpubkey, valueSat: i.prevout.value, ...(i.prevout.scriptpubkey_address ? { address: i.prevout.scriptpubkey_address } : {}) } } : {}),
        })),
        vout: t.vout.map((o) => ({ scriptHex: o.scriptpubkey, valueSat: o.value, ...(o.scriptpubkey_address ? { address: o.scriptpubkey_address } : {}) })),
      };
      if (t.fee !== undefined) tx.feeSat = BigInt(t.fee);
      if (t.status.block_height !== undefined) tx.blockHeight = t.status.block_height;
      if (t.status.block_time !== undefined) tx.blockTime = t.status.block_time;
      return tx;
    },
    async tipHeight(signal) {
      const text = await http.getText('/blocks/tip/height', { signal });
      const n = Number(text);
      if (!text || !Number.isInteger(n)) throw new ChainRpcBadResponseError(baseLabel, `/blocks/tip/height is not a number`);
      return n;
    },
    async feeTargets(signal): Promise<FeeTargets | undefined> {
      const rec = await http.get('/v1/fees/recommended', { signal });
      if (rec !== undefined) {
        const r = parse(Recommended, rec, '/v1/fees/recommended', baseLabel);
        return { nextBlockSatVb: r.fastestFee, halfHourSatVb: r.halfHourFee, hourSatVb: r.hourFee, minimumSatVb: r.minimumFee, source: 'fees/recommended' };
      }
      const blocks = await http.get('/v1/fees/mempool-blocks', { signal });
      if (blocks === undefined) return undefined;
      const b = parse(MempoolBlocks, blocks, '/v1/fees/mempool-blocks', baseLabel);
      const minOf = (i: number) => b[i]?.feeRange[0] ?? b[b.length - 1]?.feeRange[0] ?? 1;
      return { nextBlockSatVb: minOf(0), halfHourSatVb: minOf(2), hourSatVb: minOf(5), minimumSatVb: Math.min(...b.map((x) => x.feeRange[0] ?? 1), 1), source: 'mempool-blocks' };
    },
    async findReplacement(txid, signal) {
      const raw = await http.get(`/v1/tx/${txid}/rbf`, { signal, notFoundOn400: true });
      if (raw === undefined) return undefined;
      const tree = parse(RbfTree, raw, `/v1/tx/${txid}/rbf`, baseLabel);
      const top = tree?.replacements?.tx;
      if (!top || top.txid === txid) return undefined;
      return { txid: top.txid, ...(top.rate !== undefined ? { feeRateSatVb: top.rate } : {}), ...(top.fullRbf !== undefined ? { fullRbf: top.fullRbf } : {}) };
    },
    async ancestors(txid, signal) {
      const raw = await http.get(`/v1/cpfp/${txid}`, { signal, notFoundOn400: true });
      if (raw === undefined) return undefined;
      const c = parse(Cpfp, raw, `/v1/cpfp/${txid}`, baseLabel);
      return {
        ancestors: c.ancestors.map((a) => ({ txid: a.txid, feeSat: BigInt(a.fee), vsize: Math.ceil(a.weight / 4) })),
        ...(c.effectiveFeePerVsize !== undefined ? { effectiveFeeRateSatVb: c.effectiveFeePerVsize } : {}),
      };
    },
    async outspends(txid, signal) {
      const raw = await http.get(`/tx/${txid}/outspends`, { signal, notFoundOn400: true });
      if (raw === undefined) return undefined;
      return parse(Outspends, raw, `/tx/${txid}/outspends`, baseLabel).map((o) => (o.spent ? (o.txid ?? 'unknown') : undefined));
    },
    async address(addr, signal): Promise<AddressFacts> {
      const info = parse(AddressInfo, await http.get(`/address/${addr}`, { signal, notFoundOn400: true }), `/address/${addr}`, baseLabel);
      const utxos = parse(Utxos, (await http.get(`/address/${addr}/utxo`, { signal, notFoundOn400: true })) ?? [], `/address/${addr}/utxo`, baseLabel);
      return {
        confirmedSat: info.chain_stats.funded_txo_sum - info.chain_stats.spent_txo_sum,
        unconfirmedSat: info.mempool_stats.funded_txo_sum - info.mempool_stats.spent_txo_sum,
        txCount: info.chain_stats.tx_count + info.mempool_stats.tx_count,
        utxos: utxos.map((u) => ({ txid: u.txid, vout: u.vout, valueSat: u.value, confirmed: u.status.confirmed })),
      };
    },
  };
}
