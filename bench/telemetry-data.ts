import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../src/demo/telemetry/random.ts';

const routes = ['/v1/quote', '/v1/swap', '/v1/balance', '/v1/tx/send', '/v1/tx/status', '/v1/nft/list', '/v1/price', '/v1/fees'];
const chains = ['ethereum', 'bsc', 'polygon', 'arbitrum', 'optimism', 'base', 'solana', 'tron', 'bitcoin', 'avalanche'];
const providers = ['alchemy', 'infura', 'quicknode', 'ankr', 'self'];
const versions = ['9.1.0', '9.1.1', '9.1.2', '9.2.0', '9.2.1'];
const platforms = ['ios', 'android', 'extension'];
const countries = ['US', 'BR', 'IN', 'DE', 'NG', 'VN', 'TR', 'ID'];

export interface FlatEvent {
  timestamp: string;
  service: string;
  level: string;
  route: string;
  status: number;
  durationMs: number;
  chain: string;
  appVersion: string;
  platform: string;
  country: string;
  rpcProvider: string;
  userId: string;
  deviceId: string;
  traceId: string;
  message: string;
  'http.request.method': string;
}

/** Events shaped like the wallet API's request logs: `users` distinct users over one day from `startMs`. */
export function* flatEvents(n: number, options: { startMs: number; users: number; seed?: number }): Generator<FlatEvent> {
  const r = mulberry32(options.seed ?? 42); // seeded, so every run measures the same data
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const route = pick(routes);
    const chain = pick(chains);
    const version = pick(versions);
    const bad = version === '9.2.1' && route === '/v1/swap' ? 0.2 : 0.01;
    const status = r() < bad ? 500 : r() < 0.05 ? 404 : 200;
    const user = Math.floor(r() * options.users);
    yield {
      timestamp: new Date(options.startMs + Math.floor((i / n) * 86_400_000)).toISOString(),
      service: 'wallet-api',
      level: status >= 500 ? 'error' : 'info',
      route,
      status,
      durationMs: Math.round((20 + r() * r() * 2000) * 10) / 10,
      chain,
      appVersion: version,
      platform: pick(platforms),
      country: pick(countries),
      rpcProvider: pick(providers),
      userId: `u${user}`,
      deviceId: `d${user}`,
      traceId: (i.toString(16).padStart(16, '0') + user.toString(16).padStart(16, '0')).slice(0, 32),
      message: status >= 500 ? `upstream ${pick(providers)} failed for ${route}` : `handled ${route}`,
      'http.request.method': 'POST',
    };
  }
}

/** Writes `n` flat events as JSON lines. */
export async function writeJsonl(path: string, n: number, options: { startMs: number; users: number; seed?: number }): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (const e of flatEvents(n, options)) {
    buf += JSON.stringify(e) + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
