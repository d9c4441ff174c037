import type { ChainFamily, ChainInfo } from './registry/chain.ts';

export type TxStatus = 'pending' | 'confirmed' | 'failed' | 'dropped' | 'replaced' | 'not_found';
export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One explained fact about a transaction or address (CONTRACTS.md §3). */
export interface Finding {
  /** Stable code, e.g. `evm.pending.nonce_gap`; listed in docs/finding-codes.md. */
  code: string;
  severity: FindingSeverity;
  /** Technical one-liner for the agent. */
  summary: string;
  /** Plain words for the user (in the requested locale, English by default). */
  userMessage: string;
  nextSteps: string[];
  /** Facts behind the finding; chain amounts as decimal strings. */
  evidence: Record<string, unknown>;
}

export interface TxDiagnosis {
  chain: string;
  chainId?: number;
  hash: string;
  status: TxStatus;
  findings: Finding[];
  explorerUrl?: string;
  /** Upstream round trips used (for the benchmarks and the agent's patience). */
  roundTrips?: number;
  checkedAt: string;
}

export interface AddressReport {
  chain: string;
  address: string;
  valid: boolean;
  isContract?: boolean;
  /** Native and token balances as decimal strings in base units, plus display amounts. */
  balances: Array<{ symbol: string; token?: string; amount: string; decimals: number; display: string }>;
  nonce?: number;
  pendingCount?: number;
  findings: Finding[];
  explorerUrl?: string;
  checkedAt: string;
}

export interface FeeMarket {
  chain: string;
  /** Family-specific fee facts, e.g. baseFeeWei / priorityFeeWei for EVM, sat/vB tiers for Bitcoin. */
  fees: Record<string, string | number>;
  observedAt: string;
}

export interface DiagnoseOptions {
  /** Signed raw transaction (hex/base64 by family), when the user or broadcast logs have it. */
  raw?: string;
  /** Locale of the user-facing texts (en, es, pt-BR). */
  locale?: string;
  signal?: AbortSignal;
}

/** What each chain family implements; shared code asks `capabilities` instead of branching on the family. */
export interface ChainAdapter {
  readonly family: ChainFamily;
  readonly chain: ChainInfo;
  readonly capabilities: {
    rawTxDecode: boolean;
    mempool: boolean;
    trace: boolean;
    tokenBalances: boolean;
  };
  /** True when `hash` has this family's transaction-id shape. */
  acceptsHash(hash: string): boolean;
  diagnoseTx(hash: string, options?: DiagnoseOptions): Promise<TxDiagnosis>;
  inspectAddress(address: string, options?: { locale?: string; signal?: AbortSignal }): Promise<AddressReport>;
  feeMarket(options?: { signal?: AbortSignal }): Promise<FeeMarket>;
}
