import { decodeAbiParameters, encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { ChainInfo } from '../registry/chain.ts';
import type { RpcResult } from '../rpc/index.ts';

export interface KnownToken {
  symbol: string;
  address: string;
  decimals: number;
}

/** Widely held tokens per chain id, read by `address inspect` (chain config `tokens` adds more). */
const commonTokens: Readonly<Record<number, readonly KnownToken[]>> = {
  1: [
    { symbol: 'USDT', address: '0xdAC17F958D2ee523a2206206994597C13D831ec7', decimals: 6 },
    { symbol: 'USDC', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6 },
    { symbol: 'DAI', address: '0x6B175474E89094C44Da98b954EedeAC495271d0F', decimals: 18 },
    { symbol: 'WETH', address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', decimals: 18 },
  ],
  56: [
    { symbol: 'USDT', address: '0x55d398326f99059fF775485246999027B3197955', decimals: 18 },
    { symbol: 'USDC', address: '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d', decimals: 18 },
    { symbol: 'WBNB', address: '0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c', decimals: 18 },
  ],
  137: [
    { symbol: 'USDT', address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', decimals: 6 },
    { symbol: 'USDC', address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', decimals: 6 },
    { symbol: 'USDC.e', address: '0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174', decimals: 6 },
  ],
  42161: [
    { symbol: 'USDT', address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', decimals: 6 },
    { symbol: 'USDC', address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', decimals: 6 },
  ],
  10: [
    { symbol: 'USDT', address: '0x94b008aA00579c1307B0EF2c499aD98a8ce58e58', decimals: 6 },
    { symbol: 'USDC', address: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', decimals: 6 },
  ],
  8453: [{ symbol: 'USDC', address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', decimals: 6 }],
  43114: [
    { symbol: 'USDT', address: '0x9702230A8Ea53601f5cD2dc00fDBc13d4dF4A8c7', decimals: 6 },
    { symbol: 'USDC', address: '0xB97EF9Ef8734C71904D8002F8b6Bc66Dd9c48a6E', decimals: 6 },
  ],
};

/** The tokens to read for a chain: built-in common ones plus the chain's configured `tokens`. */
export function tokensFor(chain: ChainInfo): KnownToken[] {
  const seen = new Map<string, KnownToken>();
  for (const t of [...(chain.chainId ? (commonTokens[chain.chainId] ?? []) : []), ...chain.tokens]) seen.set(t.address.toLowerCase(), t);
  return [...seen.values()];
}

export const erc20Abi = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function transferFrom(address from, address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
]);

export const callData = {
  symbol: (): Hex => encodeFunctionData({ abi: erc20Abi, functionName: 'symbol' }),
  decimals: (): Hex => encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' }),
  balanceOf: (owner: string): Hex => encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner as Hex] }),
  allowance: (owner: string, spender: string): Hex => encodeFunctionData({ abi: erc20Abi, functionName: 'allowance', args: [owner as Hex, spender as Hex] }),
};

/** Reads a uint result of an eth_call, undefined when the call failed or returned nothing. */
export function uintResult(r: RpcResult | undefined): bigint | undefined {
  if (!r?.ok || typeof r.value !== 'string' || r.value.length < 66) return undefined;
  return BigInt(r.value.slice(0, 66));
}

/** Reads a string result (ABI string, or bytes32 like MKR's symbol). */
export function stringResult(r: RpcResult | undefined): string | undefined {
  if (!r?.ok || typeof r.value !== 'string' || r.value.length < 66) return undefined;
  try {
    return decodeAbiParameters([{ type: 'string' }], r.value as Hex)[0];
  } catch {
    const bytes = Buffer.from(r.value.slice(2, 66), 'hex');
    const text = bytes.toString('utf8').replace(/\0+$/, '');
    return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
  }
}
