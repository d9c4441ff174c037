import { getAddress } from 'viem';
import type { RpcClient } from '../rpc/index.ts';
import { valueOf } from './internal.ts';
import { big, lower, num, toHex, type RpcBlock, type RpcTx } from './rpc-types.ts';

export interface Replacement {
  hash: string;
  block: number;
  kind: 'speed_up' | 'cancel' | 'other';
}

export interface OriginalTx {
  from: string;
  nonce: number;
  to: string | null | undefined;
  value: bigint;
  input: string;
}

const fanOut = 15;

/**
 * Finds the mined transaction that used `original`'s sender and nonce: `ots_getTransactionBySenderAndNonce`
 * when the node has it (asked in the previous round), else a 16-way search over
 * eth_getTransactionCount(from, block) and the block's transactions. Undefined when the node lacks history.
 */
export async function findReplacement(rpc: RpcClient, original: OriginalTx, head: number, otsHash: string | undefined, signal?: AbortSignal): Promise<Replacement | undefined> {
  if (otsHash) {
    const tx = await rpc.request<RpcTx | null>('eth_getTransactionByHash', [otsHash], signal).catch(() => null);
    if (tx?.blockNumber) return { hash: tx.hash, block: num(tx.blockNumber), kind: kindOf(original, tx) };
  }
  let lo = -1;
  let hi = head;
  while (hi - lo > 1) {
    const step = Math.max(1, Math.ceil((hi - lo - 1) / fanOut));
    const points: number[] = [];
    for (let p = lo + step; p < hi; p += step) points.push(p);
    if (!points.length) break;
    const counts = await rpc.batch(points.map((p) => ({ method: 'eth_getTransactionCount', params: [original.from, toHex(p)] })), signal);
    if (counts.some((c) => !c.ok)) return undefined;
    const firstAbove = points.findIndex((_, i) => big(valueOf<string>(counts[i])) > BigInt(original.nonce));
    if (firstAbove === -1) lo = points[points.length - 1]!;
    else {
      hi = points[firstAbove]!;
      lo = firstAbove > 0 ? points[firstAbove - 1]! : lo;
    }
  }
  const block = await rpc.request<RpcBlock | null>('eth_getBlockByNumber', [toHex(hi), true], signal).catch(() => null);
  const tx = block?.transactions.find((t): t is RpcTx => typeof t === 'object' && lower(t.from) === lower(original.from) && num(t.nonce) === original.nonce);
  return tx ? { hash: tx.hash, block: hi, kind: kindOf(original, tx) } : undefined;
}

function kindOf(original: OriginalTx, tx: RpcTx): Replacement['kind'] {
  if (tx.to && lower(tx.to) === lower(tx.from) && big(tx.value) === 0n && (tx.input === '0x' || (tx.input as string) === '')) return 'cancel';
  const sameTo = (tx.to ? getAddress(tx.to) : undefined) === (original.to ? getAddress(original.to) : undefined);
  if (sameTo && big(tx.value) === original.value && lower(tx.input) === lower(original.input)) return 'speed_up';
  return 'other';
}
