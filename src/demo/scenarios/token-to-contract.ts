import type { Scenario } from './scenario.ts';
import { dusd } from './scenario.ts';

/** dUSD sent to the dUSD token contract itself: the classic lost-tokens ticket. */
export const tokenToContract: Scenario = async (client, contracts) => {
  const hash = await client.call('tokenSender', contracts.token, 'token', 'transfer', [contracts.token, dusd(120)]);
  return { key: 'token_to_contract', hash, user: client.address('tokenSender'), expectedCode: 'evm.recipient.token_contract', what: '120 dUSD sent to the dUSD token contract' };
};
