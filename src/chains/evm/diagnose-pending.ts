import { formatGwei, getAddress } from 'viem';
import type { Finding } from '../port.ts';
import { findReplacement, type OriginalTx } from './find-replacement.ts';
import { finding, valueOf, type BranchResult, type EvmContext, type FirstRound } from './internal.ts';
import type { DecodedRawTx } from './raw-tx.ts';
import { big, num, type RpcTx } from './rpc-types.ts';

interface Nonces {
  latest: number;
  pending: number;
  otsHash: string | undefined;
}

/** Second round trip of the pending and missing branches: the sender's mined and pending nonce counts. */
async function readNonces(ctx: EvmContext, first: FirstRound, from: string, nonce: number): Promise<Nonces> {
  const [latest, pending, ots] = await first.rpc.batch(
    [
      { method: 'eth_getTransactionCount', params: [from, 'latest'] },
      { method: 'eth_getTransactionCount', params: [from, 'pending'] },
      { method: 'ots_getTransactionBySenderAndNonce', params: [from, `0x${nonce.toString(16)}`] },
    ],
    ctx.signal,
  );
  if (!latest?.ok) throw latest?.error ?? new Error('no answer for eth_getTransactionCount');
  const l = num(latest.value as string);
  return { latest: l, pending: pending?.ok ? num(pending.value as string) : l, otsHash: valueOf<string>(ots) ?? undefined };
}

/** In the pool but not mined: nonce gap, underpriced, or simply waiting; replaced when its nonce is already used. */
export async function diagnosePending(ctx: EvmContext, first: FirstRound, tx: RpcTx, submittedAt: string | undefined): Promise<BranchResult> {
  const nonce = num(tx.nonce);
  const from = getAddress(tx.from);
  const nonces = await readNonces(ctx, first, from, nonce);
  const original: OriginalTx = { from, nonce, to: tx.to, value: big(tx.value), input: tx.input };
  if (nonce < nonces.latest) return replaced(ctx, first, original, nonces);
  const feeCap = big(tx.maxFeePerGas ?? tx.gasPrice);
  const tip = tx.maxPriorityFeePerGas ? big(tx.maxPriorityFeePerGas) : undefined;
  const fees = feeFacts(first, feeCap, tip);
  const waited = submittedAt ? Math.max(0, Math.round((Date.now() - Date.parse(submittedAt)) / 1000)) : undefined;
  const common = { from, nonce, latestNonce: nonces.latest, pendingNonce: nonces.pending, ...fees.evidence, ...(waited !== undefined && Number.isFinite(waited) ? { waitedSec: waited } : {}) };
  const findings: Finding[] = [];
  if (nonce > nonces.latest && nonces.pending < nonce) {
    findings.push(finding(ctx, 'evm.pending.nonce_gap', { nonce, missingNonce: nonces.pending, latestNonce: nonces.latest }, { ...common, missingNonce: nonces.pending }));
  }
  if (fees.underpriced) findings.push(finding(ctx, 'evm.pending.underpriced', { nonce, ...fees.params }, common));
  if (!findings.length) findings.push(finding(ctx, 'evm.pending.waiting', { nonce, earlierPending: Math.max(0, nonce - nonces.latest), ...fees.params }, { ...common, earlierPending: Math.max(0, nonce - nonces.latest) }));
  return { status: 'pending', findings };
}

/** Neither mined nor in the pool. With the raw transaction: replaced (nonce used) or dropped (nonce free); else not found. */
export async function diagnoseMissing(ctx: EvmContext, first: FirstRound, hash: string, raw: DecodedRawTx | undefined): Promise<BranchResult> {
  if (!raw) return { status: 'not_found', findings: [finding(ctx, 'evm.tx.not_found', { hash }, { hash, head: num(first.head.number), rawTxGiven: false })] };
  const nonces = await readNonces(ctx, first, raw.from, raw.nonce);
  const original: OriginalTx = { from: raw.from, nonce: raw.nonce, to: raw.to, value: raw.value, input: raw.input };
  if (raw.nonce < nonces.latest) return replaced(ctx, first, original, nonces);
  const fees = feeFacts(first, raw.feeCap, raw.priorityFee);
  return {
    status: 'dropped',
    findings: [finding(ctx, 'evm.tx.dropped', { nonce: raw.nonce, from: raw.from, latestNonce: nonces.latest }, { from: raw.from, nonce: raw.nonce, latestNonce: nonces.latest, pendingNonce: nonces.pending, rawHash: raw.hash, ...fees.evidence })],
  };
}

async function replaced(ctx: EvmContext, first: FirstRound, original: OriginalTx, nonces: Nonces): Promise<BranchResult> {
  const found = await findReplacement(first.rpc, original, num(first.head.number), nonces.otsHash, ctx.signal);
  const params = { nonce: original.nonce, from: original.from, replacedBy: found?.hash ?? 'unknown', replacementKind: found?.kind.replace('_', ' ') ?? 'unknown' };
  const evidence = { from: original.from, nonce: original.nonce, latestNonce: nonces.latest, replacedBy: found?.hash ?? null, replacementBlock: found?.block ?? null, replacementKind: found?.kind ?? null };
  return { status: 'replaced', findings: [finding(ctx, 'evm.tx.replaced', params, evidence)] };
}

/** Fee cap vs the next base fee, and tip vs the median tip of recent blocks (eth_feeHistory, 50th percentile). */
function feeFacts(first: FirstRound, feeCap: bigint, tip: bigint | undefined) {
  const history = first.feeHistory;
  const baseFee = big(history?.baseFeePerGas.at(-1) ?? first.head.baseFeePerGas);
  const effectiveTip = tip === undefined ? feeCap - baseFee : feeCap - baseFee < tip ? feeCap - baseFee : tip;
  const rewards = (history?.reward ?? []).map((r) => big(r[1])).filter((r) => r > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const marketTip = rewards.length ? rewards[Math.floor(rewards.length / 2)]! : 0n;
  const belowBase = feeCap < baseFee;
  const lowTip = !belowBase && marketTip > 0n && effectiveTip * 2n < marketTip;
  const blocksBelowBaseFee = (history?.baseFeePerGas ?? []).slice(0, -1).filter((b) => big(b) > feeCap).length;
  return {
    underpriced: belowBase || lowTip,
    params: { maxFeeGwei: formatGwei(feeCap), baseFeeGwei: formatGwei(baseFee), tipGwei: formatGwei(effectiveTip < 0n ? 0n : effectiveTip), marketTipGwei: formatGwei(marketTip) },
    evidence: {
      feeCapWei: feeCap.toString(),
      baseFeeWei: baseFee.toString(),
      effectiveTipWei: (effectiveTip < 0n ? 0n : effectiveTip).toString(),
      medianTipWei: marketTip.toString(),
      belowBaseFee: belowBase,
      recentBlocksWithHigherBaseFee: blocksBelowBaseFee,
      recentBlocks: history?.gasUsedRatio.length ?? 0,
    },
  };
}
