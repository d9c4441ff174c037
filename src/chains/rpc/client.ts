import { redactUrl, type Logger } from '../../core/index.ts';
import { RpcBudgetExceededError, RpcHttpError, RpcRateLimitedError, RpcRequestError, RpcResponseInvalidError, RpcTimeoutError, RpcUnavailableError } from './errors.ts';

export interface RpcCall {
  method: string;
  params: readonly unknown[];
}

/** The answer to one call of a batch: a value, or the node's JSON-RPC error for that call. */
export type RpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcRequestError };

export interface RpcClientOptions {
  /** Endpoints in fallback order. */
  urls: readonly string[];
  /** Label used in errors, e.g. the chain slug. */
  label?: string;
  timeoutMs?: number;
  /** Extra rounds over all URLs after the first, with exponential backoff. */
  retries?: number;
  backoffMs?: number;
  /** false sends every call of a batch as its own request, one after the other (the benchmark baseline). */
  batch?: boolean;
  maxBatchSize?: number;
  logger?: Logger;
  fetch?: typeof fetch;
}

export interface RpcStats {
  /** Sequential round trips (one batch = one round trip). */
  roundTrips: number;
  /** HTTP requests sent, including retries and fallbacks. */
  requests: number;
}

export interface RpcClient {
  readonly urls: readonly string[];
  readonly stats: RpcStats;
  /** Sends the calls as one JSON-RPC batch; transport failures fall back to the next URL and retry. */
  batch(calls: readonly RpcCall[], signal?: AbortSignal): Promise<RpcResult[]>;
  /** One call; a JSON-RPC error is thrown as RpcRequestError. */
  request<T>(method: string, params: readonly unknown[], signal?: AbortSignal): Promise<T>;
  /** A client on one of the URLs only, sharing the stats (used to ask for a second opinion). */
  only(url: string): RpcClient;
}

interface JsonRpcResponse {
  id?: unknown;
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: unknown };
}

/** Creates a JSON-RPC client over HTTP with batching, timeouts, retries with backoff and URL fallback. */
export function createRpcClient(options: RpcClientOptions, stats: RpcStats = { roundTrips: 0, requests: 0 }): RpcClient {
  const urls = options.urls;
  const timeoutMs = options.timeoutMs ?? 8000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 150;
  const useBatch = options.batch ?? true;
  const maxBatchSize = options.maxBatchSize ?? 100;
  const doFetch = options.fetch ?? fetch;
  const label = options.label ?? 'the chain';
  let preferred = 0;
  let nextId = 1;

  async function post(url: string, body: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    stats.requests += 1;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: combined });
      text = await res.text();
    } catch (err) {
      if (signal?.aborted) throw (signal.reason as Error)?.name === 'TimeoutError' ? new RpcBudgetExceededError(label, signal.reason) : signal.reason;
      if (timeout.aborted) throw new RpcTimeoutError(redactUrl(url), timeoutMs, err);
      throw new RpcResponseInvalidError(redactUrl(url), `connection failed (${(err as Error).message})`, err);
    }
    if (res.status === 429) throw new RpcRateLimitedError(redactUrl(url), Math.min(Number(res.headers.get('retry-after')) || 1, 30));
    if (!res.ok) throw new RpcHttpError(redactUrl(url), res.status);
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new RpcResponseInvalidError(redactUrl(url), 'the body is not JSON', err);
    }
  }

  async function sendTo(url: string, calls: readonly RpcCall[], signal: AbortSignal | undefined): Promise<RpcResult[]> {
    const requests = calls.map((c) => ({ jsonrpc: '2.0', id: nextId++, method: c.method, params: c.params }));
    const byId = new Map<unknown, JsonRpcResponse>();
    if (useBatch) {
      const chunks: (typeof requests)[] = [];
      for (let i = 0; i < requests.length; i += maxBatchSize) chunks.push(requests.slice(i, i + maxBatchSize));
      const answers = await Promise.all(chunks.map((chunk) => post(url, chunk, signal)));
      for (const answer of answers) {
        if (!Array.isArray(answer)) throw new RpcResponseInvalidError(redactUrl(url), 'a batch answer is not an array');
        for (const item of answer as JsonRpcResponse[]) byId.set(item?.id, item);
      }
    } else {
      for (const r of requests) {
        const answer = (await post(url, r, signal)) as JsonRpcResponse;
        if (typeof answer !== 'object' || answer === null) throw new RpcResponseInvalidError(redactUrl(url), 'the answer is not an object');
        byId.set(answer.id, answer);
      }
    }
    return requests.map((r) => {
      const item = byId.get(r.id);
      if (!item || (!('result' in item) && !item.error)) throw new RpcResponseInvalidError(redactUrl(url), `no answer for ${r.method}`);
      if (item.error) {
        const e = item.error;
        return { ok: false, error: new RpcRequestError(r.method, typeof e.code === 'number' ? e.code : 0, typeof e.message === 'string' ? e.message : 'unknown error', e.data) };
      }
      return { ok: true, value: item.result };
    });
  }

  const client: RpcClient = {
    urls,
    stats,
    async batch(calls, signal) {
      if (!calls.length) return [];
      const failures: string[] = [];
      let last: unknown;
      for (let round = 0; round <= retries; round++) {
        if (round > 0) {
          const wait = backoffMs * 2 ** (round - 1) + (last instanceof RpcRateLimitedError ? Math.min(last.retryAfterSec, 2) * 1000 : 0);
          await new Promise((r) => setTimeout(r, wait));
        }
        for (let k = 0; k < urls.length; k++) {
          const index = (preferred + k) % urls.length;
          const url = urls[index]!;
          try {
            const results = await sendTo(url, calls, signal);
            preferred = index;
            stats.roundTrips += useBatch ? 1 : calls.length;
            return results;
          } catch (err) {
            if (signal?.aborted) throw err;
            last = err;
            const reason = err instanceof Error ? ((err as { shortMessage?: string }).shortMessage ?? err.message) : String(err);
            failures.push(reason);
            options.logger?.debug({ url: redactUrl(url), round, reason }, 'rpc endpoint failed; trying the next');
          }
        }
      }
      throw new RpcUnavailableError(label, [...new Set(failures)], last);
    },
    async request<T>(method: string, params: readonly unknown[], signal?: AbortSignal) {
      const [r] = await client.batch([{ method, params }], signal);
      if (!r) throw new RpcResponseInvalidError(label, `no answer for ${method}`);
      if (!r.ok) throw r.error;
      return r.value as T;
    },
    only(url) {
      return createRpcClient({ ...options, urls: [url] }, stats);
    },
  };
  return client;
}
