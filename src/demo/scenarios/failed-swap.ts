import type { Scenario } from './scenario.ts';
import { dusd } from './scenario.ts';

/** A deadline far in the future (2100-01-01): the swap fails on slippage, not on time, on any start date. */
const farDeadline = 4_102_444_800n;

/** A swap whose minimum output is above what the router gives (97%): reverts with INSUFFICIENT_OUTPUT_AMOUNT. */
export const failedSwap: Scenario = async (client, contracts) => {
  const hash = await client.call('swapper', contracts.router, 'router', 'swapExactTokensForTokens', [dusd(250), dusd(249), farDeadline]);
  return { key: 'failed_swap', hash, user: client.address('swapper'), expectedCode: 'evm.failed.slippage', what: 'a swap of 250 dUSD that reverted on its minimum output (slippage)' };
};
