import { lower } from './rpc-types.ts';

/** How far back the parties' token history is read to find the addresses they really used (poisoners strike within minutes; most nodes cap eth_getLogs near 10k blocks). */
export const poisoningLookbackBlocks = 10_000;

/** Zero or dust: below 0.00001 of a coin (poisoners send nothing or next to nothing). */
export const isDust = (amount: bigint, decimals: number): boolean => amount < 10n ** BigInt(Math.max(0, decimals - 5));

/** Finds a genuine address that `candidate` imitates: same first and last 4+ hex characters, yet a different address. */
export function findLookalike(candidate: string, genuine: readonly string[]): { lookalike: string; genuine: string; prefix: number; suffix: number } | undefined {
  const c = lower(candidate).slice(2);
  for (const g of genuine) {
    const h = lower(g).slice(2);
    if (h === c) continue;
    let prefix = 0;
    while (prefix < 40 && c[prefix] === h[prefix]) prefix++;
    let suffix = 0;
    while (suffix < 40 && c[39 - suffix] === h[39 - suffix]) suffix++;
    if (prefix >= 4 && suffix >= 4) return { lookalike: candidate, genuine: g, prefix, suffix };
  }
  return undefined;
}
