import { parseEther } from 'viem';
import type { Scenario } from './scenario.ts';

/**
 * A transfer sent with the next nonce skipped: it waits in the pool forever. hardhat refuses to queue a
 * future nonce while automining, so automine is paused for the send and resumed after.
 */
export const nonceGap: Scenario = async (client) => {
  const from = client.address('stuck');
  const next = await client.pub.getTransactionCount({ address: from, blockTag: 'pending' });
  await client.test.setAutomine(false);
  try {
    const hash = await client.send('stuck', client.address('payer'), parseEther('0.8'), next + 1);
    return { key: 'nonce_gap', hash, user: from, expectedCode: 'evm.pending.nonce_gap', what: `0.8 ETH sent with nonce ${next + 1} while nonce ${next} was never sent` };
  } finally {
    await client.test.setAutomine(true);
  }
};
