import { explorerUrl } from '../registry/registry.ts';
import { redactUrl } from '../../core/index.ts';
import type { DiagnoseOptions, Finding, TxDiagnosis } from '../port.ts';
import { RpcChainMismatchError, type RpcCall, type RpcClient, type RpcResult } from '../rpc/index.ts';
import { diagnoseFailed } from './diagnose-failed.ts';
import { diagnoseMissing, diagnosePending } from './diagnose-pending.ts';
import { diagnoseSuccess } from './diagnose-success.ts';
import { RawTxChainMismatchError, RawTxMismatchError } from './errors.ts';
import { finding, valueOf, type BranchResult, type EvmContext, type FirstRound } from './internal.ts';
import { decodeRawTx } from './raw-tx.ts';
import { lower, num, type RpcBlock, type RpcFeeHistory, type RpcReceipt, type RpcTx } from './rpc-types.ts';

/** A second endpoint further ahead than this is worth a finding. */
const lagThresholdBlocks = 5;

const firstRoundCalls = (hash: string): RpcCall[] => [
  { method: 'eth_getTransactionByHash', params: [hash] },
  { method: 'eth_getTransactionReceipt', params: [hash] },
  { method: 'eth_chainId', params: [] },
  { method: 'eth_getBlockByNumber', params: ['latest', false] },
  { method: 'eth_feeHistory', params: ['0xa', 'latest', [10, 50]] },
  { method: 'eth_getBlockByNumber', params: ['finalized', false] },
];

function readFirstRound(ctx: EvmContext, rpc: RpcClient, url: string, r: RpcResult[]): FirstRound {
  for (const i of [0, 1, 2, 3]) {
    const item = r[i];
    if (!item?.ok) throw item?.error ?? new Error('missing answer');
  }
  const chainId = num(valueOf<string>(r[2]));
  if (ctx.chain.chainId !== undefined && chainId !== ctx.chain.chainId) throw new RpcChainMismatchError(redactUrl(url), ctx.chain.chainId, chainId);
  return {
    tx: valueOf<RpcTx | null>(r[0]) ?? null,
    receipt: valueOf<RpcReceipt | null>(r[1]) ?? null,
    head: valueOf<RpcBlock>(r[3])!,
    feeHistory: valueOf<RpcFeeHistory>(r[4]),
    finalized: valueOf<RpcBlock | null>(r[5]) ?? undefined,
    rpc,
  };
}

/** Diagnoses an EVM transaction in at most two sequential round trips when it is mined (more only to find a replacement). */
export async function diagnoseEvmTx(ctx: EvmContext, hash: string, options: DiagnoseOptions = {}): Promise<TxDiagnosis> {
  const before = ctx.rpc.stats.roundTrips;
  const raw = options.raw ? await decodeRawTx(options.raw) : undefined;
  if (raw && lower(raw.hash) !== lower(hash)) throw new RawTxMismatchError(hash, raw.hash);
  if (raw?.chainId !== undefined && ctx.chain.chainId !== undefined && raw.chainId !== ctx.chain.chainId) throw new RawTxChainMismatchError(raw.chainId, ctx.chain.chainId);
  const calls = firstRoundCalls(hash);
  let first = readFirstRound(ctx, ctx.rpc, ctx.rpc.urls[0] ?? '', await ctx.rpc.batch(calls, ctx.signal));
  const extra: Finding[] = [];
  if (!first.tx && !first.receipt && ctx.rpc.urls.length > 1) {
    const better = await secondOpinion(ctx, hash, first);
    if (better) {
      extra.push(better.finding);
      first = better.first;
    }
  }
  let result: BranchResult;
  if (first.receipt && first.tx) {
    result = lower(first.receipt.status) === '0x1' ? await diagnoseSuccess(ctx, first, first.tx, first.receipt) : await diagnoseFailed(ctx, first, first.tx, first.receipt);
  } else if (first.tx) {
    result = await diagnosePending(ctx, first, first.tx, options.submittedAt);
  } else {
    result = await diagnoseMissing(ctx, first, hash, raw);
  }
  const url = explorerUrl(ctx.chain, 'tx', hash);
  return {
    chain: ctx.chain.slug,
    ...(ctx.chain.chainId !== undefined ? { chainId: ctx.chain.chainId } : {}),
    hash,
    status: result.status,
    findings: [...result.findings, ...extra],
    ...(url ? { explorerUrl: url } : {}),
    roundTrips: ctx.rpc.stats.roundTrips - before,
    checkedAt: new Date().toISOString(),
  };
}

/** Asks the chain's other endpoints at once; uses one that knows the transaction or is clearly ahead. */
async function secondOpinion(ctx: EvmContext, hash: string, first: FirstRound): Promise<{ first: FirstRound; finding: Finding } | undefined> {
  const primaryHead = num(first.head.number);
  const others = ctx.rpc.urls.slice(1);
  const answers = await Promise.allSettled(
    others.map(async (url) => {
      const client = ctx.rpc.only(url);
      return { url, round: readFirstRound(ctx, client, url, await client.batch(firstRoundCalls(hash), ctx.signal)) };
    }),
  );
  const ok = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
  const pick = ok.find((a) => a.round.tx || a.round.receipt) ?? ok.sort((a, b) => num(b.round.head.number) - num(a.round.head.number))[0];
  if (!pick) return undefined;
  const behind = num(pick.round.head.number) - primaryHead;
  if (!(pick.round.tx || pick.round.receipt) && behind < lagThresholdBlocks) return undefined;
  const primaryUrl = redactUrl(ctx.rpc.urls[0] ?? '');
  const freshUrl = redactUrl(pick.url);
  return {
    first: pick.round,
    finding: finding(ctx, 'evm.rpc.lagging', { url: primaryUrl, freshUrl, blocksBehind: Math.max(0, behind) }, { url: primaryUrl, freshUrl, primaryHead, freshHead: num(pick.round.head.number), blocksBehind: Math.max(0, behind), primaryKnewTx: false }),
  };
}
