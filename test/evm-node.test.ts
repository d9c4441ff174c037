import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEvmNode } from './evm-node.ts';

const rpc = async (url: string, method: string): Promise<string> =>
  ((await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }) })).json()) as { result: string }).result;

test('startEvmNode serves the asked chain id with interval mining on 127.0.0.1, and stop() ends the process', async () => {
  const node = await startEvmNode({ chainId: 777, blockTimeMs: 200, automine: false });
  try {
    assert.match(node.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await rpc(node.url, 'eth_chainId'), '0x309');
    const before = Number(await rpc(node.url, 'eth_blockNumber'));
    await new Promise((r) => setTimeout(r, 700));
    assert.ok(Number(await rpc(node.url, 'eth_blockNumber')) > before, 'blocks are mined on the interval');
  } finally {
    await node.stop();
  }
  assert.throws(() => process.kill(node.pid, 0), { code: 'ESRCH' });
});
