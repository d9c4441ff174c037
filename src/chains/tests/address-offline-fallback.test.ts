import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initWasm } from '@trustwallet/wallet-core';
import { createChainService, inspectAddress } from '../index.ts';

test('address inspect validates addresses of chains without an adapter offline', async () => {
  // A Polkadot address derived by wallet-core from a fixed test key (no funds, never used).
  const wc = await initWasm();
  const dot = wc.CoinTypeExt.deriveAddress(wc.CoinType.polkadot, wc.PrivateKey.createWithData(new Uint8Array(32).fill(7)));
  const r = await inspectAddress(createChainService(), { address: dot });
  assert.deepEqual(r.reports, []);
  assert.equal(r.offline?.valid, true);
  assert.ok(r.offline?.candidates.some((c) => c.coin === 'polkadot' && c.explorerUrl?.includes('subscan')));
});

test('error: a value that is no address anywhere is refused without being echoed', async () => {
  const secret = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
  await assert.rejects(inspectAddress(createChainService(), { address: secret }), (err: Error) => {
    assert.doesNotMatch(err.message, /abandon|accident/);
    return (err as { code?: string }).code === 'VALIDATION';
  });
});
