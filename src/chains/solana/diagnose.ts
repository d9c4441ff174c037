import type { z } from 'zod';
import { formatUnits } from '../bitcoin/diagnose.ts';
import { ChainRpcBadResponseError } from '../bitcoin/errors.ts';
import type { HttpJson } from '../bitcoin/http-json.ts';
import { makeFinding } from '../findings/catalog.ts';
import { solFindings } from '../findings/sol.ts';
import type { Finding, TxStatus } from '../port.ts';
import type { DecodedSolanaTx } from './decode-raw.ts';
import { customErrorOf, programNames, programs } from './programs.ts';
import { BlockhashValid, keyOf, RecentFees, SignatureStatuses, SolTransaction } from './rpc-shapes.ts';

type Params = Record<string, string | number | bigint>;
type MakeF = (code: string, params: Params, evidence: Record<string, unknown>) => Finding;

function parse<T extends z.ZodType>(schema: T, v: unknown, what: string, url: string): z.output<T> {
  const r = schema.safeParse(v);
  if (!r.success) throw new ChainRpcBadResponseError(url, `${what}: ${r.error.issues[0]?.message ?? 'unexpected shape'}`);
  return r.data;
}

export interface SolAnalysisInput {
  rpc: HttpJson;
  url: string;
  signature: string;
  raw?: DecodedSolanaTx;
  locale: string;
  signal?: AbortSignal | undefined;
}

/** Explains a Solana signature: not found / expired / processing, failed (decoded InstructionError) or succeeded (decoded transfers). */
export async function analyzeSolanaTx(input: SolAnalysisInput): Promise<{ status: TxStatus; findings: Finding[] }> {
  const { rpc, url, signature, raw, locale, signal } = input;
  const f: MakeF = (code, params, evidence) => makeFinding(solFindings, code, { signature, ...params }, evidence, locale);
  const statuses = parse(SignatureStatuses, await rpc.rpc('getSignatureStatuses', [[signature], { searchTransactionHistory: true }], { signal }), 'getSignatureStatuses', url);
  const status = statuses.value[0];
  if (!status) {
    if (!raw) return { status: 'not_found', findings: [f('sol.tx.not_found', {}, { searchTransactionHistory: true })] };
    const valid = parse(BlockhashValid, await rpc.rpc('isBlockhashValid', [raw.blockhash, { commitment: 'processed' }], { signal }), 'isBlockhashValid', url).value;
    const findings = [valid ? f('sol.tx.not_landed_yet', { blockhash: raw.blockhash }, { blockhash: raw.blockhash, blockhashValid: true }) : f('sol.tx.blockhash_expired', { blockhash: raw.blockhash }, { blockhash: raw.blockhash, blockhashValid: false })];
    const fee = await priorityFeeCheck(rpc, url, raw.computeUnitPriceMicroLamports, raw.writableAccounts, f, signal);
    if (fee) findings.push(fee);
    return { status: valid ? 'pending' : 'dropped', findings };
  }
  const rawTx = await rpc.rpc('getTransaction', [signature, { encoding: 'jsonParsed', maxSupportedTransactionVersion: 0, commitment: 'confirmed' }], { signal });
  if (rawTx === null) return { status: 'pending', findings: [f('sol.tx.processing', { confirmationStatus: status.confirmationStatus ?? 'processed' }, { slot: status.slot, confirmationStatus: status.confirmationStatus })] };
  const tx = parse(SolTransaction, rawTx, 'getTransaction', url);
  const feeSol = formatUnits(BigInt(tx.meta.fee), 9);
  const base = { slot: tx.slot, blockTime: tx.blockTime, feeLamports: String(tx.meta.fee) };
  if (tx.meta.err !== null) return { status: 'failed', findings: [explainFailure(tx, feeSol, base, f)] };
  return { status: 'confirmed', findings: explainSuccess(tx, base, f) };
}

async function priorityFeeCheck(rpc: HttpJson, url: string, price: bigint, accounts: readonly string[], f: MakeF, signal?: AbortSignal): Promise<Finding | undefined> {
  const fees = parse(RecentFees, await rpc.rpc('getRecentPrioritizationFees', [accounts.slice(0, 128)], { signal }), 'getRecentPrioritizationFees', url);
  if (!fees.length) return undefined;
  const sorted = fees.map((x) => x.prioritizationFee).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  if (median <= 0 || Number(price) * 4 >= median) return undefined;
  return f('sol.fee.priority_below_recent', { priceMicroLamports: price, medianMicroLamports: median }, { priceMicroLamports: price.toString(), medianMicroLamports: median, samples: fees.length, p75MicroLamports: sorted[Math.floor(sorted.length * 0.75)] });
}

/** The innermost failing program named in the logs ("Program X failed: …" comes first for the deepest CPI). */
function failingProgram(tx: SolTransaction, index: number): string | undefined {
  for (const line of tx.meta.logMessages ?? []) {
    const m = /^Program (\w+) failed: /.exec(line);
    if (m) return m[1];
  }
  const ix = tx.transaction.message.instructions[index];
  if (!ix) return undefined;
  if (ix.programId) return ix.programId;
  const key = ix.programIdIndex !== undefined ? tx.transaction.message.accountKeys[ix.programIdIndex] : undefined;
  return key ? keyOf(key) : undefined;
}

function explainFailure(tx: SolTransaction, feeSol: string, base: Record<string, unknown>, f: MakeF): Finding {
  const err = tx.meta.err;
  const logs = tx.meta.logMessages ?? [];
  const evidence = { ...base, err, logTail: logs.slice(-6) };
  if (err === 'InsufficientFundsForFee') return f('sol.failed.insufficient_funds_fee', { feeSol }, evidence);
  if (typeof err === 'object' && err !== null && 'InsufficientFundsForRent' in err) {
    const idx = Number((err as { InsufficientFundsForRent: { account_index?: number } }).InsufficientFundsForRent.account_index ?? -1);
    const key = tx.transaction.message.accountKeys[idx];
    return f('sol.failed.insufficient_funds_rent', { feeSol, accountIndex: idx, account: key ? keyOf(key) : 'unknown' }, evidence);
  }
  const ie = typeof err === 'object' && err !== null && 'InstructionError' in err ? (err as { InstructionError: [number, unknown] }).InstructionError : undefined;
  if (!ie) return f('sol.failed.instruction_error', { feeSol, index: '-', programName: 'runtime', errorName: JSON.stringify(err) }, evidence);
  const [index, detail] = ie;
  const program = failingProgram(tx, index) ?? 'unknown';
  const programName = programNames[program] ?? 'unknown program';
  const isToken = program === programs.token || program === programs.token2022;
  const p = { feeSol, index, program, programName };
  const ev = { ...evidence, instructionIndex: index, program, programName };
  if (detail === 'ComputationalBudgetExceeded' || logs.some((l) => l.includes('exceeded CUs meter'))) {
    return f('sol.failed.compute_exceeded', { ...p, detail: typeof detail === 'string' ? detail : 'exceeded CUs meter' }, { ...ev, computeUnitsConsumed: tx.meta.computeUnitsConsumed });
  }
  if (typeof detail === 'object' && detail !== null && 'Custom' in detail) {
    const code = Number((detail as { Custom: number }).Custom);
    const known = customErrorOf(program, code);
    const cp = { ...p, code, codeHex: `0x${code.toString(16)}`, errorName: known.name ?? `custom ${code}` };
    const cev = { ...ev, customCode: code, customCodeHex: cp.codeHex, errorName: known.name };
    switch (known.kind) {
      case 'slippage':
        return f('sol.failed.slippage', cp, cev);
      case 'insufficient_sol':
        return f('sol.failed.insufficient_sol', cp, cev);
      case 'insufficient_token_balance':
        return f('sol.failed.insufficient_token_balance', cp, cev);
      case 'recipient_no_token_account':
        return f('sol.failed.recipient_no_token_account', cp, cev);
      case 'token_error':
        return f('sol.failed.token_error', cp, cev);
      default:
        return f('sol.failed.custom_program_error', { ...cp, errorName: known.name ? `: ${known.name}` : '' }, cev);
    }
  }
  const name = typeof detail === 'string' ? detail : JSON.stringify(detail);
  if (name === 'InsufficientFunds') return f(isToken ? 'sol.failed.insufficient_token_balance' : 'sol.failed.insufficient_sol', { ...p, errorName: name }, ev);
  if (isToken && (name === 'InvalidAccountData' || name === 'UninitializedAccount')) return f('sol.failed.recipient_no_token_account', { ...p, errorName: name }, ev);
  return f('sol.failed.instruction_error', { ...p, errorName: name }, ev);
}

function explainSuccess(tx: SolTransaction, base: Record<string, unknown>, f: MakeF): Finding[] {
  const out: Finding[] = [];
  const pre = tx.meta.preTokenBalances ?? [];
  const post = tx.meta.postTokenBalances ?? [];
  const deltas = new Map<string, { mint: string; owner: string; decimals: number; delta: bigint }>();
  for (const b of post) deltas.set(`${b.accountIndex}`, { mint: b.mint, owner: b.owner ?? 'unknown', decimals: b.uiTokenAmount.decimals, delta: BigInt(b.uiTokenAmount.amount) });
  for (const b of pre) {
    const d = deltas.get(`${b.accountIndex}`) ?? { mint: b.mint, owner: b.owner ?? 'unknown', decimals: b.uiTokenAmount.decimals, delta: 0n };
    d.delta -= BigInt(b.uiTokenAmount.amount);
    deltas.set(`${b.accountIndex}`, d);
  }
  const mints = new Set([...deltas.values()].map((d) => d.mint));
  for (const mint of mints) {
    const rows = [...deltas.values()].filter((d) => d.mint === mint);
    const to = rows.filter((d) => d.delta > 0n).sort((a, b) => Number(b.delta - a.delta))[0];
    const from = rows.filter((d) => d.delta < 0n).sort((a, b) => Number(a.delta - b.delta))[0];
    if (!to) continue;
    const amount = formatUnits(to.delta, to.decimals);
    out.push(f('sol.success.token_transfer', { amount, mint, decimals: to.decimals, fromOwner: from?.owner ?? 'unknown', toOwner: to.owner }, { ...base, mint, amount: to.delta.toString(), decimals: to.decimals, display: amount, fromOwner: from?.owner, toOwner: to.owner }));
  }
  const all = [...tx.transaction.message.instructions, ...(tx.meta.innerInstructions ?? []).flatMap((i) => i.instructions)];
  for (const ix of all) {
    const parsed = ix.parsed as { type?: string; info?: { source?: string; destination?: string; lamports?: number } } | undefined;
    if (ix.program === 'system' && parsed?.type === 'transfer' && parsed.info?.lamports !== undefined) {
      const amount = formatUnits(BigInt(parsed.info.lamports), 9);
      out.push(f('sol.success.native_transfer', { amount, from: parsed.info.source ?? 'unknown', to: parsed.info.destination ?? 'unknown' }, { ...base, lamports: String(parsed.info.lamports), from: parsed.info.source, to: parsed.info.destination }));
    }
  }
  return out;
}
