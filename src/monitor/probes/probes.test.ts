import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { judgeRpcRound, probeRpcEndpoints, RpcProbeHistory, runHttpCheck, httpCheckAlert } from '../index.ts';

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
}

async function serve(handler: (path: string) => { status: number; body: string; delayMs?: number }): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const r = handler(req.url ?? '/');
    setTimeout(() => res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body), r.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('RPC probe', () => {
  let a: EvmNode;
  let b: EvmNode;
  before(async () => {
    [a, b] = await Promise.all([startEvmNode(), startEvmNode()]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test('an endpoint that falls behind the others of its chain raises a page', async () => {
    await rpc(a.url, 'hardhat_mine', ['0x8']);
    const results = await probeRpcEndpoints([
      { chain: 'devnet', family: 'evm', url: a.url },
      { chain: 'devnet', family: 'evm', url: b.url },
    ]);
    assert.deepEqual(results.map((r) => [r.ok, r.height, r.lagBlocks]), [
      [true, 8, 0],
      [true, 0, 8],
    ]);
    assert.ok(results[0]!.latencyMs >= 0 && results[0]!.headAgeSec! < 120);
    const history = new RpcProbeHistory();
    history.record(results);
    const [healthy, behind] = judgeRpcRound(results, history);
    assert.equal(healthy!.alert, null);
    assert.equal(behind!.alert!.severity, 'page');
    assert.equal(behind!.alert!.title, `devnet RPC ${b.url}/ is 8 blocks behind the best devnet endpoint (head 0)`);
  });

  test('behavior: a head that stops moving is a stall; a dead endpoint is an error with its error rate', async () => {
    const later = manualClock(Date.now() + 20 * 60_000);
    const results = await probeRpcEndpoints([{ chain: 'devnet', family: 'evm', url: b.url }, { chain: 'devnet', family: 'evm', url: 'http://127.0.0.1:1/rpc?apikey=s3cret' }], { clock: later, timeoutMs: 1000 });
    const history = new RpcProbeHistory();
    history.record(results);
    const [stalled, dead] = judgeRpcRound(results, history);
    assert.match(stalled!.problems.join(' '), /has not seen a new block for (19|20|21) min \(head \d+\) — stalled/);
    assert.equal(dead!.result.ok, false);
    assert.ok(!JSON.stringify(dead).includes('s3cret'), 'the API key must not leak');
    assert.deepEqual(dead!.problems.slice(1), ['failed 100% of recent probes']);
  });
});

describe('HTTP health check', () => {
  let srv: { url: string; stop(): Promise<void> };
  before(async () => {
    srv = await serve((path) =>
      path === '/health' ? { status: 200, body: JSON.stringify({ status: { indicator: 'none' }, version: '9.1' }) } : path === '/slow' ? { status: 200, body: 'ok', delayMs: 300 } : { status: 503, body: 'upstream down' },
    );
  });
  after(async () => srv.stop());

  test('a healthy endpoint passes status, latency and body conditions', async () => {
    const r = await runHttpCheck({ name: 'wallet-api', url: `${srv.url}/health`, bodyJson: { 'status.indicator': 'none' }, bodyContains: '9.1' });
    assert.equal(r.ok, true, r.failures.join('; '));
    assert.equal(r.status, 200);
    assert.equal(httpCheckAlert(r), null);
  });

  test('error: wrong status, slow answers and failed body conditions are listed and alerted', async () => {
    const down = await runHttpCheck({ name: 'swap-api', url: `${srv.url}/swap`, bodyJson: { ok: true } });
    assert.deepEqual(down.failures, ['status 503, expected 200', 'body is not JSON']);
    assert.equal(httpCheckAlert(down)!.severity, 'page');
    const slow = await runHttpCheck({ name: 'quotes', url: `${srv.url}/slow`, maxLatencyMs: 100 });
    assert.match(slow.failures[0]!, /^answered in \d+ ms \(over 100 ms\)$/);
    assert.equal(httpCheckAlert(slow)!.title.startsWith('quotes: answered in'), true);
  });
});
