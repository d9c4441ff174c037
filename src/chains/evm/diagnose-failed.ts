import { decodeFunctionData, formatUnits, getAddress, type Hex } from 'viem';
import type { Finding } from '../port.ts';
import type { RpcCall, RpcResult } from '../rpc/index.ts';
import { confirmationsFinding } from './diagnose-success.ts';
import { finding, valueOf, type BranchResult, type EvmContext, type FirstRound } from './internal.ts';
import { classifyRevert, decodeRevert, revertDataOf, type DecodedRevert } from './revert.ts';
import { big, num, toHex, type RpcReceipt, type RpcTx } from './rpc-types.ts';
import { callData, erc20Abi, stringResult, uintResult } from './tokens.ts';

interface TokenCall {
  kind: 'transfer' | 'transferFrom' | 'approve';
  owner: string;
  amount: bigint;
}

/** A mined, failed transaction: replays it at the block before (second round trip) and explains why. */
export async function diagnoseFailed(ctx: EvmContext, first: FirstRound, tx: RpcTx, receipt: RpcReceipt): Promise<BranchResult> {
  const blockNumber = num(receipt.blockNumber);
  const gasUsed = big(receipt.gasUsed);
  const gasLimit = big(tx.gas);
  const stateBlock = toHex(Math.max(0, blockNumber - 1));
  const tokenCall = decodeTokenCall(tx);

  const replayCall = (at: string): RpcCall => ({ method: 'eth_call', params: [{ from: tx.from, ...(tx.to ? { to: tx.to } : {}), data: tx.input, value: tx.value, gas: tx.gas }, at] });
  const calls: RpcCall[] = [
    replayCall(stateBlock),
    { method: 'debug_traceTransaction', params: [tx.hash, { tracer: 'callTracer', tracerConfig: { onlyTopCall: true } }] },
  ];
  if (tokenCall && tx.to) {
    calls.push({ method: 'eth_call', params: [{ to: tx.to, data: callData.balanceOf(tokenCall.owner) }, stateBlock] });
    calls.push({ method: 'eth_call', params: [{ to: tx.to, data: callData.allowance(tokenCall.owner, tx.from) }, stateBlock] });
    calls.push({ method: 'eth_call', params: [{ to: tx.to, data: callData.symbol() }, 'latest'] });
    calls.push({ method: 'eth_call', params: [{ to: tx.to, data: callData.decimals() }, 'latest'] });
  }
  const [firstReplay, trace, balanceR, allowanceR, symbolR, decimalsR] = await first.rpc.batch(calls, ctx.signal);
  let replay = firstReplay;
  let replayedAt: number | 'latest' = Math.max(0, blockNumber - 1);
  if (replay && !replay.ok && stateMissing.test(replay.error.shortMessage)) {
    // A pruned node has no state that old: a third round trip replays at the head instead (less exact).
    [replay] = await first.rpc.batch([replayCall('latest')], ctx.signal);
    replayedAt = 'latest';
  }
  const traced = valueOf<{ output?: string; error?: string; revertReason?: string }>(trace);
  const revertData = revertDataOf(replay && !replay.ok ? replay.error : undefined) ?? (traced?.output && traced.output !== '0x' ? traced.output : undefined);
  const decoded = decodeRevert(revertData);
  const replayNote = replayOutcome(replay);
  const evidence: Record<string, unknown> = { block: blockNumber, gasUsed: gasUsed.toString(), gasLimit: gasLimit.toString(), revert: decoded, replay: replayNote, replayedAtBlock: replayedAt };
  if (traced?.error) evidence.traceError = traced.error;
  const findings: Finding[] = [];

  const outOfGas = decoded.kind === 'empty' && (gasUsed >= gasLimit || /out of gas/i.test(`${traced?.error ?? ''} ${replayNote}`));
  if (outOfGas) {
    findings.push(finding(ctx, 'evm.failed.out_of_gas', { gasUsed, gasLimit }, evidence));
  } else {
    const symbol = stringResult(symbolR) ?? '?';
    const decimals = Number(uintResult(decimalsR) ?? 0n);
    const specific = classifyRevert(decoded) ?? stateClass(tokenCall, uintResult(balanceR), uintResult(allowanceR));
    if (tokenCall) {
      evidence.tokenCall = {
        kind: tokenCall.kind,
        token: tx.to ? getAddress(tx.to) : undefined,
        symbol,
        owner: tokenCall.owner,
        amount: tokenCall.amount.toString(),
        display: formatUnits(tokenCall.amount, decimals),
        balanceBefore: uintResult(balanceR)?.toString(),
        allowanceBefore: uintResult(allowanceR)?.toString(),
      };
    }
    if (specific) findings.push(finding(ctx, `evm.failed.${specific}`, { reason: reasonText(decoded), symbol }, evidence));
    findings.push(finding(ctx, 'evm.failed.revert', { reason: reasonText(decoded) }, evidence));
  }
  const conf = confirmationsFinding(ctx, first, blockNumber);
  if (conf) findings.push(conf);
  return { status: 'failed', findings };
}

/** Node answers meaning "no state for that block" (pruned / non-archive nodes). */
const stateMissing = /missing trie node|state (is )?not available|historical state|header not found|pruned|state unavailable/i;

const reasonText = (d: DecodedRevert): string => (d.kind === 'empty' ? 'no reason given' : d.reason);

function replayOutcome(r: RpcResult | undefined): string {
  if (!r) return 'not run';
  if (r.ok) return 'succeeded on replay (the failure depended on state inside the block)';
  return r.error.shortMessage;
}

function decodeTokenCall(tx: RpcTx): TokenCall | undefined {
  if (!tx.to || tx.input.length < 10) return undefined;
  try {
    const d = decodeFunctionData({ abi: erc20Abi, data: tx.input as Hex });
    if (d.functionName === 'transfer') return { kind: 'transfer', owner: getAddress(tx.from), amount: d.args[1] };
    if (d.functionName === 'transferFrom') return { kind: 'transferFrom', owner: getAddress(d.args[0]), amount: d.args[2] };
    if (d.functionName === 'approve') return { kind: 'approve', owner: getAddress(tx.from), amount: d.args[1] };
  } catch {
    return undefined;
  }
  return undefined;
}

/** Without a known reason, the token state before the block tells allowance from balance problems. */
function stateClass(call: TokenCall | undefined, balance: bigint | undefined, allowance: bigint | undefined): 'insufficient_allowance' | 'insufficient_token_balance' | undefined {
  if (!call || call.kind === 'approve') return undefined;
  if (call.kind === 'transferFrom' && allowance !== undefined && allowance < call.amount) return 'insufficient_allowance';
  if (balance !== undefined && balance < call.amount) return 'insufficient_token_balance';
  return undefined;
}
