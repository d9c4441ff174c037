import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createChainService, diagnoseTransaction, type ChainService } from '../../chains/index.ts';
import { tempDir } from '../../../test/tmp.ts';
import { demoChain } from '../demo-config.ts';
import { createDevnetClient } from '../devnet-client.ts';
import { startDevnet, type Devnet } from '../devnet.ts';
import { runScenarios } from '../scenarios/run-scenarios.ts';
import type { ScenarioTx } from '../scenarios/scenario.ts';

let devnet: Devnet;
let tmp: { dir: string; remove(): void };
let chains: ChainService;
let txs: ScenarioTx[];

before(async () => {
  tmp = tempDir('opsdesk-demo-scenarios-');
  devnet = await startDevnet({ dir: tmp.dir, blockTimeMs: 2000 });
  ({ txs } = await runScenarios(createDevnetClient(devnet.url)));
  chains = createChainService({ includeBuiltins: false, custom: [demoChain(devnet.url)], timeoutMs: 5000, retries: 0 });
});
after(async () => {
  await devnet?.stop();
  tmp?.remove();
});

test('every scenario produces its expected finding code in the real diagnosis', async () => {
  assert.deepEqual(txs.map((t) => t.key).sort(), ['confirmed_payment', 'failed_swap', 'nonce_gap', 'poisoning', 'token_to_contract']);
  for (const tx of txs) {
    const d = await diagnoseTransaction(chains, { hash: tx.hash, chain: 'ethereum' });
    const codes = d.findings.map((f) => f.code);
    assert.ok(codes.includes(tx.expectedCode), `${tx.key}: expected ${tx.expectedCode}, got ${codes.join(', ')}`);
  }
});

test('behavior: the stuck transaction stays pending while blocks are mined', async () => {
  const stuck = txs.find((t) => t.key === 'nonce_gap')!;
  const head = await createDevnetClient(devnet.url).pub.getBlockNumber();
  await new Promise((r) => setTimeout(r, 2500));
  const client = createDevnetClient(devnet.url);
  assert.ok((await client.pub.getBlockNumber()) > head, 'interval mining goes on');
  const d = await diagnoseTransaction(chains, { hash: stuck.hash, chain: 'ethereum' });
  assert.equal(d.status, 'pending');
  assert.equal(d.findings[0]?.code, 'evm.pending.nonce_gap');
});

test('behavior: a fresh devnet replays the scenarios to the same transaction hashes (stored tickets stay valid)', async () => {
  const second = await startDevnet({ dir: tmp.dir });
  try {
    const again = await runScenarios(createDevnetClient(second.url));
    assert.deepEqual(again.txs.map((t) => t.hash), txs.map((t) => t.hash));
  } finally {
    await second.stop();
  }
});

test('error: playing the scenarios twice on one devnet is refused (the deployment addresses differ)', async () => {
  await assert.rejects(runScenarios(createDevnetClient(devnet.url)), /was not fresh/);
});
