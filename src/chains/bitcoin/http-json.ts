import { redactUrl } from '../../core/index.ts';
import { ChainEndpointMissingError, ChainRpcBadResponseError, ChainRpcError, ChainRpcRateLimitedError, ChainRpcTimeoutError, ChainRpcUnavailableError } from './errors.ts';

/** The HTTP transport of the non-EVM adapters: JSON over GET/POST and JSON-RPC 2.0, with timeouts and endpoint fallback. */
export interface HttpJson {
  /** GET base+path; `undefined` when the endpoint answers 404 (or 400 with `notFoundOn400`). */
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /** GET base+path as text (Esplora answers some routes with plain text). */
  getText(path: string, options?: RequestOptions): Promise<string | undefined>;
  post(path: string, body: unknown, options?: RequestOptions): Promise<unknown>;
  /** JSON-RPC 2.0 call against the base URL; returns `result`, throws ChainRpcError on `error`. */
  rpc(method: string, params: unknown, options?: RequestOptions): Promise<unknown>;
  /** Upstream round trips so far. */
  readonly roundTrips: number;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  notFoundOn400?: boolean;
}

export interface HttpJsonOptions {
  chain: string;
  baseUrls: readonly string[];
  timeoutMs?: number;
  headers?: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
}

interface Attempt {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  text?: boolean;
}

/** Builds the client; on a retryable failure (timeout, 429, 5xx, network) the next base URL is tried. */
export function createHttpJson(options: HttpJsonOptions): HttpJson {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  let roundTrips = 0;
  let rpcId = 0;

  async function once(base: string, attempt: Attempt, req: RequestOptions): Promise<{ found: boolean; value: unknown }> {
    const url = base.replace(/\/+$/, '') + attempt.path;
    const shown = redactUrl(url);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    roundTrips++;
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, {
        method: attempt.method,
        headers: { accept: 'application/json', ...(attempt.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
        ...(attempt.body === undefined ? {} : { body: JSON.stringify(attempt.body) }),
        signal,
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted) throw new ChainRpcTimeoutError(shown, timeoutMs, err);
      if (req.signal?.aborted) throw err;
      throw new ChainRpcUnavailableError(shown, (err as Error).message, { cause: err });
    }
    if (res.status === 404 || (res.status === 400 && req.notFoundOn400)) return { found: false, value: undefined };
    if (res.status === 429) throw new ChainRpcRateLimitedError(shown, Number(res.headers.get('retry-after')) || 1);
    if (res.status >= 400) throw new ChainRpcUnavailableError(shown, `HTTP ${res.status} ${text.slice(0, 120)}`.trim(), { status: res.status });
    if (attempt.text) return { found: true, value: text };
    try {
      return { found: true, value: JSON.parse(text) as unknown };
    } catch (err) {
      throw new ChainRpcBadResponseError(shown, `invalid JSON (${(err as Error).message})`, err);
    }
  }

  async function run(attempt: Attempt, req: RequestOptions = {}): Promise<{ found: boolean; value: unknown }> {
    if (!options.baseUrls.length) throw new ChainEndpointMissingError(options.chain);
    let last: unknown;
    for (const base of options.baseUrls) {
      try {
        return await once(base, attempt, req);
      } catch (err) {
        last = err;
        const retryable = err instanceof ChainRpcTimeoutError || err instanceof ChainRpcRateLimitedError || err instanceof ChainRpcUnavailableError;
        if (!retryable) throw err;
      }
    }
    throw last;
  }

  return {
    get roundTrips() {
      return roundTrips;
    },
    async get(path, req) {
      return (await run({ method: 'GET', path }, req)).value;
    },
    async getText(path, req) {
      const r = await run({ method: 'GET', path, text: true }, req);
      return r.found ? String(r.value) : undefined;
    },
    async post(path, body, req) {
      return (await run({ method: 'POST', path, body }, req)).value;
    },
    async rpc(method, params, req) {
      const id = ++rpcId;
      const r = await run({ method: 'POST', path: '', body: { jsonrpc: '2.0', id, method, params } }, req);
      const base = redactUrl(options.baseUrls[0] ?? '');
      if (!r.found) throw new ChainRpcUnavailableError(base, `HTTP 404 for ${method}`, { status: 404 });
      const msg = r.value as { result?: unknown; error?: { code?: number; message?: string } } | null;
      if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) throw new ChainRpcBadResponseError(base, `${method} did not return a JSON-RPC object`);
      if (msg.error) throw new ChainRpcError(base, method, Number(msg.error.code ?? 0), String(msg.error.message ?? 'unknown error'));
      if (!('result' in msg)) throw new ChainRpcBadResponseError(base, `${method} answer has neither result nor error`);
      return msg.result;
    },
  };
}
