import type { z } from 'zod';
import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import { makeFinding } from '../findings/catalog.ts';
import { tronFindings } from '../findings/tron.ts';
import type { Finding, TxStatus } from '../port.ts';
import { knownTrc20, tronAddressFromHex } from './address.ts';
import { TronAccount, TronTx, TronTxInfo } from './shapes.ts';

const transferTopic = 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const trx = (sun: number | bigint) => formatUnits(BigInt(sun), 6);

export function parseTron<T extends z.ZodType>(schema: T, v: unknown, what: string, url: string): z.output<T> {
  const r = schema.safeParse(v);
  if (!r.success) throw new ChainRpcBadResponseError(url, `${what}: ${r.error.issues[0]?.message ?? 'unexpected shape'}`);
  return r.data;
}

/** Decodes an ABI Error(string) revert payload or a hex resMessage into text. */
export function revertReason(contractResult: string | undefined, resMessage: string | undefined): string {
  const hex = (contractResult ?? '').replace(/^0x/, '');
  if (hex.startsWith('08c379a0') && hex.length >= 8 + 128) {
    const len = Number.parseInt(hex.slice(8 + 64, 8 + 128), 16);
    const text = Buffer.from(hex.slice(8 + 128, 8 + 128 + len * 2), 'hex').toString('utf8');
    if (text) return text;
  }
  if (resMessage && /^[0-9a-fA-F]+$/.test(resMessage)) return Buffer.from(resMessage, 'hex').toString('utf8');
  return resMessage ?? 'no reason given';
}

export interface TronAnalysisInput {
  http: HttpJson;
  url: string;
  txid: string;
  locale: string;
  expectedRecipient?: string;
  now: number;
  signal?: AbortSignal | undefined;
}

/** Explains a Tron transaction from gettransactionbyid + gettransactioninfobyid (+ getaccount for recipients). */
export async function analyzeTronTx(input: TronAnalysisInput): Promise<{ status: TxStatus; findings: Finding[] }> {
  const { http, url, txid, locale, signal } = input;
  const f = (code: string, params: Record<string, string | number | bigint>, evidence: Record<string, unknown>) => makeFinding(tronFindings, code, { txid, ...params }, evidence, locale);
  const [txRaw, infoRaw] = await Promise.all([http.post('/wallet/gettransactionbyid', { value: txid }, { signal }), http.post('/wallet/gettransactioninfobyid', { value: txid }, { signal })]);
  const tx = parseTron(TronTx, txRaw ?? {}, 'gettransactionbyid', url);
  const info = parseTron(TronTxInfo, infoRaw ?? {}, 'gettransactioninfobyid', url);
  if (!info.id) {
    if (!tx.txID) return { status: 'not_found', findings: [f('tron.tx.not_found', {}, {})] };
    const expiration = tx.raw_data?.expiration;
    if (expiration !== undefined && expiration < input.now) return { status: 'dropped', findings: [f('tron.tx.expired', { expiration: new Date(expiration).toISOString() }, { expiration })] };
    return { status: 'pending', findings: [f('tron.tx.pending', {}, { expiration })] };
  }
  const receipt = info.receipt ?? {};
  const result = receipt.result ?? tx.ret?.[0]?.contractRet ?? (info.result === 'FAILED' ? 'FAILED' : 'SUCCESS');
  const feeTrx = trx(info.fee ?? 0);
  const base = { blockNumber: info.blockNumber, blockTimeStamp: info.blockTimeStamp, feeSun: String(info.fee ?? 0), receipt };
  const findings: Finding[] = [];
  const failed = info.result === 'FAILED' || result !== 'SUCCESS';
  if (failed) {
    const feeLimit = tx.raw_data?.fee_limit;
    if (result === 'OUT_OF_ENERGY') {
      const message = revertReason(undefined, info.resMessage);
      const limit = Number(/curInvokeEnergyLimit\[(\d+)\]/.exec(message)?.[1] ?? receipt.energy_usage_total ?? 0);
      // The energy price of the block is what was burned per unit; the fee limit buys feeLimit/price energy at most.
      const price = receipt.energy_fee && receipt.energy_usage_total ? receipt.energy_fee / receipt.energy_usage_total : undefined;
      const feeLimitEnergy = price && feeLimit !== undefined ? Math.floor(feeLimit / price) : undefined;
      const limitedBy = feeLimitEnergy === undefined ? 'unknown' : feeLimitEnergy <= limit * 1.01 ? 'the fee limit' : 'the TRX balance (and staked energy) of the sender';
      findings.push(
        f('tron.failed.out_of_energy', { feeTrx, energyLimit: limit || 'unknown', energyUsed: receipt.energy_usage_total ?? 0, energyFeeTrx: trx(receipt.energy_fee ?? 0), feeLimitTrx: feeLimit !== undefined ? trx(feeLimit) : 'unknown', limitedBy }, { ...base, resMessage: message, feeLimitSun: feeLimit, energyPriceSun: price, feeLimitEnergy, limitedBy, contract: info.contract_address ? tronAddressFromHex(info.contract_address) : undefined }),
      );
    } else if (result === 'OUT_OF_TIME') {
      findings.push(f('tron.failed.out_of_time', { feeTrx }, { ...base, resMessage: revertReason(undefined, info.resMessage) }));
    } else if (result === 'REVERT') {
      const reason = revertReason(info.contractResult?.[0], info.resMessage);
      findings.push(f('tron.failed.revert', { feeTrx, reason }, { ...base, reason, contractResult: info.contractResult?.[0] }));
    } else {
      const message = info.resMessage ? revertReason(undefined, info.resMessage) : '';
      findings.push(f('tron.failed.other', { feeTrx, result, message: message ? `: ${message}` : '' }, { ...base, result, resMessage: message }));
    }
  } else {
    findings.push(...(await explainSuccess(input, tx, info, f)));
  }
  if ((receipt.energy_fee ?? 0) > 0 || (receipt.net_fee ?? 0) > 0) {
    findings.push(f('tron.fee.resources_burned', { feeTrx, energyFeeTrx: trx(receipt.energy_fee ?? 0), energyUsage: receipt.energy_usage_total ?? 0, netFeeTrx: trx(receipt.net_fee ?? 0), netUsage: receipt.net_usage ?? 0 }, { energyFeeSun: receipt.energy_fee ?? 0, netFeeSun: receipt.net_fee ?? 0, energyUsageTotal: receipt.energy_usage_total, netUsage: receipt.net_usage }));
  }
  return { status: failed ? 'failed' : 'confirmed', findings };
}

type MakeF = (code: string, params: Record<string, string | number | bigint>, evidence: Record<string, unknown>) => Finding;

async function explainSuccess(input: TronAnalysisInput, tx: TronTx, info: TronTxInfo, f: MakeF): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const c of tx.raw_data?.contract ?? []) {
    const v = c.parameter.value;
    if (c.type === 'TransferContract' && typeof v.amount === 'number') {
      const from = tronAddressFromHex(String(v.owner_address ?? ''));
      const to = tronAddressFromHex(String(v.to_address ?? ''));
      out.push(f('tron.success.trx_transfer', { amount: trx(v.amount), from, to }, { amountSun: String(v.amount), from, to }));
    }
  }
  for (const log of info.log ?? []) {
    if (log.topics[0]?.toLowerCase() !== transferTopic || log.topics.length < 3) continue;
    const token = tronAddressFromHex(log.address);
    const known = knownTrc20[token];
    const from = tronAddressFromHex(log.topics[1]!.slice(-40));
    const to = tronAddressFromHex(log.topics[2]!.slice(-40));
    const raw = BigInt('0x' + (log.data || '0'));
    const amount = known ? formatUnits(raw, known.decimals) : raw.toString();
    const symbol = known?.symbol ?? 'TRC-20';
    out.push(f('tron.success.trc20_transfer', { symbol, token, amount, from, to }, { token, symbol, decimals: known?.decimals, amount: raw.toString(), display: amount, from, to }));
    const expected = input.expectedRecipient;
    if (expected && /^0x[0-9a-fA-F]{40}$/.test(expected)) {
      const sameKey = log.topics[2]!.slice(-40).toLowerCase() === expected.slice(2).toLowerCase();
      out.push(f('tron.sent.network_mismatch', { symbol, to, expected, sameKey: sameKey ? ' (same 20-byte key hash: recoverable by the key holder)' : '' }, { to, expected, sameKeyHash: sameKey }));
    }
    const account = parseTron(TronAccount, (await input.http.post('/wallet/getaccount', { address: to, visible: true }, { signal: input.signal })) ?? {}, 'getaccount', input.url);
    if (!account.address) out.push(f('tron.recipient.not_activated', { address: to }, { address: to }));
  }
  return out;
}
