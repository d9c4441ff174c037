import { decodeAbiParameters, getAddress, toEventSelector, type Hex } from 'viem';
import { lower, type RpcLog } from './rpc-types.ts';

export const transferTopic = toEventSelector('Transfer(address,address,uint256)');
export const approvalTopic = toEventSelector('Approval(address,address,uint256)');
const approvalForAllTopic = toEventSelector('ApprovalForAll(address,address,bool)');
const transferSingleTopic = toEventSelector('TransferSingle(address,address,address,uint256,uint256)');
const transferBatchTopic = toEventSelector('TransferBatch(address,address,address,uint256[],uint256[])');

export interface TokenTransfer {
  standard: 'erc20' | 'erc721' | 'erc1155';
  token: string;
  from: string;
  to: string;
  /** Amount in base units (1 for an ERC-721 token). */
  amount: bigint;
  tokenId?: bigint;
  logIndex: number;
}

export interface TokenApproval {
  kind: 'amount' | 'all';
  token: string;
  owner: string;
  spender: string;
  amount: bigint;
  approved: boolean;
  block?: number;
  txHash?: string;
}

const addr = (topic: Hex | undefined): string => getAddress(`0x${(topic ?? '0x').slice(-40).padStart(40, '0')}`);

/** ERC-20, ERC-721 and ERC-1155 transfers in a receipt's logs. */
export function decodeTransfers(logs: readonly RpcLog[]): TokenTransfer[] {
  const out: TokenTransfer[] = [];
  logs.forEach((log, i) => {
    const t0 = log.topics[0] && lower(log.topics[0]);
    const token = getAddress(log.address);
    try {
      if (t0 === transferTopic && log.topics.length === 3) {
        out.push({ standard: 'erc20', token, from: addr(log.topics[1]), to: addr(log.topics[2]), amount: BigInt(log.data === '0x' ? 0 : log.data.slice(0, 66)), logIndex: i });
      } else if (t0 === transferTopic && log.topics.length === 4) {
        out.push({ standard: 'erc721', token, from: addr(log.topics[1]), to: addr(log.topics[2]), amount: 1n, tokenId: BigInt(log.topics[3]!), logIndex: i });
      } else if (t0 === transferSingleTopic && log.topics.length === 4) {
        const [id, value] = decodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], log.data);
        out.push({ standard: 'erc1155', token, from: addr(log.topics[2]), to: addr(log.topics[3]), amount: value, tokenId: id, logIndex: i });
      } else if (t0 === transferBatchTopic && log.topics.length === 4) {
        const [ids, values] = decodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], log.data);
        ids.forEach((id, k) => out.push({ standard: 'erc1155', token, from: addr(log.topics[2]), to: addr(log.topics[3]), amount: values[k] ?? 0n, tokenId: id, logIndex: i }));
      }
    } catch {
      // A log that only looks like a transfer (wrong data length) is not one.
    }
  });
  return out;
}

/** ERC-20 Approval and ERC-721/1155 ApprovalForAll events. */
export function decodeApprovals(logs: readonly RpcLog[]): TokenApproval[] {
  const out: TokenApproval[] = [];
  for (const log of logs) {
    const t0 = log.topics[0] && lower(log.topics[0]);
    const meta = { ...(log.blockNumber ? { block: Number(BigInt(log.blockNumber)) } : {}), ...(log.transactionHash ? { txHash: log.transactionHash } : {}) };
    if (t0 === approvalTopic && log.topics.length === 3 && log.data.length >= 66) {
      const amount = BigInt(log.data.slice(0, 66));
      out.push({ kind: 'amount', token: getAddress(log.address), owner: addr(log.topics[1]), spender: addr(log.topics[2]), amount, approved: amount > 0n, ...meta });
    } else if (t0 === approvalForAllTopic && log.topics.length === 3 && log.data.length >= 66) {
      const approved = BigInt(log.data.slice(0, 66)) !== 0n;
      out.push({ kind: 'all', token: getAddress(log.address), owner: addr(log.topics[1]), spender: addr(log.topics[2]), amount: 0n, approved, ...meta });
    }
  }
  return out;
}

/** Unlimited in practice: at least 2^255 (wallets and dApps use 2^256-1 or 2^255). */
export const isUnlimited = (a: TokenApproval): boolean => (a.kind === 'all' ? a.approved : a.amount >= 2n ** 255n);
