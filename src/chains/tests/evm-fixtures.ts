import { createPublicClient, createTestClient, createWalletClient, getAddress, http, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { compileContracts } from '../../../test/contracts/compile.ts';
import { hardhatKeys } from '../../../test/evm-node.ts';

/** Clients and deployed fixture contracts on a local hardhat node. */
export async function deployFixtures(url: string, chainId: number) {
  const chain = { id: chainId, name: 'local', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [url] } } } as const;
  const transport = http(url);
  const pub = createPublicClient({ chain, transport });
  const test = createTestClient({ chain, transport, mode: 'hardhat' });
  const accounts = hardhatKeys.map((k) => privateKeyToAccount(k));
  const wallets = accounts.map((account) => createWalletClient({ chain, transport, account }));
  const artifacts = compileContracts();
  const deploy = async (name: string, args: unknown[] = []): Promise<Address> => {
    const a = artifacts[name]!;
    const hash = await wallets[0]!.deployContract({ abi: a.abi as Abi, bytecode: a.bytecode, args });
    const receipt = await pub.waitForTransactionReceipt({ hash });
    return getAddress(receipt.contractAddress!);
  };
  const c = {
    tokenV4: await deploy('TokenV4', ['Token Four', 'TK4', 18]),
    tokenV5: await deploy('TokenV5'),
    router: await deploy('Router'),
    burner: await deploy('GasBurner'),
    panicker: await deploy('Panicker'),
    collectible: await deploy('Collectible'),
    poisoner: await deploy('Poisoner'),
  };
  const abi = (name: string) => artifacts[name]!.abi as Abi;
  /** Sends a contract call with a fixed gas limit (so failing calls are mined, not refused by estimation) and waits for it. */
  const call = async (from: number, to: Address, contract: string, functionName: string, args: unknown[], gas = 300_000n, value = 0n): Promise<Hex> => {
    const hash = await wallets[from]!.writeContract({ address: to, abi: abi(contract), functionName, args, gas, value, chain, account: accounts[from]! });
    await pub.waitForTransactionReceipt({ hash });
    return hash;
  };
  return { chain, pub, test, accounts, wallets, c, abi, call };
}

export type Fixtures = Awaited<ReturnType<typeof deployFixtures>>;
