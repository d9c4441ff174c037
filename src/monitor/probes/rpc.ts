import { createRpcClient, type RpcClient } from '../../chains/index.ts';
import { redactUrl, systemClock, type Clock } from '../../core/index.ts';
import type { RaiseAlertInput } from '../alerts/alert.ts';

export interface RpcEndpoint {
  chain: string;
  family: string;
  url: string;
}

export interface RpcProbeResult {
  chain: string;
  /** The endpoint with any key in the URL masked. */
  endpoint: string;
  at: string;
  ok: boolean;
  latencyMs: number;
  height: number | null;
  /** Timestamp of the head block (epoch ms). */
  headTimeMs: number | null;
  headAgeSec: number | null;
  /** Blocks behind the highest endpoint of the same chain in this round. */
  lagBlocks: number | null;
  error: string | null;
}

interface Head {
  height: number;
  /** Null when the node cannot say (a Solana slot without a block time). */
  timeMs: number | null;
}

/** How to read the head of a chain family over JSON-RPC; families without an entry are not probed. */
const headReaders: Record<string, (rpc: RpcClient, signal: AbortSignal) => Promise<Head>> = {
  evm: async (rpc, signal) => {
    const block = await rpc.request<{ number: string; timestamp: string }>('eth_getBlockByNumber', ['latest', false], signal);
    return { height: Number.parseInt(block.number, 16), timeMs: Number.parseInt(block.timestamp, 16) * 1000 };
  },
  solana: async (rpc, signal) => {
    const slot = await rpc.request<number>('getSlot', [{ commitment: 'confirmed' }], signal);
    const time = await rpc.request<number | null>('getBlockTime', [slot], signal);
    return { height: slot, timeMs: time === null ? null : time * 1000 };
  },
};

/** Families the RPC probe can read a head from. */
export const probeableFamilies = Object.keys(headReaders);

/**
 * Reads the head (height, block time) of every endpoint at once and measures latency; the lag of an
 * endpoint is how far it is behind the best endpoint of the same chain in the same round.
 */
export async function probeRpcEndpoints(endpoints: readonly RpcEndpoint[], options: { timeoutMs?: number; clock?: Clock } = {}): Promise<RpcProbeResult[]> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 5000;
  const results = await Promise.all(
    endpoints.map(async (e): Promise<RpcProbeResult> => {
      const at = clock.now().toISOString();
      const started = performance.now();
      const reader = headReaders[e.family];
      const base = { chain: e.chain, endpoint: redactUrl(e.url), at, lagBlocks: null };
      if (!reader) return { ...base, ok: false, latencyMs: 0, height: null, headTimeMs: null, headAgeSec: null, error: `the ${e.family} family has no head reader` };
      try {
        const rpc = createRpcClient({ urls: [e.url], label: e.chain, timeoutMs, retries: 0 });
        const head = await reader(rpc, AbortSignal.timeout(timeoutMs));
        const latencyMs = Math.round(performance.now() - started);
        return { ...base, ok: true, latencyMs, height: head.height, headTimeMs: head.timeMs, headAgeSec: head.timeMs === null ? null : Math.max(0, Math.round((clock.nowMs() - head.timeMs) / 1000)), error: null };
      } catch (err) {
        return { ...base, ok: false, latencyMs: Math.round(performance.now() - started), height: null, headTimeMs: null, headAgeSec: null, error: (err instanceof Error ? err.message.split('\n')[0]! : String(err)).replace(e.url, redactUrl(e.url)) };
      }
    }),
  );
  const best = new Map<string, number>();
  for (const r of results) if (r.height !== null) best.set(r.chain, Math.max(best.get(r.chain) ?? r.height, r.height));
  return results.map((r) => (r.height === null ? r : { ...r, lagBlocks: best.get(r.chain)! - r.height }));
}

export interface RpcThresholds {
  /** Blocks behind the best endpoint of the chain before it counts as lagging. */
  maxLagBlocks: number;
  /** Seconds since the head block before the endpoint counts as stalled. */
  maxHeadAgeSec: number;
  maxLatencyMs: number;
  /** Share of failed probes over the remembered rounds before the endpoint counts as erroring. */
  maxErrorRate: number;
}

export const defaultRpcThresholds: RpcThresholds = { maxLagBlocks: 5, maxHeadAgeSec: 300, maxLatencyMs: 3000, maxErrorRate: 0.5 };

/** Remembers the last rounds of each endpoint for its error rate. */
export class RpcProbeHistory {
  private readonly byEndpoint = new Map<string, boolean[]>();
  constructor(private readonly rounds = 10) {}

  record(results: readonly RpcProbeResult[]): void {
    for (const r of results) {
      const key = `${r.chain} ${r.endpoint}`;
      const list = this.byEndpoint.get(key) ?? [];
      list.push(r.ok);
      if (list.length > this.rounds) list.shift();
      this.byEndpoint.set(key, list);
    }
  }

  errorRate(r: Pick<RpcProbeResult, 'chain' | 'endpoint'>): number {
    const list = this.byEndpoint.get(`${r.chain} ${r.endpoint}`) ?? [];
    return list.length ? list.filter((ok) => !ok).length / list.length : 0;
  }
}

export interface RpcVerdict {
  result: RpcProbeResult;
  problems: string[];
  /** The alert to raise while there is a problem (one fingerprint per endpoint); null when healthy. */
  alert: RaiseAlertInput | null;
  /** The fingerprint to clear when healthy. */
  fingerprint: string;
}

/** Judges a round: lagging, stalled, slow or failing endpoints become alerts, explained in words. */
export function judgeRpcRound(results: readonly RpcProbeResult[], history: RpcProbeHistory, thresholds: RpcThresholds = defaultRpcThresholds): RpcVerdict[] {
  return results.map((r) => {
    const problems: string[] = [];
    let severity: 'page' | 'warning' = 'warning';
    if (!r.ok) problems.push(`does not answer (${r.error})`);
    const rate = history.errorRate(r);
    if (rate > thresholds.maxErrorRate) problems.push(`failed ${Math.round(rate * 100)}% of recent probes`);
    if (r.lagBlocks !== null && r.lagBlocks > thresholds.maxLagBlocks) {
      problems.push(`is ${r.lagBlocks} blocks behind the best ${r.chain} endpoint (head ${r.height})`);
      severity = 'page';
    }
    if (r.headAgeSec !== null && r.headAgeSec > thresholds.maxHeadAgeSec) {
      problems.push(`has not seen a new block for ${Math.round(r.headAgeSec / 60)} min (head ${r.height}) — stalled`);
      severity = 'page';
    }
    if (r.ok && r.latencyMs > thresholds.maxLatencyMs) problems.push(`answers in ${r.latencyMs} ms (over ${thresholds.maxLatencyMs} ms)`);
    const fingerprint = `probe.rpc:${r.chain}:${r.endpoint}`;
    const alert: RaiseAlertInput | null = problems.length
      ? { source: 'probe', fingerprint, severity, title: `${r.chain} RPC ${r.endpoint} ${problems[0]}`.slice(0, 300), summary: problems.join('; '), series: `rpc ${r.chain}`, labels: { chain: r.chain, endpoint: r.endpoint, probe: 'rpc' }, at: r.at }
      : null;
    return { result: r, problems, alert, fingerprint };
  });
}
