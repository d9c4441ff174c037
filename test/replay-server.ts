// Serves recorded chain responses on 127.0.0.1 so adapters are tested through their real HTTP transport.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';

export interface ReplayRoute {
  /** HTTP method; default GET for `path`, POST for `rpcMethod`. */
  method?: 'GET' | 'POST';
  /** Exact path (query string included) or a pattern. */
  path?: string | RegExp;
  /** JSON-RPC method name, matched against the POSTed body's `method`. */
  rpcMethod?: string;
  /** Optional extra match on the parsed body (JSON-RPC params, POST bodies). */
  matchBody?: (body: unknown) => boolean;
  status?: number;
  /** A JSON value (serialised), or a string sent as is (for bad JSON and text routes). */
  body?: unknown;
  /** For JSON-RPC routes: wrap as `{ jsonrpc, id, result }` with the caller's id. */
  result?: unknown;
  /** For JSON-RPC routes: send this JSON-RPC error. */
  rpcError?: { code: number; message: string };
  headers?: Record<string, string>;
  /** Wait before answering (timeouts). */
  delayMs?: number;
}

export interface ReplayServer {
  url: string;
  /** Every request seen, in order. */
  requests: Array<{ method: string; path: string; body: unknown }>;
  close(): Promise<void>;
}

const fixturesDir = join(import.meta.dirname, 'fixtures', 'chains');

/** Reads a JSON fixture from test/fixtures/chains/. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(fixturesDir, name), 'utf8'));
}

/** Reads a text fixture (raw hex) from test/fixtures/chains/. */
export function fixtureText(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8').trim();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts a replay server; unmatched requests get 404 with a JSON note, so a missing fixture is visible. */
export async function startReplayServer(routes: readonly ReplayRoute[]): Promise<ReplayServer> {
  const requests: ReplayServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      requests.push({ method, path, body });
      const rpc = body as { id?: unknown; method?: unknown } | undefined;
      const route = routes.find((r) => {
        const m = r.method ?? (r.rpcMethod ? 'POST' : 'GET');
        if (m !== method) return false;
        if (r.path !== undefined && !(typeof r.path === 'string' ? r.path === path : r.path.test(path))) return false;
        if (r.rpcMethod !== undefined && rpc?.method !== r.rpcMethod) return false;
        if (r.matchBody && !r.matchBody(body)) return false;
        return true;
      });
      if (route?.delayMs) await new Promise<void>((resolve) => { const t = setTimeout(() => { timers.delete(t); resolve(); }, route.delayMs); timers.add(t); });
      if (res.destroyed) return;
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ replay: 'no fixture for this request', method, path }));
        return;
      }
      let payload: unknown = route.body;
      if (route.result !== undefined || route.rpcError) {
        payload = { jsonrpc: '2.0', id: rpc?.id ?? 1, ...(route.rpcError ? { error: route.rpcError } : { result: route.result }) };
      }
      const out = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
      res.writeHead(route.status ?? 200, { 'content-type': 'application/json', ...route.headers }).end(out);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('replay server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
