import type { Hex } from 'viem';

/** JSON-RPC shapes as nodes send them (quantities are hex strings). */
export interface RpcTx {
  hash: Hex;
  from: Hex;
  to: Hex | null;
  nonce: Hex;
  value: Hex;
  input: Hex;
  gas: Hex;
  gasPrice?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
  type?: Hex;
  blockNumber: Hex | null;
  blockHash: Hex | null;
}

export interface RpcLog {
  address: Hex;
  topics: Hex[];
  data: Hex;
  blockNumber?: Hex;
  transactionHash?: Hex;
  logIndex?: Hex;
}

export interface RpcReceipt {
  status: Hex;
  gasUsed: Hex;
  effectiveGasPrice?: Hex;
  blockNumber: Hex;
  blockHash: Hex;
  from: Hex;
  to: Hex | null;
  contractAddress: Hex | null;
  logs: RpcLog[];
}

export interface RpcBlock {
  number: Hex;
  hash: Hex;
  timestamp: Hex;
  baseFeePerGas?: Hex;
  transactions: Array<Hex | RpcTx>;
}

export interface RpcFeeHistory {
  oldestBlock: Hex;
  baseFeePerGas: Hex[];
  gasUsedRatio: number[];
  reward?: Hex[][];
}

export const big = (hex: string | null | undefined): bigint => (hex ? BigInt(hex) : 0n);
export const num = (hex: string | null | undefined): number => Number(big(hex));
export const toHex = (n: bigint | number): Hex => `0x${n.toString(16)}`;
export const lower = (a: string): string => a.toLowerCase();
