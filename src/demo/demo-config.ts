import { join } from 'node:path';
import { createChainRegistry } from '../chains/index.ts';
import type { Config } from '../core/index.ts';
import { demoContractAddresses } from './devnet-client.ts';

/** The devnet as the "ethereum" chain (chain id 31337): tickets that say "ETH", "ethereum" or "erc20" resolve to it. */
export function demoChain(devnetUrl: string, chainId = 31337) {
  const { token } = demoContractAddresses();
  return {
    slug: 'ethereum',
    name: 'Ethereum (demo devnet)',
    family: 'evm',
    chainId,
    nativeSymbol: 'ETH',
    nativeDecimals: 18,
    rpcUrls: [devnetUrl],
    blockTimeSec: 12,
    finalityBlocks: 3,
    aliases: ['ethereum', 'eth', 'ether', 'mainnet', 'erc20', 'erc-20', 'devnet'],
    tokenStandards: ['erc20', 'erc721'],
    tokens: [{ symbol: 'dUSD', address: token, decimals: 6 }],
  };
}

/**
 * Every built-in chain stays known (tickets and posts that say "polygon" or "bep20" are recognised) but
 * without endpoints, so nothing leaves the laptop; "ethereum" is the devnet.
 */
export function demoChains(devnetUrl: string) {
  return createChainRegistry()
    .list()
    .map(({ explorer: _explorer, ...chain }) => (chain.slug === 'ethereum' ? demoChain(devnetUrl) : { ...chain, rpcUrls: [] }));
}

export interface DemoSettings {
  /** The demo's own data dir (`<dataDir>/demo`). */
  demoDir: string;
  devnetUrl: string;
  adminEmail: string;
  adminPassword: string;
}

/**
 * The configuration the demo serves with: the embedded stores in the demo's own folder (never the real
 * workspace's, never PostgreSQL), only the devnet chain (nothing leaves the laptop), the demo admin,
 * loopback only, and the background monitors on.
 */
export function demoConfig(base: Config, demo: DemoSettings): Config {
  const { url: _ignoredUrl, ...database } = base.database;
  return {
    ...base,
    dataDir: demo.demoDir,
    database,
    server: { ...base.server, host: '127.0.0.1' },
    auth: { ...base.auth, adminEmail: demo.adminEmail, adminPassword: demo.adminPassword },
    chains: { ...base.chains, includeBuiltins: false, rpc: {}, custom: demoChains(demo.devnetUrl), timeoutMs: 4000, retries: 0 },
    monitor: { ...base.monitor, schedulerEnabled: true },
    telemetry: { ...base.telemetry, file: 'telemetry.duckdb' },
  };
}

export const demoDirOf = (dataDir: string): string => join(dataDir, 'demo');
