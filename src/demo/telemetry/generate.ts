import { incidentStrength, isAffected, type DemoIncident } from './incident.ts';
import { attributes, nanos, severityNumbers, type OtlpBatch } from './otlp.ts';
import {
  backends,
  chainLatencyFactor,
  chainWeights,
  clientErrorRate,
  countryWeights,
  demoUsers,
  latencySigma,
  platformWeights,
  providerWeights,
  routeMedianMs,
  routeWeights,
  serverErrorRate,
  versionWeights,
  type DemoChain,
  type DemoPlatform,
  type DemoRoute,
} from './profile.ts';
import { hex, logNormal, mixSeed, mulberry32, pick, poisson, type Rng } from './random.ts';

export interface TrafficOptions {
  seed: number;
  /** Mean API requests per second over a day (the rate follows the time of day around it). */
  requestsPerSec: number;
  incident?: DemoIncident | undefined;
  /**
   * `full`: every request has its gateway span, backend span, logs and app event. `gateway`: only the
   * gateway span, except for failed requests and the demo users' requests (the cheap backfill).
   */
  detail?: 'full' | 'gateway';
}

/** A client behind the requests: the stable demo users, or one of a pool of generated ones. */
interface Client {
  userId: string;
  deviceId: string;
  platform: DemoPlatform;
  appVersion: string;
  country: string;
  evmAddress: string;
  tronAddress: string;
  solanaAddress: string;
}

const poolSize = 4000;
const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function b58(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += base58[Math.floor(rng() * 58)];
  return s;
}

const pools = new Map<number, Client[]>();

/** The generated client pool of a seed (built once, the same on every run). */
function clientPool(seed: number): Client[] {
  let pool = pools.get(seed);
  if (pool) return pool;
  pool = [];
  for (let i = 0; i < poolSize; i++) {
    const rng = mulberry32(mixSeed(seed ^ 0x5eed, i));
    const platform = pick(rng, platformWeights);
    pool.push({
      userId: `usr_${hex(rng, 5)}`,
      deviceId: `dev_${hex(rng, 4)}-${hex(rng, 2)}-4${hex(rng, 2).slice(1)}-${hex(rng, 2)}-${hex(rng, 6)}`,
      platform,
      appVersion: pick(rng, versionWeights[platform]),
      country: pick(rng, countryWeights),
      evmAddress: `0x${hex(rng, 20)}`,
      tronAddress: `T${b58(rng, 33)}`,
      solanaAddress: b58(rng, 44),
    });
  }
  pools.set(seed, pool);
  return pool;
}

function addressOn(c: Client, chain: DemoChain): string {
  return chain === 'tron' ? c.tronAddress : chain === 'solana' ? c.solanaAddress : c.evmAddress;
}

function txHash(rng: Rng, chain: DemoChain): string {
  return chain === 'solana' ? b58(rng, 88) : chain === 'tron' ? hex(rng, 32) : `0x${hex(rng, 32)}`;
}

/** Requests per second at a time of day: a smooth day curve (peak mid-afternoon UTC, trough at night) around the mean. */
export function rateAt(requestsPerSec: number, tsMs: number): number {
  const hour = (tsMs % 86_400_000) / 3_600_000;
  return requestsPerSec * (1 + 0.3 * Math.sin((2 * Math.PI * (hour - 9)) / 24) + 0.05 * Math.sin((2 * Math.PI * hour) / 1.7));
}

interface Request {
  tsMs: number;
  /** A demo user's request (always in full detail). */
  demo: boolean;
  client: Client;
  route: DemoRoute;
  chain: DemoChain;
}

const verbs: Record<DemoRoute, string> = { '/v1/balance': 'balance', '/v1/quote': 'quote', '/v1/swap': 'swap', '/v1/send': 'send' };
const failureText: Record<DemoRoute, string> = {
  '/v1/balance': 'Could not load balances. Pull to refresh.',
  '/v1/quote': 'Could not get a quote. Please try again.',
  '/v1/swap': 'Swap failed: the request timed out. Your funds were not moved. Please try again.',
  '/v1/send': 'Sending failed: the network did not accept the transaction. Please try again.',
};

/** Emits one API request: the gateway span, the backend span, logs for failures and slowness, and the app's own event. */
function emitRequest(rng: Rng, r: Request, opts: TrafficOptions, batch: OtlpBatch): void {
  const { client, route, chain } = r;
  const be = backends[route];
  const router = route === '/v1/swap' ? (client.platform === 'android' && client.appVersion === '9.2.0' ? 'v2' : 'v1') : undefined;
  const provider = pick(rng, providerWeights[chain]);
  const affected = isAffected(opts.incident, { route, chain, platform: client.platform, appVersion: client.appVersion });
  const strength = affected ? incidentStrength(opts.incident, r.tsMs) : 0;
  let latency = logNormal(rng, routeMedianMs[route] * chainLatencyFactor[chain], latencySigma);
  if (rng() < 0.01) latency *= 2 + rng() * 2; // retries and cold caches
  if (strength > 0) latency *= 1 + (opts.incident!.latencyFactor - 1) * strength;
  const serverErr = serverErrorRate[route] + (strength > 0 ? opts.incident!.errorRate * strength : 0);
  const roll = rng();
  let status = 200;
  if (roll < serverErr) status = strength > 0 && rng() < 0.85 ? 504 : Number(pick(rng, { '500': 3, '502': 3, '503': 2, '504': 2 }));
  else if (roll < serverErr + clientErrorRate) status = Number(pick(rng, { '400': 5, '401': 2, '429': 3 }));
  latency = Math.round(latency * 10) / 10;
  const traceId = hex(rng, 16);
  const gwSpan = hex(rng, 8);
  const beSpan = hex(rng, 8);
  const address = addressOn(client, chain);
  const common = { 'wallet.chain': chain, 'app.version': client.appVersion, platform: client.platform, 'user.id': client.userId, 'device.id': client.deviceId };
  batch.addSpan('api-gateway', {
    traceId,
    spanId: gwSpan,
    name: `${be.method} ${route}`,
    kind: 2,
    startTimeUnixNano: nanos(r.tsMs),
    endTimeUnixNano: nanos(r.tsMs + latency),
    attributes: attributes({ 'http.request.method': be.method, 'http.route': route, 'http.response.status_code': status, ...common, 'geo.country.iso_code': client.country, 'wallet.rpc.provider': provider, 'swap.router': router }),
    status: status >= 500 ? { code: 2, message: `HTTP ${status}` } : { code: 0 },
  });
  const failed = status >= 500;
  if (opts.detail === 'gateway' && !failed && !r.demo) return;
  const beStart = r.tsMs + 2 + rng() * 6;
  const beDuration = Math.round(latency * (0.72 + 0.18 * rng()) * 10) / 10;
  const slowUpstream = affected && strength > 0;
  batch.addSpan(be.service, {
    traceId,
    spanId: beSpan,
    parentSpanId: gwSpan,
    name: be.span,
    kind: 2,
    startTimeUnixNano: nanos(beStart),
    endTimeUnixNano: nanos(beStart + beDuration),
    attributes: attributes({ ...common, 'wallet.rpc.provider': provider, 'rpc.method': chain === 'solana' ? 'simulateTransaction' : chain === 'tron' ? 'triggerconstantcontract' : be.rpcMethod, 'swap.router': router, 'wallet.address': route === '/v1/balance' ? undefined : address }),
    status: failed ? { code: 2, message: slowUpstream ? 'deadline exceeded' : 'upstream error' } : { code: 0 },
  });
  if (failed || beDuration > 2500) {
    const body = failed
      ? slowUpstream
        ? `swap router ${router} on ${chain}: route build timed out after ${Math.round(beDuration)} ms waiting for ${be.rpcMethod} via ${provider} (3 retries)`
        : `upstream ${provider} returned an error for ${be.rpcMethod} on ${chain}`
      : `slow upstream: ${be.rpcMethod} on ${chain} via ${provider} took ${Math.round(beDuration)} ms`;
    batch.addLog(be.service, {
      timeUnixNano: nanos(beStart + beDuration),
      severityNumber: failed ? severityNumbers.error : severityNumbers.warn,
      severityText: failed ? 'ERROR' : 'WARN',
      body: { stringValue: body },
      attributes: attributes({ ...common, 'wallet.rpc.provider': provider, 'swap.router': router, 'error.type': failed ? (slowUpstream ? 'DeadlineExceeded' : 'UpstreamError') : undefined }),
      traceId,
      spanId: beSpan,
    });
  }
  if (rng() < be.appShare || failed) {
    const verb = verbs[route];
    const ok = status < 400;
    const success = ok && (route === '/v1/swap' || route === '/v1/send');
    batch.addLog('wallet-app', {
      timeUnixNano: nanos(r.tsMs + latency + 5),
      severityNumber: failed ? severityNumbers.error : ok ? severityNumbers.info : severityNumbers.warn,
      severityText: failed ? 'ERROR' : ok ? 'INFO' : 'WARN',
      eventName: failed ? `${verb}_failed` : be.appEvent,
      body: { stringValue: failed ? failureText[route] : `${verb} ${ok ? 'ok' : `rejected (${status})`}` },
      attributes: attributes({ ...common, 'geo.country.iso_code': client.country, 'wallet.address': address, 'wallet.tx.hash': success ? txHash(rng, chain) : undefined, 'app.screen': verb, 'http.client.duration_ms': Math.round(latency), 'http.client.status_code': status }),
      traceId,
    });
  }
}

/** The demo users as clients (they keep their own platform, version and address). */
const demoClients: Array<{ client: Client; route: DemoRoute; chain: DemoChain }> = demoUsers.map((u) => ({
  client: { userId: u.userId, deviceId: u.deviceId, platform: u.platform, appVersion: u.appVersion, country: u.country, evmAddress: u.address, tronAddress: u.address, solanaAddress: u.address },
  route: u.route,
  chain: u.chain,
}));

/**
 * Generates one second of traffic (`secondMs` a multiple of 1000) into `batch`. The second is seeded
 * from (seed, second), so the same second with the same options is the same traffic on every run.
 */
export function generateSecond(secondMs: number, opts: TrafficOptions, batch: OtlpBatch): number {
  const rng = mulberry32(mixSeed(opts.seed, secondMs / 1000));
  const pool = clientPool(opts.seed);
  const n = poisson(rng, rateAt(opts.requestsPerSec, secondMs));
  const before = batch.size;
  for (let i = 0; i < n; i++) {
    const route = pick(rng, routeWeights);
    const chain = pick(rng, chainWeights[route]);
    const client = pool[Math.floor(rng() * pool.length)]!;
    emitRequest(rng, { tsMs: secondMs + rng() * 1000, demo: false, client, route, chain }, opts, batch);
  }
  // Each demo user does their usual thing about every 40 s and checks balances about every 2 minutes.
  for (const d of demoClients) {
    if (rng() < 1 / 40) emitRequest(rng, { tsMs: secondMs + rng() * 1000, demo: true, client: d.client, route: d.route, chain: d.chain }, opts, batch);
    if (rng() < 1 / 120) emitRequest(rng, { tsMs: secondMs + rng() * 1000, demo: true, client: d.client, route: '/v1/balance', chain: d.chain }, opts, batch);
  }
  return batch.size - before;
}
