import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, createWalletClient, getAddress, http, parseEther, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { compileContracts } from '../../../test/contracts/compile.ts';
import { hardhatKeys, startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { tempDir } from '../../../test/tmp.ts';
import { createChainRegistry, createChainService, type ChainService } from '../../chains/index.ts';
import { Config, manualClock, type ManualClock } from '../../core/index.ts';
import { openTelemetry, type TelemetryService } from '../../telemetry/index.ts';
import { fromApiBody, ingestTicket, openTriager, type Triager } from '../../tickets/index.ts';
import type { RelationalStore } from '../../storage/index.ts';

/** A local chain with a real hardhat node, a deployed ERC-20 (TK4), and a wallet per hardhat account. */
export interface ChainWorld {
  node: EvmNode;
  chains: ChainService;
  token: Address;
  accounts: Address[];
  /** Mines a token transfer of `amount` whole tokens from account `from` (fixed gas, so failing transfers are mined). */
  transfer(from: number, to: Address, amount: string): Promise<Hex>;
  /** Mints `amount` whole tokens to an account. */
  mint(to: Address, amount: string): Promise<void>;
  triager: Triager;
  stop(): Promise<void>;
}

export async function startChainWorld(): Promise<ChainWorld> {
  const node = await startEvmNode();
  const chain = { id: node.chainId, name: 'local', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [node.url] } } } as const;
  const transport = http(node.url);
  const pub = createPublicClient({ chain, transport });
  const accounts = hardhatKeys.map((k) => privateKeyToAccount(k));
  const wallets = accounts.map((account) => createWalletClient({ chain, transport, account }));
  const artifact = compileContracts()['TokenV4']!;
  const deployHash = await wallets[0]!.deployContract({ abi: artifact.abi as Abi, bytecode: artifact.bytecode, args: ['Tether USD (test)', 'USDT', 6] });
  const token = getAddress((await pub.waitForTransactionReceipt({ hash: deployHash })).contractAddress!);
  const units = (amount: string) => BigInt(Math.round(Number(amount) * 1e6));
  const write = async (from: number, functionName: string, args: unknown[]): Promise<Hex> => {
    const hash = await wallets[from]!.writeContract({ address: token, abi: artifact.abi as Abi, functionName, args, gas: 120_000n, chain, account: accounts[from]! });
    await pub.waitForTransactionReceipt({ hash });
    return hash;
  };
  const custom = [{ slug: 'local', name: 'Local', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [node.url], finalityBlocks: 2, explorer: { name: 'Local scan', tx: 'https://scan.local.test/tx/{hash}', address: 'https://scan.local.test/address/{address}' }, aliases: ['local chain'], tokens: [{ symbol: 'USDT', address: token, decimals: 6 }] }];
  const chains = createChainService({ includeBuiltins: false, custom, timeoutMs: 5000, retries: 0 });
  const tmp = tempDir('opsdesk-esc-triage-');
  const triager = await openTriager({ dataDir: tmp.dir, registry: createChainRegistry({ includeBuiltins: true }) });
  tmp.remove();
  return {
    node,
    chains,
    token,
    accounts: accounts.map((a) => a.address),
    transfer: (from, to, amount) => write(from, 'transfer', [to, units(amount)]),
    mint: async (to, amount) => void (await write(0, 'mint', [to, units(amount)])),
    triager,
    stop: () => node.stop(),
  };
}

/** A real DuckDB telemetry store in a temp dir, fed JSON lines through the ingest pipeline. */
export async function openTelemetryWith(rows: readonly Record<string, unknown>[], clock: ManualClock): Promise<{ telemetry: TelemetryService; close(): Promise<void> }> {
  const tmp = tempDir('opsdesk-esc-telemetry-');
  const telemetry = await openTelemetry(Config.parse({ dataDir: tmp.dir }), clock);
  const file = join(tmp.dir, 'events.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  const report = await telemetry.ingestFiles([file]);
  if (report.rejected) throw new Error(`telemetry rejected ${report.rejected} rows`);
  return {
    telemetry,
    async close() {
      await telemetry.close();
      tmp.remove();
    },
  };
}

/** Files a ticket at a given time through the real intake (triage, redaction, entities). */
export async function fileTicket(store: RelationalStore, triager: Triager, clock: ManualClock, at: string, body: Parameters<typeof fromApiBody>[0]): Promise<string> {
  clock.set(at);
  const res = await ingestTicket({ db: store.db, triager, clock }, fromApiBody(body));
  return res.ticketId;
}

export { parseEther, manualClock };
