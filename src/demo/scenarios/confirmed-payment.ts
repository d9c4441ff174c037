import { parseEther } from 'viem';
import type { Scenario } from './scenario.ts';

/** A plain ETH payment that went through: the "where is my money" ticket the diagnosis answers with a receipt. */
export const confirmedPayment: Scenario = async (client) => {
  const hash = await client.send('payer', client.address('swapper'), parseEther('1.25'));
  return { key: 'confirmed_payment', hash, user: client.address('payer'), expectedCode: 'evm.success.native_transfer', what: '1.25 ETH paid to a friend, confirmed' };
};
