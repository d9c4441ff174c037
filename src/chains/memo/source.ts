/** A transfer on a memo/tag chain, as the memo check needs it. */
export interface MemoTransfer {
  status: 'confirmed' | 'failed' | 'pending';
  from?: string;
  to?: string;
  /** Display amount. */
  amount?: string;
  asset: string;
  /** undefined when the transfer carries no memo/tag. */
  memo?: string;
  failure?: { code: string; detail?: string; hint: string };
  evidence: Record<string, unknown>;
}

export interface MemoBalance {
  /** Display amount of the native coin (0 when the account does not exist). */
  balance: string;
  exists: boolean;
  /** The account itself says deposits need a memo (XRPL RequireDest, Stellar config.memo_required). */
  memoFlag: boolean;
}

/** One chain API (XRPL JSON-RPC, Horizon, Cosmos LCD, toncenter v3). */
export interface MemoSource {
  getTransfer(hash: string, signal?: AbortSignal): Promise<MemoTransfer | undefined>;
  /** Whether the destination flags memo-required on chain; undefined when the chain has no such flag. */
  memoFlag?(address: string, signal?: AbortSignal): Promise<boolean>;
  balance(address: string, signal?: AbortSignal): Promise<MemoBalance>;
  /** Canonical form used to compare addresses (TON friendly ⇄ raw). */
  canonical(address: string): string;
}
