import { formatUnits, getAddress } from 'viem';
import type { Finding } from '../port.ts';
import type { RpcCall, RpcResult } from '../rpc/index.ts';
import { finding, valueOf, type BranchResult, type EvmContext, type FirstRound } from './internal.ts';
import { decodeApprovals, decodeTransfers, isUnlimited, transferTopic } from './logs.ts';
import { findLookalike, isDust, poisoningLookbackBlocks } from './poisoning.ts';
import { big, lower, num, toHex, type RpcLog, type RpcReceipt, type RpcTx } from './rpc-types.ts';
import { callData, stringResult, tokensFor, uintResult } from './tokens.ts';

interface TokenMeta {
  symbol: string;
  decimals: number | undefined;
}

/** A mined, successful transaction: what moved, to whom, and the red flags (second round trip). */
export async function diagnoseSuccess(ctx: EvmContext, first: FirstRound, tx: RpcTx, receipt: RpcReceipt): Promise<BranchResult> {
  const transfers = decodeTransfers(receipt.logs);
  const approvals = decodeApprovals(receipt.logs);
  const value = big(tx.value);
  const blockNumber = num(receipt.blockNumber);
  const tokens = [...new Set([...transfers, ...approvals].map((t) => t.token))];
  const recipients = [...new Set([...transfers.map((t) => t.to), ...(value > 0n && tx.to ? [getAddress(tx.to)] : [])])];
  const probes = [...new Set([...tokens, ...recipients])];
  // Zero or dust ERC-20 transfers; decimals come from the known-token list here (18 when unknown), as the
  // history query must go out in the same round as the decimals reads. Busy parties (pools) are thus rarely asked.
  const known = new Map(tokensFor(ctx.chain).map((k) => [lower(k.address), k.decimals]));
  const erc20 = transfers.filter((t) => t.standard === 'erc20' && isDust(t.amount, known.get(lower(t.token)) ?? 18));
  const nativeDust = value > 0n && tx.to && isDust(value, ctx.chain.nativeDecimals);
  const parties = [...new Set([...erc20.flatMap((t) => [t.from, t.to]), ...(nativeDust && tx.to ? [getAddress(tx.from), getAddress(tx.to)] : [])])];

  const calls: RpcCall[] = [];
  const at = (call: RpcCall) => calls.push(call) - 1;
  const decimalsIx = new Map(probes.map((a) => [a, at({ method: 'eth_call', params: [{ to: a, data: callData.decimals() }, 'latest'] })]));
  const symbolIx = new Map(tokens.map((a) => [a, at({ method: 'eth_call', params: [{ to: a, data: callData.symbol() }, 'latest'] })]));
  const codeIx = new Map(recipients.map((a) => [a, at({ method: 'eth_getCode', params: [a, 'latest'] })]));
  const historyIx = parties.length
    ? at({ method: 'eth_getLogs', params: [{ fromBlock: toHex(Math.max(0, blockNumber - poisoningLookbackBlocks)), toBlock: toHex(blockNumber), topics: [transferTopic, parties.map((p) => `0x${p.slice(2).toLowerCase().padStart(64, '0')}`)] }] })
    : -1;
  const results: RpcResult[] = await first.rpc.batch(calls, ctx.signal);

  const meta = (a: string): TokenMeta => ({ symbol: stringResult(results[symbolIx.get(a) ?? -1]) ?? '?', decimals: decimalsOf(results[decimalsIx.get(a) ?? -1]) });
  const isToken = (a: string) => decimalsOf(results[decimalsIx.get(a) ?? -1]) !== undefined || tokens.includes(a);
  const hasCode = (a: string) => {
    const code = valueOf<string>(results[codeIx.get(a) ?? -1]);
    return typeof code === 'string' && code !== '0x' && code.length > 2;
  };
  const findings: Finding[] = [];
  const native = { symbol: ctx.chain.nativeSymbol, decimals: ctx.chain.nativeDecimals };

  if (value > 0n && tx.to) {
    const to = getAddress(tx.to);
    const amount = formatUnits(value, native.decimals);
    const evidence = { from: getAddress(tx.from), to, value: value.toString(), amount, symbol: native.symbol, block: blockNumber };
    // Only a plain send (no call data) is a wallet transfer; with call data the user meant to call the contract (swap, deposit…).
    const plainSend = tx.input === '0x' || (tx.input as string) === '';
    if (plainSend && hasCode(to) && isToken(to)) findings.push(finding(ctx, 'evm.recipient.token_contract', { amount, symbol: native.symbol, to }, { ...evidence, tokenContract: to }));
    else if (plainSend && hasCode(to)) findings.push(finding(ctx, 'evm.recipient.contract', { amount, symbol: native.symbol, to }, evidence));
    findings.push(finding(ctx, 'evm.success.native_transfer', { amount, symbol: native.symbol, from: evidence.from, to }, evidence));
  }

  for (const t of transfers) {
    const m = meta(t.token);
    const decimals = t.standard === 'erc20' ? (m.decimals ?? 0) : 0;
    const amount = formatUnits(t.amount, decimals);
    const evidence: Record<string, unknown> = { standard: t.standard, token: t.token, symbol: m.symbol, decimals, amount: t.amount.toString(), display: amount, from: t.from, to: t.to, logIndex: t.logIndex };
    if (t.tokenId !== undefined) evidence.tokenId = t.tokenId.toString();
    // To the token itself, or a direct transfer() by the sender to another token's contract; tokens a router
    // moves into a pool (itself an ERC-20 LP token) during a swap are not a mistake.
    const directTransfer = tx.to !== null && lower(tx.to) === lower(t.token) && lower(t.from) === lower(tx.from);
    const toToken = lower(t.to) === lower(t.token) || (directTransfer && hasCode(t.to) && isToken(t.to));
    if (toToken) findings.push(finding(ctx, 'evm.recipient.token_contract', { amount, symbol: m.symbol, to: t.to }, { ...evidence, tokenContract: t.to }));
    findings.push(finding(ctx, 'evm.success.token_transfer', { amount, symbol: m.symbol, token: t.token, decimals, from: t.from, to: t.to, standard: t.standard.toUpperCase() }, evidence));
  }

  if (historyIx >= 0) {
    const history = valueOf<RpcLog[]>(results[historyIx]);
    if (history) {
      const used = usedCounterparties(history, tx.hash);
      const candidates = [
        ...erc20.filter((t) => isDust(t.amount, meta(t.token).decimals ?? 18)).map((t) => ({ from: t.from, to: t.to, amount: formatUnits(t.amount, meta(t.token).decimals ?? 0), symbol: meta(t.token).symbol, token: t.token as string | undefined })),
        ...(nativeDust && tx.to ? [{ from: getAddress(tx.from), to: getAddress(tx.to), amount: formatUnits(value, native.decimals), symbol: native.symbol, token: undefined }] : []),
      ];
      for (const c of candidates) {
        // The victim's history shows the look-alike as a counterparty: as receiver (zero transferFrom) or as sender (dust).
        const hit = findLookalike(c.to, used.get(lower(c.from)) ?? []) ?? findLookalike(c.from, used.get(lower(c.to)) ?? []);
        if (!hit) continue;
        const victim = hit.lookalike === c.to ? c.from : c.to;
        findings.unshift(finding(ctx, 'evm.security.address_poisoning', { amount: c.amount, symbol: c.symbol, lookalike: hit.lookalike, genuine: hit.genuine, prefixChars: hit.prefix, suffixChars: hit.suffix }, { victim, lookalike: hit.lookalike, genuine: hit.genuine, matchingPrefix: hit.prefix, matchingSuffix: hit.suffix, amount: c.amount, symbol: c.symbol, ...(c.token ? { token: c.token } : {}) }));
      }
    }
  }

  for (const a of approvals.filter(isUnlimited)) {
    const m = meta(a.token);
    findings.push(finding(ctx, 'evm.security.unlimited_approval', { owner: a.owner, spender: a.spender, symbol: m.symbol, token: a.token }, { token: a.token, symbol: m.symbol, owner: a.owner, spender: a.spender, kind: a.kind, amount: a.kind === 'all' ? 'all' : a.amount.toString() }));
  }
  const conf = confirmationsFinding(ctx, first, blockNumber);
  if (conf) findings.push(conf);
  return { status: 'confirmed', findings };
}

function decimalsOf(r: RpcResult | undefined): number | undefined {
  const v = uintResult(r);
  return v !== undefined && v <= 77n ? Number(v) : undefined;
}

/** For each sender in the history, the addresses it really sent tokens to (excluding the diagnosed tx). */
function usedCounterparties(history: readonly RpcLog[], exclude: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of decodeTransfers(history.filter((l) => lower(l.transactionHash ?? '') !== lower(exclude)))) {
    if (t.amount === 0n) continue;
    const list = out.get(lower(t.from)) ?? [];
    list.push(t.to);
    out.set(lower(t.from), list);
  }
  return out;
}

/** Confirmations vs finality (the `finalized` tag where served, and the chain's finalityBlocks); undefined once final. */
export function confirmationsFinding(ctx: EvmContext, first: FirstRound, blockNumber: number): Finding | undefined {
  const head = num(first.head.number);
  const confirmations = Math.max(0, head - blockNumber + 1);
  const finalizedAt = first.finalized ? num(first.finalized.number) : undefined;
  const required = ctx.chain.finalityBlocks;
  // Conservative: final only when the node's finalized tag (where served) and the registry's finalityBlocks both say so.
  const byTag = finalizedAt === undefined || finalizedAt === 0 || blockNumber <= finalizedAt;
  const byDepth = required === undefined || confirmations >= required;
  if (byTag && byDepth) return undefined;
  const req = required ?? (finalizedAt !== undefined ? head - finalizedAt + 1 : confirmations);
  return finding(ctx, 'evm.success.confirmations', { block: blockNumber, confirmations, required: req }, { block: blockNumber, head, confirmations, finalityBlocks: req, ...(finalizedAt !== undefined ? { finalizedBlock: finalizedAt } : {}) });
}
