import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { judgeRpcRound, probeRpcEndpoints, RpcProbeHistory } from '../index.ts';

interface Replay {
  slot: number;
  /** getBlockTime answer for that slot (null: the slot was skipped and has no block). */
  blockTime: number | null;
  error?: { code: number; message: string };
}

/** A JSON-RPC server answering getSlot/getBlockTime in the shape mainnet-beta returns them. */
async function solanaNode(replay: () => Replay): Promise<{ url: string; calls: string[]; stop(): Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { id: number; method: string; params: unknown[] } | Array<{ id: number; method: string; params: unknown[] }>;
      const answer = (r: { id: number; method: string; params: unknown[] }) => {
        calls.push(`${r.method} ${JSON.stringify(r.params)}`);
        const now = replay();
        if (now.error) return { jsonrpc: '2.0', error: now.error, id: r.id };
        if (r.method === 'getSlot') return { jsonrpc: '2.0', result: now.slot, id: r.id };
        if (r.method === 'getBlockTime') return { jsonrpc: '2.0', result: now.blockTime, id: r.id };
        return { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: r.id };
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(parsed) ? parsed.map(answer) : answer(parsed)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('Solana head reader', () => {
  const nowSec = 1_764_237_600; // 2025-11-27T10:00:00Z
  const clock = manualClock(nowSec * 1000);
  let healthy: Awaited<ReturnType<typeof solanaNode>>;
  let behind: Awaited<ReturnType<typeof solanaNode>>;
  let skipped: Awaited<ReturnType<typeof solanaNode>>;
  let failing: Awaited<ReturnType<typeof solanaNode>>;
  before(async () => {
    healthy = await solanaNode(() => ({ slot: 381_204_551, blockTime: nowSec - 1 }));
    behind = await solanaNode(() => ({ slot: 381_204_131, blockTime: nowSec - 170 }));
    skipped = await solanaNode(() => ({ slot: 381_204_550, blockTime: null }));
    failing = await solanaNode(() => ({ slot: 0, blockTime: null, error: { code: -32005, message: 'Node is behind by 1337 slots' } }));
  });
  after(async () => Promise.all([healthy, behind, skipped, failing].map((n) => n?.stop())));

  test('reads the confirmed slot and its block time, and measures lag against the best endpoint', async () => {
    const [best, slow] = await probeRpcEndpoints(
      [
        { chain: 'solana', family: 'solana', url: healthy.url },
        { chain: 'solana', family: 'solana', url: behind.url },
      ],
      { clock, timeoutMs: 2000 },
    );
    assert.deepEqual([best!.ok, best!.height, best!.headTimeMs, best!.headAgeSec, best!.lagBlocks], [true, 381_204_551, (nowSec - 1) * 1000, 1, 0]);
    assert.deepEqual([slow!.height, slow!.headAgeSec, slow!.lagBlocks], [381_204_131, 170, 420]);
    assert.deepEqual(healthy.calls.slice(0, 2), ['getSlot [{"commitment":"confirmed"}]', 'getBlockTime [381204551]']);
    const verdicts = judgeRpcRound([best!, slow!], new RpcProbeHistory(), { maxLagBlocks: 150, maxHeadAgeSec: 300, maxLatencyMs: 3000, maxErrorRate: 0.5 });
    assert.equal(verdicts[0]!.alert, null);
    assert.equal(verdicts[1]!.alert!.title, `solana RPC ${behind.url} is 420 blocks behind the best solana endpoint (head 381204131)`);
  });

  test('behavior: a slot without a block time is not mistaken for a stalled node', async () => {
    const [r] = await probeRpcEndpoints([{ chain: 'solana', family: 'solana', url: skipped.url }], { clock, timeoutMs: 2000 });
    assert.deepEqual([r!.ok, r!.height, r!.headTimeMs, r!.headAgeSec], [true, 381_204_550, null, null]);
    assert.equal(judgeRpcRound([r!], new RpcProbeHistory())[0]!.alert, null);
  });

  test('error: a JSON-RPC error (node behind) is reported as not answering, with the upstream message', async () => {
    const [r] = await probeRpcEndpoints([{ chain: 'solana', family: 'solana', url: failing.url }], { clock, timeoutMs: 2000 });
    assert.equal(r!.ok, false);
    assert.match(r!.error!, /Node is behind by 1337 slots/);
    const history = new RpcProbeHistory();
    history.record([r!]);
    assert.match(judgeRpcRound([r!], history)[0]!.alert!.title, /^solana RPC http:\/\/127\.0\.0\.1:\d+\/ does not answer \(.*Node is behind by 1337 slots/);
  });
});
