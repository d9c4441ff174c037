import { createPublicClient, createTestClient, createWalletClient, getAddress, getContractAddress, http, parseGwei, type Abi, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { demoPoisoner, demoRouter, demoToken } from './contracts/artifacts.ts';

/** hardhat's default accounts (the public "test … junk" mnemonic, 10000 ETH each): demo only, never real funds. */
const devMnemonic = 'test test test test test test test test test test test junk';

/** Who does what in the scenarios: one devnet account per role, so no scenario moves another's nonce. */
export const demoRoles = { deployer: 0, swapper: 1, tokenSender: 2, victim: 3, stuck: 4, payer: 5, attacker: 9 } as const;
export type DemoRole = keyof typeof demoRoles;

/** Fixed fees and gas: with them every scenario transaction has the same hash on every start of the devnet. */
export const fixedFees = { maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: parseGwei('1') } as const;

/** The demo contracts' addresses: the deployer's first three nonces, known before the devnet runs (for the chain config). */
export function demoContractAddresses(): { token: Address; router: Address; poisoner: Address } {
  const from = mnemonicToAccount(devMnemonic, { addressIndex: demoRoles.deployer }).address;
  return { token: getContractAddress({ from, nonce: 0n }), router: getContractAddress({ from, nonce: 1n }), poisoner: getContractAddress({ from, nonce: 2n }) };
}

export type DevnetClient = ReturnType<typeof createDevnetClient>;

/** viem clients for the devnet, with one wallet per demo role. */
export function createDevnetClient(url: string, chainId = 31337) {
  const chain = { id: chainId, name: 'Ethereum (demo devnet)', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [url] } } } as const;
  const transport = http(url);
  const pub = createPublicClient({ chain, transport });
  const test = createTestClient({ chain, transport, mode: 'hardhat' });
  const account = (role: DemoRole) => mnemonicToAccount(devMnemonic, { addressIndex: demoRoles[role] });
  const wallet = (role: DemoRole) => createWalletClient({ chain, transport, account: account(role) });
  const abis = { token: demoToken.abi as Abi, router: demoRouter.abi as Abi, poisoner: demoPoisoner.abi as Abi };
  return {
    chain,
    pub,
    test,
    account,
    address: (role: DemoRole): Address => account(role).address,
    /** Deploys a demo contract from the deployer and waits for it to be mined. */
    async deploy(which: keyof typeof abis): Promise<Address> {
      const bytecode = { token: demoToken, router: demoRouter, poisoner: demoPoisoner }[which].bytecode as Hex;
      const hash = await wallet('deployer').deployContract({ abi: abis[which], bytecode, gas: 1_500_000n, ...fixedFees });
      const receipt = await pub.waitForTransactionReceipt({ hash });
      if (!receipt.contractAddress) throw new Error(`deploying the demo ${which} contract failed (${receipt.status})`);
      return getAddress(receipt.contractAddress);
    },
    /** Calls a demo contract with a fixed gas limit (failing calls are mined, not refused by estimation) and waits for it. */
    async call(role: DemoRole, to: Address, which: keyof typeof abis, functionName: string, args: readonly unknown[], gas = 200_000n): Promise<Hex> {
      const hash = await wallet(role).writeContract({ address: to, abi: abis[which], functionName, args, gas, ...fixedFees });
      await pub.waitForTransactionReceipt({ hash });
      return hash;
    },
    /** Sends ETH; waits for it unless a nonce is forced (a gapped transaction is never mined). */
    async send(role: DemoRole, to: Address, value: bigint, nonce?: number): Promise<Hex> {
      const hash = await wallet(role).sendTransaction({ to, value, gas: 21_000n, ...fixedFees, ...(nonce === undefined ? {} : { nonce }) });
      if (nonce === undefined) await pub.waitForTransactionReceipt({ hash });
      return hash;
    },
  };
}
