/** The shape of the demo wallet's traffic: routes, chains, clients, providers and a few stable users. */

export const demoRoutes = ['/v1/balance', '/v1/quote', '/v1/swap', '/v1/send'] as const;
export type DemoRoute = (typeof demoRoutes)[number];
export const demoChains = ['ethereum', 'bsc', 'polygon', 'tron', 'solana'] as const;
export type DemoChain = (typeof demoChains)[number];
export const demoPlatforms = ['android', 'ios', 'web'] as const;
export type DemoPlatform = (typeof demoPlatforms)[number];

/** Share of API requests per route. */
export const routeWeights: Record<DemoRoute, number> = { '/v1/balance': 0.42, '/v1/quote': 0.24, '/v1/swap': 0.2, '/v1/send': 0.14 };

/** Chain mix per route (swaps happen mostly where gas is cheap). */
export const chainWeights: Record<DemoRoute, Record<DemoChain, number>> = {
  '/v1/balance': { ethereum: 0.3, bsc: 0.2, polygon: 0.2, tron: 0.15, solana: 0.15 },
  '/v1/quote': { ethereum: 0.2, bsc: 0.25, polygon: 0.3, tron: 0.05, solana: 0.2 },
  '/v1/swap': { ethereum: 0.18, bsc: 0.25, polygon: 0.35, tron: 0.04, solana: 0.18 },
  '/v1/send': { ethereum: 0.3, bsc: 0.15, polygon: 0.15, tron: 0.25, solana: 0.15 },
};

export const platformWeights: Record<DemoPlatform, number> = { android: 0.47, ios: 0.36, web: 0.17 };

/** App versions per platform: 9.2.0 is rolling out, 9.1.x is the long tail. */
export const versionWeights: Record<DemoPlatform, Record<string, number>> = {
  android: { '9.2.0': 0.6, '9.1.4': 0.25, '9.1.3': 0.1, '9.0.8': 0.05 },
  ios: { '9.2.0': 0.55, '9.1.4': 0.35, '9.1.2': 0.1 },
  web: { '9.2.0': 0.9, '9.1.4': 0.1 },
};

/** RPC providers behind each chain. */
export const providerWeights: Record<DemoChain, Record<string, number>> = {
  ethereum: { alchemy: 0.6, infura: 0.4 },
  bsc: { nodereal: 0.6, ankr: 0.4 },
  polygon: { alchemy: 0.5, quicknode: 0.5 },
  tron: { trongrid: 1 },
  solana: { helius: 0.7, triton: 0.3 },
};

export const countryWeights: Record<string, number> = { US: 0.2, BR: 0.14, IN: 0.14, TR: 0.08, VN: 0.08, NG: 0.08, PH: 0.07, DE: 0.07, GB: 0.07, JP: 0.07 };

/** Median API latency per route (ms) and per-chain multipliers; the spread is log-normal. */
export const routeMedianMs: Record<DemoRoute, number> = { '/v1/balance': 90, '/v1/quote': 210, '/v1/swap': 420, '/v1/send': 300 };
export const chainLatencyFactor: Record<DemoChain, number> = { ethereum: 1.25, bsc: 0.9, polygon: 1, tron: 1.1, solana: 0.8 };
export const latencySigma = 0.42;

/** Baseline server-error share per route (5xx), and client errors (4xx, not counted as errors). */
export const serverErrorRate: Record<DemoRoute, number> = { '/v1/balance': 0.004, '/v1/quote': 0.005, '/v1/swap': 0.006, '/v1/send': 0.008 };
export const clientErrorRate = 0.015;

/** The backend service, span name and RPC method behind each route. */
export const backends: Record<DemoRoute, { service: string; span: string; rpcMethod: string; method: 'GET' | 'POST'; appEvent: string; appShare: number }> = {
  '/v1/balance': { service: 'balance-service', span: 'GetBalances', rpcMethod: 'eth_call', method: 'GET', appEvent: 'balance_refreshed', appShare: 0.15 },
  '/v1/quote': { service: 'quote-service', span: 'AggregateQuote', rpcMethod: 'eth_call', method: 'GET', appEvent: 'quote_shown', appShare: 0.15 },
  '/v1/swap': { service: 'swap-service', span: 'BuildSwapTx', rpcMethod: 'eth_estimateGas', method: 'POST', appEvent: 'swap_submitted', appShare: 1 },
  '/v1/send': { service: 'tx-service', span: 'BroadcastTx', rpcMethod: 'eth_sendRawTransaction', method: 'POST', appEvent: 'send_submitted', appShare: 1 },
};

/** A stable demo user: the generated tickets can name these ids, and their requests are in the telemetry. */
export interface DemoUser {
  key: string;
  name: string;
  userId: string;
  deviceId: string;
  platform: DemoPlatform;
  appVersion: string;
  country: string;
  /** The chain and route this user mostly uses. */
  chain: DemoChain;
  route: DemoRoute;
  address: string;
  /** True when the injected incident hits this user's requests (android 9.2.0 swapping on polygon). */
  affectedByIncident: boolean;
}

export const demoUsers: readonly DemoUser[] = [
  { key: 'maria', name: 'Maria Souza', userId: 'usr_7f3a9c21e4', deviceId: 'dev_4be1a7c0-9d2f-4c61-8e0b-2a7f5c93d118', platform: 'android', appVersion: '9.2.0', country: 'BR', chain: 'polygon', route: '/v1/swap', address: '0x5a1f3c9be2d04f7a8c6e1b3d9f20a4c7e81b6d52', affectedByIncident: true },
  { key: 'kenji', name: 'Kenji Watanabe', userId: 'usr_2c8e51b90d', deviceId: 'dev_9c03e2f4-61ab-4d7e-b5a8-f1e07c2d4a96', platform: 'android', appVersion: '9.2.0', country: 'JP', chain: 'polygon', route: '/v1/swap', address: '0xc47e0b2a9d13f58e6a7b4c21d0e9f3a8b5c61d07', affectedByIncident: true },
  { key: 'amara', name: 'Amara Okafor', userId: 'usr_91d4fa07c3', deviceId: 'dev_1f7a6c2e-83b9-4d05-a4e6-7c9b21f0e3d8', platform: 'ios', appVersion: '9.2.0', country: 'NG', chain: 'polygon', route: '/v1/swap', address: '0x8b3d61f0a2c97e45d1b0f6a3c8e27d94f5a01b6c', affectedByIncident: false },
  { key: 'lukas', name: 'Lukas Becker', userId: 'usr_5e60b3d8a1', deviceId: 'dev_b2e9d4a1-5c7f-4e38-9a06-d3f18b7c2e45', platform: 'web', appVersion: '9.2.0', country: 'DE', chain: 'ethereum', route: '/v1/send', address: '0x1e9c4a7d3b20f86e5c1a9d0b7f42e3c6a8d5b90f', affectedByIncident: false },
  { key: 'priya', name: 'Priya Nair', userId: 'usr_a83f27c6e9', deviceId: 'dev_6d1c8b3f-2e94-4a7b-b0c5-e8f3a1d92c67', platform: 'android', appVersion: '9.1.4', country: 'IN', chain: 'bsc', route: '/v1/balance', address: '0x3f7b2e9a0c1d84f6b5e3a7c0d9f21b8e4a6c503d', affectedByIncident: false },
  { key: 'minh', name: 'Nguyen Van Minh', userId: 'usr_d0c47e91b5', deviceId: 'dev_e7a2f9c4-0b3d-4e16-8c5a-94b1d2e7f038', platform: 'ios', appVersion: '9.1.4', country: 'VN', chain: 'tron', route: '/v1/send', address: 'TXk3mR8pWq4vNc7yZ2hJd9sLf6GtBe5aUo', affectedByIncident: false },
  { key: 'diego', name: 'Diego Ramírez', userId: 'usr_6b19e0f4d2', deviceId: 'dev_3a8e5d1b-7f20-4c94-a6e3-1d9c0b7f5e82', platform: 'android', appVersion: '9.2.0', country: 'US', chain: 'solana', route: '/v1/swap', address: '7fUAJdStEuGbc3sM84cKRL6yYaaSstyLSU4ve5oovLS7', affectedByIncident: false },
];

export function demoUser(key: string): DemoUser | undefined {
  return demoUsers.find((u) => u.key === key);
}
