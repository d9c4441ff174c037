import { z } from 'zod';

export const chainFamilies = ['evm', 'bitcoin', 'solana', 'tron', 'xrp', 'stellar', 'cosmos', 'ton', 'other'] as const;
export const ChainFamily = z.enum(chainFamilies);
export type ChainFamily = z.infer<typeof ChainFamily>;

/** One chain OpsDesk knows: identity, money, explorers, default endpoints, timing and memo rules. */
export const ChainInfo = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/).describe('Lowercase slug used everywhere (CONTRACTS.md), e.g. "bsc".'),
  name: z.string().describe('Display name.'),
  family: ChainFamily,
  chainId: z.number().int().positive().optional().describe('EVM chain id (eth_chainId).'),
  nativeSymbol: z.string(),
  nativeDecimals: z.number().int().min(0).max(36),
  explorer: z
    .object({
      name: z.string(),
      tx: z.string().describe('URL template with {hash}.'),
      address: z.string().describe('URL template with {address}.'),
    })
    .optional(),
  rpcUrls: z.array(z.string().url()).default([]).describe('Endpoints in fallback order (JSON-RPC, Esplora REST, Tron HTTP… by family).'),
  blockTimeSec: z.number().positive().optional(),
  finalityBlocks: z.number().int().nonnegative().optional().describe('Confirmations after which a transaction is treated as final.'),
  aliases: z.array(z.string()).default([]).describe('Names and nicknames users write ("bep20", "matic"), lowercase.'),
  tokenStandards: z.array(z.string()).default([]).describe('Token standard names users write, e.g. ["bep20"].'),
  walletCoreCoin: z.string().optional().describe('@trustwallet/wallet-core CoinType name used to validate addresses.'),
  memo: z
    .object({ name: z.string().describe('What the chain calls it: "destination tag", "memo", "comment".'), required: z.literal('exchange-deposits') })
    .optional(),
  testnet: z.boolean().default(false),
  tokens: z
    .array(z.object({ symbol: z.string(), address: z.string().describe('Contract address.'), decimals: z.number().int().min(0).max(77) }))
    .default([])
    .describe('Common tokens whose balances `address inspect` reads on this chain (added to the built-in list).'),
});
export type ChainInfo = z.infer<typeof ChainInfo>;
export type ChainInfoInput = z.input<typeof ChainInfo>;
