// Round trips and time of an EVM diagnosis with batched JSON-RPC vs the same lookups one call at a time,
// against a local hardhat node behind a local proxy that adds 50 ms to every HTTP request.
// Usage: npx tsx bench/evm-roundtrips.ts [--delay-ms 50] [--runs 5]
import { parseArgs } from 'node:util';
import { parseEther, type Hex } from 'viem';
import { createChainService, diagnoseTransaction, type TxDiagnosis } from '../src/chains/index.ts';
import { deployFixtures } from '../src/chains/tests/evm-fixtures.ts';
import { startRpcProxy } from '../src/chains/tests/rpc-proxy.ts';
import { startEvmNode } from '../test/evm-node.ts';

const { values } = parseArgs({ options: { 'delay-ms': { type: 'string', default: '50' }, runs: { type: 'string', default: '5' } } });
const delayMs = Number(values['delay-ms']);
const runs = Number(values.runs);

const node = await startEvmNode();
const proxy = await startRpcProxy(node.url, { delayMs });
try {
  const fx = await deployFixtures(node.url, node.chainId);
  await fx.call(0, fx.c.tokenV4, 'TokenV4', 'mint', [fx.accounts[0]!.address, parseEther('100')]);
  const scenarios: Array<{ name: string; hash: Hex }> = [
    { name: 'confirmed ERC-20 transfer', hash: await fx.call(0, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.accounts[1]!.address, parseEther('1')]) },
    { name: 'failed (custom error)', hash: await fx.call(1, fx.c.tokenV5, 'TokenV5', 'transferFrom', [fx.accounts[0]!.address, fx.accounts[1]!.address, 5n]) },
    { name: 'confirmed native transfer', hash: await fx.wallets[0]!.sendTransaction({ to: fx.accounts[2]!.address, value: 1n, chain: fx.chain, account: fx.accounts[0]! }) },
    { name: 'not found', hash: `0x${'5a'.repeat(32)}` },
  ];
  const config = { includeBuiltins: false, retries: 0, custom: [{ slug: 'local', name: 'Local', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [proxy.url] }] };
  const batched = createChainService(config);
  const baseline = createChainService(config, { batch: false });

  const measure = async (service: typeof batched, hash: Hex) => {
    let d: TxDiagnosis | undefined;
    const hits = proxy.hits;
    const start = performance.now();
    for (let i = 0; i < runs; i++) d = await diagnoseTransaction(service, { hash, chain: 'local' });
    return { ms: (performance.now() - start) / runs, roundTrips: d!.roundTrips ?? 0, requests: (proxy.hits - hits) / runs, codes: d!.findings.map((f) => f.code).join(',') };
  };

  console.log(`EVM diagnosis via a proxy adding ${delayMs} ms per HTTP request; mean of ${runs} runs each`);
  console.log('| scenario | batched: round trips | batched: ms | one call at a time: round trips | one call at a time: ms | speed-up |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of scenarios) {
    const b = await measure(batched, s.hash);
    const one = await measure(baseline, s.hash);
    if (b.codes !== one.codes) throw new Error(`${s.name}: batched and sequential disagree (${b.codes} vs ${one.codes})`);
    console.log(`| ${s.name} | ${b.roundTrips} | ${b.ms.toFixed(0)} | ${one.roundTrips} | ${one.ms.toFixed(0)} | ${(one.ms / b.ms).toFixed(1)}× |`);
  }
} finally {
  await proxy.stop();
  await node.stop();
}
