/** One deposit address that needs a memo/tag to be credited (config `chains.memoRequired` adds more). */
export interface MemoRequiredEntry {
  chain: string;
  address: string;
  exchange: string;
  /** Where the entry comes from, shown to the agent. */
  source: string;
}

const unverified = 'publicly labelled exchange deposit address (explorer label, recalled while offline; verify against the exchange deposit page before relying on it)';

/**
 * Built-in entries. Kept short on purpose: the on-chain flags (XRPL RequireDest, Stellar SEP-29
 * config.memo_required) are checked live, and teams add their own list under chains.memoRequired.
 */
export const builtinMemoRequired: readonly MemoRequiredEntry[] = [
  { chain: 'xrp', address: 'rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh', exchange: 'Binance', source: `XRPScan label "Binance"; ${unverified}` },
  { chain: 'xrp', address: 'rLHzPsX6oXkzU2qL12kHCH8G8cnZv1rBJh', exchange: 'Kraken', source: `XRPScan label "Kraken"; ${unverified}` },
  { chain: 'stellar', address: 'GABFQIK63R2NETJM7T673EAMZN4RJLLGP3OFUEJU5SZVTGWUKULZJNL6', exchange: 'Binance', source: `StellarExpert label "Binance"; ${unverified}` },
  { chain: 'cosmos', address: 'cosmos1j8pp7zvcu9z8vd882m284j29fn2dszh05cqvf9', exchange: 'Binance', source: `Mintscan label "Binance"; ${unverified}` },
];
