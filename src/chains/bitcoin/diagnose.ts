import type { Network } from 'bitcoinjs-lib';
import { btcFindings } from '../findings/btc.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { Finding, TxStatus } from '../port.ts';
import type { ChainInfo } from '../registry/chain.ts';
import type { DecodedRawTx } from './decode-raw.ts';
import { addressScript, childVsize, dustLimit, keyHashOf, outputType, sameKeyAddresses, scriptAddress } from './networks.ts';
import type { BitcoinSource, BtcTx, FeeTargets } from './source.ts';

export interface BtcAnalysisInput {
  chain: ChainInfo;
  network: Network;
  source: BitcoinSource;
  txid: string;
  raw?: DecodedRawTx;
  expectedRecipient?: string;
  locale: string;
  signal?: AbortSignal | undefined;
}

/** Formats base units with the chain's decimals, trimming trailing zeros. */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / base}${frac ? '.' + frac : ''}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Reads the transaction and explains its state: not found, dropped, replaced, pending (fees, RBF, CPFP, parents) or confirmed, plus output checks. */
export async function analyzeBitcoinTx(input: BtcAnalysisInput): Promise<{ status: TxStatus; findings: Finding[] }> {
  const { chain, source, txid, locale, signal } = input;
  const f = (code: string, params: Record<string, string | number | bigint>, evidence: Record<string, unknown>) =>
    makeFinding(btcFindings, code, { chain: chain.name, symbol: chain.nativeSymbol, ...params }, evidence, locale);
  const findings: Finding[] = [];
  const tx = await source.getTx(txid, signal);
  if (!tx) return explainMissing(input, f);

  if (tx.confirmed) {
    const confirmations = tx.confirmations ?? (tx.blockHeight !== undefined ? (await source.tipHeight(signal)) - tx.blockHeight + 1 : 1);
    const finalityBlocks = chain.finalityBlocks ?? 6;
    findings.push(
      f('btc.success.confirmed', { txid, blockHeight: tx.blockHeight ?? 'unknown', confirmations, finalityBlocks }, { blockHeight: tx.blockHeight, blockTime: tx.blockTime, confirmations, finalityBlocks, final: confirmations >= finalityBlocks }),
    );
  } else {
    findings.push(...(await explainPending(input, tx, f)));
  }
  findings.push(...checkOutputs(input, tx, f));
  return { status: tx.confirmed ? 'confirmed' : 'pending', findings };
}

type MakeF = (code: string, params: Record<string, string | number | bigint>, evidence: Record<string, unknown>) => Finding;

async function explainMissing(input: BtcAnalysisInput, f: MakeF): Promise<{ status: TxStatus; findings: Finding[] }> {
  const { source, txid, raw, signal } = input;
  const replacement = await source.findReplacement?.(txid, signal);
  if (replacement) {
    return { status: 'replaced', findings: [f('btc.tx.replaced', { txid, replacedBy: replacement.txid }, { replacedBy: replacement.txid, replacementFeeRateSatVb: replacement.feeRateSatVb, fullRbf: replacement.fullRbf, via: 'rbf-tree' })] };
  }
  if (raw && source.outspends) {
    for (const vin of raw.inputs) {
      const spends = await source.outspends(vin.txid, signal);
      const spender = spends?.[vin.vout];
      if (spender && spender !== txid) {
        return { status: 'replaced', findings: [f('btc.tx.replaced', { txid, replacedBy: spender }, { replacedBy: spender, input: `${vin.txid}:${vin.vout}`, via: 'outspends' })] };
      }
    }
    const targets = await source.feeTargets(signal);
    const neededSatVb = targets ? targets.halfHourSatVb : 'current';
    return { status: 'dropped', findings: [f('btc.tx.dropped', { txid, neededSatVb }, { inputsUnspent: raw.inputs.map((i) => `${i.txid}:${i.vout}`), feeTargets: targets })] };
  }
  return { status: 'not_found', findings: [f('btc.tx.not_found', { txid }, { endpoint: source.kind, rawGiven: Boolean(raw) })] };
}

async function explainPending(input: BtcAnalysisInput, tx: BtcTx, f: MakeF): Promise<Finding[]> {
  const { source, txid, chain, signal } = input;
  const out: Finding[] = [];
  const [targets, anc] = await Promise.all([source.feeTargets(signal), source.ancestors?.(txid, signal)]);
  const ancestors = anc?.ancestors ?? [];
  const unconfirmedInputs = ancestors.length ? [] : await unconfirmedParents(source, tx, signal);
  const parents = ancestors.length ? ancestors.map((a) => a.txid) : unconfirmedInputs;
  if (parents.length) out.push(f('btc.pending.unconfirmed_parent', { count: parents.length, parents: parents.join(', ') }, { parents, ancestors }));
  const feeSat = tx.feeSat;
  const ownRate = feeSat !== undefined && tx.vsize ? Number(feeSat) / tx.vsize : undefined;
  const pkgFee = (feeSat ?? 0n) + ancestors.reduce((s, a) => s + a.feeSat, 0n);
  const pkgVsize = tx.vsize + ancestors.reduce((s, a) => s + a.vsize, 0);
  const effective = anc?.effectiveFeeRateSatVb ?? (ancestors.length && feeSat !== undefined ? Number(pkgFee) / pkgVsize : ownRate);
  if (effective !== undefined && targets) {
    const ev = { feeSat: feeSat?.toString(), vsize: tx.vsize, feeRateSatVb: round2(ownRate ?? effective), effectiveFeeRateSatVb: round2(effective), feeTargets: targets };
    const params = { feeRateSatVb: round2(effective), nextBlockSatVb: targets.nextBlockSatVb, halfHourSatVb: targets.halfHourSatVb, hourSatVb: targets.hourSatVb };
    const lowFee = effective < targets.hourSatVb;
    if (lowFee) out.push(f('btc.pending.low_fee', params, ev));
    else out.push(f('btc.pending.waiting', { ...params, etaMinutes: etaMinutes(effective, targets, chain) }, ev));
    if (tx.vin.some((i) => i.sequence < 0xfffffffe) && feeSat !== undefined) {
      const target = Math.max(targets.halfHourSatVb, Math.ceil(effective) + 1);
      const minFeeSat = BigInt(Math.max(Math.ceil(target * tx.vsize), Number(feeSat) + tx.vsize));
      out.push(f('btc.pending.rbf_bump', { targetSatVb: target, minFeeSat, vsize: tx.vsize }, { sequences: tx.vin.map((i) => i.sequence), currentFeeSat: feeSat.toString(), minFeeSat: minFeeSat.toString(), targetSatVb: target, rule: 'BIP125: new fee ≥ old fee + 1 sat/vB × new vsize, and the target rate' }));
    }
    if (lowFee && feeSat !== undefined) {
      const cpfp = await cpfpCandidate(input, tx, signal);
      if (cpfp) {
        const target = targets.halfHourSatVb;
        const cv = childVsize(cpfp.type);
        const childFeeSat = BigInt(Math.max(Math.ceil(target * (pkgVsize + cv)) - Number(pkgFee), Math.ceil(target * cv)));
        if (childFeeSat < cpfp.valueSat) {
          out.push(
            f('btc.pending.cpfp_possible', { vout: cpfp.vout, address: cpfp.address, childVsize: cv, childFeeSat, targetSatVb: target, childRateSatVb: round2(Number(childFeeSat) / cv) }, {
              vout: cpfp.vout,
              address: cpfp.address,
              outputValueSat: cpfp.valueSat.toString(),
              packageFeeSat: pkgFee.toString(),
              packageVsize: pkgVsize,
              childVsize: cv,
              childFeeSat: childFeeSat.toString(),
              targetSatVb: target,
            }),
          );
        }
      }
    }
  }
  return out;
}

function etaMinutes(rate: number, t: FeeTargets, chain: ChainInfo): number {
  const block = (chain.blockTimeSec ?? 600) / 60;
  if (rate >= t.nextBlockSatVb) return Math.max(1, Math.round(block));
  if (rate >= t.halfHourSatVb) return Math.max(1, Math.round(block * 3));
  return Math.max(1, Math.round(block * 6));
}

async function unconfirmedParents(source: BitcoinSource, tx: BtcTx, signal?: AbortSignal): Promise<string[]> {
  if (source.ancestors) return [];
  const ids = [...new Set(tx.vin.filter((i) => !i.coinbase).map((i) => i.txid))].slice(0, 5);
  const parents = await Promise.all(ids.map((id) => source.getTx(id, signal)));
  return parents.filter((p): p is BtcTx => Boolean(p && !p.confirmed)).map((p) => p.txid);
}

async function cpfpCandidate(input: BtcAnalysisInput, tx: BtcTx, signal?: AbortSignal): Promise<{ vout: number; address: string; valueSat: bigint; type: ReturnType<typeof outputType> } | undefined> {
  const inputAddrs = new Set(tx.vin.map((i) => i.prevout?.address).filter(Boolean));
  const spends = await input.source.outspends?.(tx.txid, signal);
  const candidates = tx.vout
    .map((o, vout) => ({ ...o, vout }))
    .filter((o) => o.address && !spends?.[o.vout])
    .sort((a, b) => {
      const rank = (o: { address?: string }) => (o.address === input.expectedRecipient ? 0 : inputAddrs.has(o.address) ? 1 : 2);
      return rank(a) - rank(b) || Number(b.valueSat - a.valueSat);
    });
  const best = candidates[0];
  if (!best?.address) return undefined;
  return { vout: best.vout, address: best.address, valueSat: best.valueSat, type: outputType(Buffer.from(best.scriptHex, 'hex')) };
}

function checkOutputs(input: BtcAnalysisInput, tx: BtcTx, f: MakeF): Finding[] {
  const { network, chain, expectedRecipient } = input;
  const out: Finding[] = [];
  const outputs = tx.vout.map((o, vout) => ({ ...o, vout, script: Buffer.from(o.scriptHex, 'hex'), address: o.address ?? scriptAddress(Buffer.from(o.scriptHex, 'hex'), network) }));
  const listed = outputs.map((o) => o.address ?? 'script').join(', ');
  if (expectedRecipient) {
    const exact = outputs.find((o) => o.address === expectedRecipient);
    const expectedScript = addressScript(expectedRecipient, network);
    const expectedHash = expectedScript ? keyHashOf(expectedScript) : undefined;
    if (exact) {
      out.push(f('btc.recipient.found', { vout: exact.vout, address: expectedRecipient, amount: formatUnits(exact.valueSat, chain.nativeDecimals) }, { vout: exact.vout, valueSat: exact.valueSat.toString() }));
    } else {
      const sameKey = expectedHash ? outputs.find((o) => keyHashOf(o.script) === expectedHash) : undefined;
      if (sameKey && expectedHash) {
        const paidType = outputType(sameKey.script);
        out.push(f('btc.recipient.address_type_mismatch', { vout: sameKey.vout, address: expectedRecipient, paidAddress: sameKey.address ?? 'script', paidType }, { keyHash: expectedHash, paidType, expectedType: expectedScript ? outputType(expectedScript) : undefined, sameKeyAddresses: sameKeyAddresses(expectedHash, network), valueSat: sameKey.valueSat.toString() }));
      } else {
        out.push(f('btc.recipient.not_in_outputs', { address: expectedRecipient, outputs: listed }, { outputs: outputs.map((o) => ({ address: o.address, valueSat: o.valueSat.toString() })) }));
      }
    }
  }
  const inputAddrs = new Set(tx.vin.map((i) => i.prevout?.address).filter((a): a is string => Boolean(a)));
  const payable = outputs.filter((o) => outputType(o.script) !== 'op_return');
  if (!expectedRecipient && inputAddrs.size && payable.length && payable.every((o) => o.address && inputAddrs.has(o.address))) {
    out.push(f('btc.recipient.change_only', { outputs: listed }, { inputAddresses: [...inputAddrs], outputs: payable.map((o) => ({ address: o.address, valueSat: o.valueSat.toString() })) }));
  }
  for (const o of outputs) {
    const limit = dustLimit(chain.slug, outputType(o.script));
    if (limit > 0n && o.valueSat < limit) out.push(f('btc.output.dust', { vout: o.vout, valueSat: o.valueSat, address: o.address ?? 'script', dustLimitSat: limit }, { vout: o.vout, valueSat: o.valueSat.toString(), dustLimitSat: limit.toString(), type: outputType(o.script) }));
  }
  return out;
}
