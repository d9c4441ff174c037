/** Token symbols users write; matched in any case. */
export const tokenSymbols = [
  'USDT', 'USDC', 'DAI', 'BUSD', 'TUSD', 'FDUSD', 'USDE', 'PYUSD', 'EURC', 'ETH', 'WETH', 'BTC', 'WBTC', 'BTCB', 'BNB', 'WBNB', 'SOL', 'TRX', 'MATIC',
  'AVAX', 'FTM', 'DOGE', 'SHIB', 'PEPE', 'XRP', 'XLM', 'ADA', 'LTC', 'BCH', 'ETC', 'CAKE', 'TWT', 'AAVE', 'CRV', 'MKR', 'LDO', 'WLD', 'BONK', 'WIF',
  'JUP', 'RAY', 'TON', 'NOT', 'DOT', 'KSM', 'ATOM', 'OSMO', 'INJ', 'TIA', 'SUI', 'APT', 'SEI', 'ARB', 'OP', 'POL', 'LINK', 'UNI', 'APE', 'SAND',
  'MANA', 'GALA', 'AXS', 'CHZ', 'FLOKI', 'XDAI', 'CELO', 'CRO', 'MNT', 'NEAR', 'FIL', 'ICP', 'HBAR', 'ALGO', 'XTZ', 'EOS', 'ZEC', 'DASH', 'XMR',
];

/** Symbols that are also everyday words or abbreviations: counted only when written in capitals or as $TICKER. */
export const ambiguousSymbols = new Set(['NOT', 'DOT', 'LINK', 'UNI', 'APE', 'SAND', 'MANA', 'GALA', 'NEAR', 'OP', 'ARB', 'POL', 'TON', 'SUI', 'SEI', 'WIF', 'JUP', 'RAY', 'CAKE', 'ATOM', 'ICP', 'FIL', 'EOS', 'DASH', 'ALGO', 'ONE', 'S', 'CRO', 'CELO', 'APT', 'INJ', 'TIA', 'MNT', 'CHZ', 'AXS']);

/** Chain nicknames that are everyday words: a chain only when capitalised mid-sentence, in capitals, or next to "network"/"chain"/"red"/"rede". */
export const weakAliases = new Set(['base', 'op', 'scroll', 'blast', 'sonic', 'opera', 'mainnet', 'ton', 'sol', 'pol', 'arb', 'celo', 'cro', 'atom', 'spl', 'mantle', 'linea', 'segwit', 'taproot', 'ether', 'smart chain', 'beacon chain', 'lumens', 'pol', 'gnosis', 's']);

/** Extra explorers (hosts and path prefixes) beyond the registry's own templates. */
export const extraExplorers: Array<{ host: string; path?: string; slug: string }> = [
  { host: 'etherscan.io', slug: 'ethereum' },
  { host: 'blockstream.info', slug: 'bitcoin' },
  { host: 'mempool.space', slug: 'bitcoin' },
  { host: 'blockchair.com', path: '/bitcoin/', slug: 'bitcoin' },
  { host: 'blockchair.com', path: '/ethereum/', slug: 'ethereum' },
  { host: 'blockchair.com', path: '/litecoin/', slug: 'litecoin' },
  { host: 'blockchair.com', path: '/tron/', slug: 'tron' },
  { host: 'blockchain.com', path: '/explorer/transactions/btc/', slug: 'bitcoin' },
  { host: 'blockchain.com', path: '/explorer/transactions/eth/', slug: 'ethereum' },
  { host: 'blockchain.com', path: '/explorer/addresses/btc/', slug: 'bitcoin' },
  { host: 'tronscan.io', slug: 'tron' },
  { host: 'tronscan.org', slug: 'tron' },
  { host: 'solscan.io', slug: 'solana' },
  { host: 'explorer.solana.com', slug: 'solana' },
  { host: 'solana.fm', slug: 'solana' },
  { host: 'xrpscan.com', slug: 'xrp' },
  { host: 'bithomp.com', slug: 'xrp' },
  { host: 'livenet.xrpl.org', slug: 'xrp' },
  { host: 'tonviewer.com', slug: 'ton' },
  { host: 'tonscan.org', slug: 'ton' },
  { host: 'stellar.expert', slug: 'stellar' },
  { host: 'mintscan.io', path: '/cosmos/', slug: 'cosmos' },
  { host: 'mintscan.io', path: '/osmosis/', slug: 'osmosis' },
  { host: 'polygonscan.com', slug: 'polygon' },
  { host: 'bscscan.com', slug: 'bsc' },
  { host: 'arbiscan.io', slug: 'arbitrum' },
  { host: 'basescan.org', slug: 'base' },
  { host: 'optimistic.etherscan.io', slug: 'optimism' },
  { host: 'snowtrace.io', slug: 'avalanche' },
  { host: 'snowscan.xyz', slug: 'avalanche' },
  { host: 'litecoinspace.org', slug: 'litecoin' },
];

/**
 * Cheap shape checks per wallet-core coin, run before the (slower) wasm validation. A coin without
 * an entry is validated on every candidate.
 */
export const addressShapes: Record<string, RegExp> = {
  bitcoin: /^(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,71})$/i,
  litecoin: /^(?:[LM3][1-9A-HJ-NP-Za-km-z]{26,33}|ltc1[02-9ac-hj-np-z]{11,71})$/i,
  dogecoin: /^[DA9][1-9A-HJ-NP-Za-km-z]{25,34}$/,
  bitcoinCash: /^(?:(?:bitcoincash:)?[qp][02-9ac-hj-np-z]{41}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/,
  solana: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
  tron: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
  xrp: /^r[1-9A-HJ-NP-Za-km-z]{24,34}$/,
  stellar: /^[GM][A-Z2-7]{55,68}$/,
  cosmos: /^cosmos1[02-9ac-hj-np-z]{38,58}$/,
  osmosis: /^osmo1[02-9ac-hj-np-z]{38,58}$/,
  ton: /^(?:[EU]Q|kQ|0Q|Ef|Uf)[A-Za-z0-9_-]{46}$|^-?\d:[0-9a-fA-F]{64}$/,
  binance: /^bnb1[02-9ac-hj-np-z]{38}$/,
};
