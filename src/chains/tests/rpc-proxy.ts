import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyMode = 'forward' | 'hang' | 'rate-limit' | 'malformed' | 'lagging' | 'pruned';

export interface RpcProxy {
  url: string;
  /** Requests received so far. */
  hits: number;
  mode: ProxyMode;
  stop(): Promise<void>;
}

interface JsonRpcRequest {
  id: unknown;
  method: string;
  params: unknown[];
}

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

/**
 * A local HTTP proxy in front of a JSON-RPC node that misbehaves on purpose: hangs, answers 429 or broken JSON,
 * adds latency, plays a node `lagBlocks` behind (older head, newer transactions unknown), or a pruned node
 * (eth_call at a past block answers geth's "missing trie node").
 */
export async function startRpcProxy(target: string, options: { mode?: ProxyMode; delayMs?: number; lagBlocks?: number } = {}): Promise<RpcProxy> {
  const lag = options.lagBlocks ?? 100;
  const sockets = new Set<Socket>();
  const state = { hits: 0, mode: options.mode ?? 'forward' };
  const server: Server = createServer(async (req, res) => {
    state.hits += 1;
    const body = await read(req);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (state.mode === 'hang') return;
    if (state.mode === 'rate-limit') {
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('Too Many Requests');
      return;
    }
    if (state.mode === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":');
      return;
    }
    try {
      const parsed = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[];
      const answer = state.mode === 'lagging' ? await lagging(target, parsed, lag) : state.mode === 'pruned' ? await pruned(target, parsed) : await post(target, parsed);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (err) {
      res.writeHead(502).end(String(err));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/rpc/v1/0123456789abcdef0123456789abcdef?apikey=SECRET-KEY-123`,
    get hits() {
      return state.hits;
    },
    get mode() {
      return state.mode;
    },
    set mode(m: ProxyMode) {
      state.mode = m;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function lagging(target: string, parsed: JsonRpcRequest | JsonRpcRequest[], lag: number): Promise<unknown> {
  const head = Number(BigInt(((await post(target, { jsonrpc: '2.0', id: 0, method: 'eth_blockNumber', params: [] })) as { result: string }).result));
  const seen = Math.max(0, head - lag);
  const rewrite = (r: JsonRpcRequest): JsonRpcRequest => {
    if (r.method === 'eth_blockNumber') return r;
    const params = r.params.map((p) => (p === 'latest' || p === 'pending' ? `0x${seen.toString(16)}` : p));
    return { ...r, params };
  };
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const answers = (await post(target, list.map(rewrite))) as Array<{ id: unknown; result?: unknown }>;
  for (const [i, a] of answers.entries()) {
    const method = list[i]?.method;
    if (method === 'eth_blockNumber') a.result = `0x${seen.toString(16)}`;
    const bn = (a.result as { blockNumber?: string } | null)?.blockNumber;
    if ((method === 'eth_getTransactionByHash' || method === 'eth_getTransactionReceipt') && bn && Number(BigInt(bn)) > seen) a.result = null;
  }
  return Array.isArray(parsed) ? answers : answers[0];
}

async function pruned(target: string, parsed: JsonRpcRequest | JsonRpcRequest[]): Promise<unknown> {
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const old = (r: JsonRpcRequest) => r.method === 'eth_call' && typeof r.params[1] === 'string' && r.params[1].startsWith('0x');
  const forwarded = list.filter((r) => !old(r));
  const answers = forwarded.length ? ((await post(target, forwarded)) as Array<{ id: unknown }>) : [];
  const byId = new Map(answers.map((a) => [a.id, a]));
  const out = list.map((r) => (old(r) ? { jsonrpc: '2.0', id: r.id, error: { code: -32000, message: 'missing trie node 5b3f0c (path ) state 0x5b3f0c is not available' } } : byId.get(r.id)));
  return Array.isArray(parsed) ? out : out[0];
}
