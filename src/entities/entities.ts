/** What a support message says about chains, transactions and the user's app. */
export interface Entities {
  /** 0x+64 hex → ['evm']; bare 64 hex → every hex-hash family of the registry (ambiguous); base58 signatures → ['solana']; `chains` when an explorer URL names it. */
  txHashes: Array<{ value: string; families: string[]; chains?: string[] }>;
  /** Validated with wallet-core against each registry chain's coin; every chain it is valid on is listed. */
  addresses: Array<{ value: string; chains: string[] }>;
  /** ENS and similar names (.eth, .bnb, .sol, .crypto…), lowercase. */
  names: string[];
  /** Token symbols, uppercase. */
  tokens: string[];
  /** Amounts with a decimal point ("0,5" → "0.5"), and the symbol or currency when written. */
  amounts: Array<{ value: string; symbol?: string }>;
  platform?: 'ios' | 'android' | 'web' | 'extension' | 'desktop';
  appVersion?: string;
  /** Registry slugs named in the text (names, nicknames, token standards) or implied by explorer URLs. */
  chains: string[];
}

export interface EntityExtractor {
  /** Synchronous and allocation-light: safe on the intake hot path. */
  extract(text: string): Entities;
}
