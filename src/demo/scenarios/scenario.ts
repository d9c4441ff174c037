import type { Address, Hex } from 'viem';
import type { DevnetClient } from '../devnet-client.ts';

/** The deployed demo contracts. */
export interface DemoContracts {
  token: Address;
  router: Address;
  poisoner: Address;
}

/** One scenario's transaction, with the finding the diagnosis is expected to give it. */
export interface ScenarioTx {
  key: 'failed_swap' | 'token_to_contract' | 'poisoning' | 'nonce_gap' | 'confirmed_payment';
  hash: Hex;
  /** The user whose wallet sent it (the victim's for the poisoning). */
  user: Address;
  expectedCode: string;
  what: string;
}

export type Scenario = (client: DevnetClient, contracts: DemoContracts) => Promise<ScenarioTx>;

/** 1 dUSD in base units (6 decimals). */
export const dusd = (n: number): bigint => BigInt(Math.round(n * 1_000_000));
