import type { Logger } from '../core/index.ts';
import type { ChainFamily, ChainInfo } from './registry/chain.ts';
import type { ChainRegistry } from './registry/registry.ts';

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
  /** Chains asked when no chain was given, or when the asked chain did not have it. */
  searchedChains?: string[];
  /** Where the transaction really is, when not on the asked chain. */
  foundOn?: { chain: string; chainId?: number; status: TxStatus };
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
  /** Recent token approvals granted by the address (where the node serves logs). */
  approvals?: Array<{ token: string; symbol?: string; spender: string; amount: string; unlimited: boolean; currentAllowance?: string; block: number; txHash: string }>;
  findings: Finding[];
  roundTrips?: number;
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
  /** When the user sent it (ISO-8601), to tell how long a pending transaction has waited. */
  submittedAt?: string;
  /** The address the user expected to be paid (or to have paid); outputs and transfers are checked against it. */
  expectedRecipient?: string;
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
  /** The finding for "not on this chain, but found on `where`" in this family's words. */
  describeFoundElsewhere(hash: string, where: TxDiagnosis, locale?: string): Finding;
}

/** Transport settings every adapter receives (config `chains`). */
export interface AdapterOptions {
  timeoutMs?: number;
  retries?: number;
  /** false sends RPC calls one at a time (benchmark baseline). */
  batch?: boolean;
  logger?: Logger;
  fetch?: typeof fetch;
  /** Exchange deposit addresses that need a memo/tag (config `chains.memoRequired`), read by the memo-chain adapters. */
  memoRequired?: ReadonlyArray<{ chain: string; address: string; exchange: string; source: string }>;
}

/** Builds adapters of one family; `adapterFactories` in adapters.ts holds one per family. */
export interface AdapterFactory {
  readonly family: ChainFamily;
  acceptsHash(hash: string): boolean;
  acceptsAddress(address: string): boolean;
  create(chain: ChainInfo, options: AdapterOptions): ChainAdapter;
  /** Asks an endpoint which chain it serves (e.g. eth_chainId) and answers with the registry entry or an ad-hoc one. */
  identify(url: string, options: AdapterOptions, registry: ChainRegistry, signal?: AbortSignal): Promise<ChainInfo>;
}
