import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseEther, type Hex } from 'viem';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { createChainService } from '../adapters.ts';
import { diagnoseTransaction } from '../diagnose-tx.ts';
import { inspectAddress } from '../diagnose-address.ts';
import { deployFixtures, type Fixtures } from './evm-fixtures.ts';
import { startRpcProxy, type ProxyMode, type RpcProxy } from './rpc-proxy.ts';

let node: EvmNode;
let fx: Fixtures;
let txHash: Hex;
const proxies: RpcProxy[] = [];

const serviceFor = (urls: string[], extra: { chainId?: number; timeoutMs?: number; retries?: number } = {}) =>
  createChainService({
    includeBuiltins: false,
    custom: [{ slug: 'local', name: 'Local', family: 'evm', chainId: extra.chainId ?? node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: urls }],
    timeoutMs: extra.timeoutMs ?? 2000,
    retries: extra.retries ?? 0,
  });

async function proxy(mode: ProxyMode): Promise<RpcProxy> {
  const p = await startRpcProxy(node.url, { mode });
  proxies.push(p);
  return p;
}

before(async () => {
  node = await startEvmNode();
  fx = await deployFixtures(node.url, node.chainId);
  await fx.test.mine({ blocks: 150 });
  txHash = await fx.wallets[0]!.sendTransaction({ to: fx.accounts[1]!.address, value: parseEther('1'), chain: fx.chain, account: fx.accounts[0]! });
  await fx.pub.waitForTransactionReceipt({ hash: txHash });
});

after(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await node?.stop();
});

test('a hanging endpoint times out and the fallback answers', async () => {
  const hang = await proxy('hang');
  const d = await diagnoseTransaction(serviceFor([hang.url, node.url], { timeoutMs: 300 }), { hash: txHash, chain: 'local' });
  assert.equal(d.status, 'confirmed');
  assert.equal(d.findings[0]?.code, 'evm.success.native_transfer');
  assert.ok(hang.hits >= 1);
});

test('behavior: HTTP 429 and malformed JSON make the client use the fallback', async () => {
  for (const mode of ['rate-limit', 'malformed'] as const) {
    const bad = await proxy(mode);
    const d = await diagnoseTransaction(serviceFor([bad.url, node.url]), { hash: txHash, chain: 'local' });
    assert.equal(d.status, 'confirmed', mode);
    assert.equal(bad.hits, 1, `${mode}: the bad endpoint was asked once, then the fallback kept serving`);
  }
});

test('behavior: a node 100 blocks behind is overruled by a fresher endpoint, with a finding', async () => {
  const lagging = await proxy('lagging');
  const d = await diagnoseTransaction(serviceFor([lagging.url, node.url]), { hash: txHash, chain: 'local' });
  assert.equal(d.status, 'confirmed');
  const f = d.findings.find((x) => x.code === 'evm.rpc.lagging');
  assert.ok(f, d.findings.map((x) => x.code).join(', '));
  assert.equal(f.evidence.blocksBehind, 100);
  assert.doesNotMatch(JSON.stringify(f), /SECRET-KEY-123|0123456789abcdef0123456789abcdef/);
  const alone = await diagnoseTransaction(serviceFor([lagging.url]), { hash: txHash, chain: 'local' });
  assert.equal(alone.status, 'not_found', 'a lagging node on its own cannot know better');
});

test('behavior: on a pruned node the failed transaction is replayed at the head instead', async () => {
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'mint', [fx.accounts[0]!.address, 10n]);
  const failed = await fx.call(4, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.accounts[1]!.address, 1n]);
  const prunedNode = await proxy('pruned');
  const d = await diagnoseTransaction(serviceFor([prunedNode.url]), { hash: failed, chain: 'local' });
  assert.equal(d.status, 'failed');
  const f = d.findings.find((x) => x.code === 'evm.failed.insufficient_token_balance');
  assert.ok(f, d.findings.map((x) => x.code).join(', '));
  assert.equal(f.evidence.replayedAtBlock, 'latest');
  assert.equal(d.roundTrips, 3);
});

test('behavior: a search without a chain survives a chain whose endpoints are down', async () => {
  const down = await proxy('malformed');
  const service = createChainService({
    includeBuiltins: false,
    custom: [
      { slug: 'broken', name: 'Broken', family: 'evm', chainId: 999, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [down.url] },
      { slug: 'local', name: 'Local', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [node.url] },
    ],
    retries: 0,
  });
  const d = await diagnoseTransaction(service, { hash: txHash });
  assert.equal(d.chain, 'local');
  assert.equal(d.status, 'confirmed');
  const missing = await diagnoseTransaction(service, { hash: `0x${'12'.repeat(32)}` });
  assert.equal(missing.status, 'not_found');
  assert.deepEqual(missing.findings[0]?.evidence.unreachableChains, ['broken']);
});

test('error: when every endpoint fails the error is UNAVAILABLE, lists each failure and never shows the API key', async () => {
  const limited = await proxy('rate-limit');
  const broken = await proxy('malformed');
  const err = await diagnoseTransaction(serviceFor([limited.url, broken.url], { retries: 1 }), { hash: txHash, chain: 'local' }).catch((e: unknown) => e as Error & { code: string; shortMessage: string; metaMessages: string[] });
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'RpcUnavailableError');
  assert.equal(err.code, 'UNAVAILABLE');
  assert.equal(err.shortMessage, 'No RPC endpoint of local answered.');
  assert.ok(err.metaMessages.some((m) => /HTTP 429/.test(m)));
  assert.ok(err.metaMessages.some((m) => /the body is not JSON/.test(m)));
  assert.doesNotMatch(err.message, /SECRET-KEY-123|0123456789abcdef0123456789abcdef/);
  assert.match(err.message, /apikey=\*\*\*/);
  assert.equal(limited.hits, 2, 'one retry round after backoff');
});

test('error: a hanging endpoint alone ends in a timeout, a closed port in UNAVAILABLE', async () => {
  const hang = await proxy('hang');
  await assert.rejects(diagnoseTransaction(serviceFor([hang.url], { timeoutMs: 200 }), { hash: txHash, chain: 'local' }), (e: Error & { code: string; metaMessages: string[] }) => {
    assert.equal(e.code, 'UNAVAILABLE');
    assert.ok(e.metaMessages.some((m) => /did not answer within 200 ms/.test(m)));
    return true;
  });
  const closed = await proxy('forward');
  await closed.stop();
  await assert.rejects(inspectAddress(serviceFor([closed.url]), { address: fx.accounts[0]!.address, chain: 'local' }), { code: 'UNAVAILABLE' });
});

test('error: an endpoint serving another chain id is refused', async () => {
  await assert.rejects(diagnoseTransaction(serviceFor([node.url], { chainId: 1 }), { hash: txHash, chain: 'local' }), { name: 'RpcChainMismatchError', code: 'VALIDATION' });
});
