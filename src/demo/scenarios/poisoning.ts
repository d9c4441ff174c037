import type { Address } from 'viem';
import type { Scenario } from './scenario.ts';
import { dusd } from './scenario.ts';

/** The victim's exchange deposit address, and the attacker's look-alike (same first and last four characters). */
export const genuineAddress: Address = '0x7a25d1e0c3b5f0a9d8e7c6b5a4f3e2d1c0b9fa11';
export const lookalikeAddress: Address = '0x7a25ffffffffffffffffffffffffffffffc0fa11';

/** The victim pays their genuine address; then an attacker's contract moves 0 dUSD from the victim to the look-alike. */
export const poisoningAttempt: Scenario = async (client, contracts) => {
  await client.call('victim', contracts.token, 'token', 'transfer', [genuineAddress, dusd(500)]);
  const hash = await client.call('attacker', contracts.poisoner, 'poisoner', 'poison', [contracts.token, client.address('victim'), lookalikeAddress]);
  return { key: 'poisoning', hash, user: client.address('victim'), expectedCode: 'evm.security.address_poisoning', what: 'a zero-value dUSD transfer from the victim to a look-alike of their deposit address' };
};
