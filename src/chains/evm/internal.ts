import { evmFindings } from '../findings/evm.ts';
import { makeFinding } from '../findings/catalog.ts';
import type { Finding, TxStatus } from '../port.ts';
import type { ChainInfo } from '../registry/chain.ts';
import type { RpcClient, RpcResult } from '../rpc/index.ts';
import type { RpcBlock, RpcFeeHistory, RpcReceipt, RpcTx } from './rpc-types.ts';

/** What every step of an EVM diagnosis gets. */
export interface EvmContext {
  chain: ChainInfo;
  rpc: RpcClient;
  locale: string;
  signal: AbortSignal | undefined;
}

/** The first round trip's answers, shared by every branch. */
export interface FirstRound {
  tx: RpcTx | null;
  receipt: RpcReceipt | null;
  head: RpcBlock;
  feeHistory: RpcFeeHistory | undefined;
  finalized: RpcBlock | undefined;
  /** The endpoint that answered (the second opinion's, when the first was behind). */
  rpc: RpcClient;
}

export interface BranchResult {
  status: TxStatus;
  findings: Finding[];
}

type Params = Readonly<Record<string, string | number | bigint>>;

export function finding(ctx: EvmContext, code: string, params: Params, evidence: Record<string, unknown>): Finding {
  return makeFinding(evmFindings, code, { chain: ctx.chain.name, ...params }, evidence, ctx.locale);
}

/** The value of a batch item, or undefined when the node refused that call. */
export function valueOf<T>(r: RpcResult | undefined): T | undefined {
  return r?.ok ? (r.value as T) : undefined;
}
