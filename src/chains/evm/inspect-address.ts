import { formatUnits, getAddress } from 'viem';
import { redactUrl } from '../../core/index.ts';
import type { AddressReport, Finding } from '../port.ts';
import { explorerUrl } from '../registry/registry.ts';
import { RpcChainMismatchError, type RpcCall } from '../rpc/index.ts';
import { finding, valueOf, type EvmContext } from './internal.ts';
import { approvalTopic, decodeApprovals, isUnlimited } from './logs.ts';
import { big, num, toHex, type RpcLog } from './rpc-types.ts';
import { callData, stringResult, tokensFor, uintResult } from './tokens.ts';

/** How far back approvals are read (nodes cap eth_getLogs ranges; a refusal only hides the approvals). */
export const approvalLookbackBlocks = 10_000;

/** Balances (native and common tokens), nonce, pending count, contract check and recent approvals of an address. */
export async function inspectEvmAddress(ctx: EvmContext, input: string): Promise<AddressReport> {
  const checkedAt = new Date().toISOString();
  if (!/^0x[0-9a-fA-F]{40}$/.test(input)) return { chain: ctx.chain.slug, address: input, valid: false, balances: [], findings: [], checkedAt };
  const address = getAddress(input);
  const before = ctx.rpc.stats.roundTrips;
  const tokens = tokensFor(ctx.chain);
  const calls: RpcCall[] = [
    { method: 'eth_chainId', params: [] },
    { method: 'eth_blockNumber', params: [] },
    { method: 'eth_getBalance', params: [address, 'latest'] },
    { method: 'eth_getTransactionCount', params: [address, 'latest'] },
    { method: 'eth_getTransactionCount', params: [address, 'pending'] },
    { method: 'eth_getCode', params: [address, 'latest'] },
    ...tokens.map((t) => ({ method: 'eth_call', params: [{ to: t.address, data: callData.balanceOf(address) }, 'latest'] })),
  ];
  const r = await ctx.rpc.batch(calls, ctx.signal);
  for (const i of [0, 1, 2, 3]) if (!r[i]?.ok) throw (r[i] as { error?: Error } | undefined)?.error ?? new Error('missing answer');
  const chainId = num(valueOf<string>(r[0]));
  if (ctx.chain.chainId !== undefined && chainId !== ctx.chain.chainId) throw new RpcChainMismatchError(redactUrl(ctx.rpc.urls[0] ?? ''), ctx.chain.chainId, chainId);
  const head = num(valueOf<string>(r[1]));
  const nonce = num(valueOf<string>(r[3]));
  const pending = r[4]?.ok ? num(r[4].value as string) : nonce;
  const code = valueOf<string>(r[5]);
  const nativeAmount = big(valueOf<string>(r[2]));
  const balances: AddressReport['balances'] = [{ symbol: ctx.chain.nativeSymbol, amount: nativeAmount.toString(), decimals: ctx.chain.nativeDecimals, display: formatUnits(nativeAmount, ctx.chain.nativeDecimals) }];
  tokens.forEach((t, i) => {
    const amount = uintResult(r[6 + i]);
    if (amount !== undefined) balances.push({ symbol: t.symbol, token: getAddress(t.address), amount: amount.toString(), decimals: t.decimals, display: formatUnits(amount, t.decimals) });
  });

  const findings: Finding[] = [];
  let approvals: AddressReport['approvals'];
  const logs = await ctx.rpc
    .batch([{ method: 'eth_getLogs', params: [{ fromBlock: toHex(Math.max(0, head - approvalLookbackBlocks)), toBlock: toHex(head), topics: [[approvalTopic, '0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31'], `0x${address.slice(2).toLowerCase().padStart(64, '0')}`] }] }], ctx.signal)
    .then((x) => valueOf<RpcLog[]>(x[0]));
  if (logs) {
    const latest = new Map<string, ReturnType<typeof decodeApprovals>[number]>();
    for (const a of decodeApprovals(logs)) latest.set(`${a.token}/${a.spender}/${a.kind}`, a);
    const list = [...latest.values()];
    const amountApprovals = list.filter((a) => a.kind === 'amount');
    const meta = await ctx.rpc.batch(
      amountApprovals.flatMap((a) => [
        { method: 'eth_call', params: [{ to: a.token, data: callData.symbol() }, 'latest'] },
        { method: 'eth_call', params: [{ to: a.token, data: callData.allowance(address, a.spender) }, 'latest'] },
      ]),
      ctx.signal,
    );
    approvals = list.map((a) => {
      const k = amountApprovals.indexOf(a);
      const symbol = k >= 0 ? stringResult(meta[2 * k]) : undefined;
      const current = k >= 0 ? uintResult(meta[2 * k + 1]) : undefined;
      return {
        token: a.token,
        ...(symbol ? { symbol } : {}),
        spender: a.spender,
        amount: a.kind === 'all' ? (a.approved ? 'all' : '0') : a.amount.toString(),
        unlimited: isUnlimited(a),
        ...(current !== undefined ? { currentAllowance: current.toString() } : {}),
        block: a.block ?? 0,
        txHash: a.txHash ?? '',
      };
    });
    for (const a of approvals) {
      const stillActive = a.unlimited && (a.currentAllowance === undefined || BigInt(a.currentAllowance) >= 2n ** 255n);
      if (stillActive) findings.push(finding(ctx, 'evm.security.unlimited_approval', { owner: address, spender: a.spender, symbol: a.symbol ?? '?', token: a.token }, { ...a, owner: address }));
    }
  }
  const url = explorerUrl(ctx.chain, 'address', address);
  return {
    chain: ctx.chain.slug,
    address,
    valid: true,
    isContract: typeof code === 'string' && code.length > 2,
    balances,
    nonce,
    pendingCount: Math.max(0, pending - nonce),
    ...(approvals ? { approvals } : {}),
    findings,
    ...(url ? { explorerUrl: url } : {}),
    roundTrips: ctx.rpc.stats.roundTrips - before,
    checkedAt,
  };
}
