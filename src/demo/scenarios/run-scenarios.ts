import type { DevnetClient } from '../devnet-client.ts';
import { demoContractAddresses } from '../devnet-client.ts';
import { confirmedPayment } from './confirmed-payment.ts';
import { failedSwap } from './failed-swap.ts';
import { nonceGap } from './nonce-gap.ts';
import { poisoningAttempt } from './poisoning.ts';
import type { DemoContracts, ScenarioTx } from './scenario.ts';
import { dusd } from './scenario.ts';
import { tokenToContract } from './token-to-contract.ts';

/**
 * Deploys the demo contracts on a fresh devnet, funds the users and plays every scenario, in a fixed
 * order with fixed fees: the same transaction hashes on every start (stored tickets keep pointing at them).
 */
export async function runScenarios(client: DevnetClient): Promise<{ contracts: DemoContracts; txs: ScenarioTx[] }> {
  const contracts: DemoContracts = { token: await client.deploy('token'), router: await client.deploy('router'), poisoner: await client.deploy('poisoner') };
  const expected = demoContractAddresses();
  if (contracts.token !== expected.token) throw new Error(`the demo token was deployed at ${contracts.token}, not ${expected.token}: the devnet was not fresh`);
  for (const role of ['swapper', 'tokenSender', 'victim'] as const) await client.call('deployer', contracts.token, 'token', 'mint', [client.address(role), dusd(5_000)]);
  const txs: ScenarioTx[] = [];
  for (const scenario of [failedSwap, tokenToContract, poisoningAttempt, confirmedPayment, nonceGap]) txs.push(await scenario(client, contracts));
  return { contracts, txs };
}
