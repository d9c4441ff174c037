import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initWasm } from '@trustwallet/wallet-core';
import { createChainRegistry } from '../registry/registry.ts';
import { inspectAddressOffline } from './inspect-offline.ts';

const registry = createChainRegistry();

test('an address of a chain without an adapter is validated offline and linked to its explorer', async () => {
  // A Polkadot address derived by wallet-core from a fixed test key (no funds, never used).
  const wc = await initWasm();
  const key = wc.PrivateKey.createWithData(new Uint8Array(32).fill(7));
  const dotAddress = wc.CoinTypeExt.deriveAddress(wc.CoinType.polkadot, key);
  const r = await inspectAddressOffline(dotAddress, { registry, liveFamilies: ['evm', 'bitcoin', 'solana', 'tron'] });
  assert.equal(r.valid, true);
  const dot = r.candidates.find((c) => c.coin === 'polkadot');
  assert.equal(dot?.explorerUrl, `https://polkadot.subscan.io/account/${dotAddress}`);
  assert.equal(r.findings[0]!.code, 'offline.address.matches');
});

test('behavior: registry chains are named with their explorer and whether a live adapter exists', async () => {
  const r = await inspectAddressOffline('bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23', { registry, liveFamilies: ['evm'], locale: 'es' });
  assert.deepEqual(r.candidates.map((c) => [c.coin, c.chain, c.liveAdapter]), [['binance', 'bnb-beacon', false]]);
  assert.equal(r.candidates[0]!.explorerUrl, 'https://explorer.bnbchain.org/address/bnb136ns6lfw4zs5hg4n85vdthaad7hq5m4gtkgf23');
  assert.match(r.findings[0]!.userMessage, /dirección válida de bnb-beacon/);
  const tron = await inspectAddressOffline('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { registry, liveFamilies: ['tron'] });
  assert.equal(tron.candidates.find((c) => c.coin === 'tron')?.liveAdapter, true);
});

test('error: an address of no known chain is reported, not thrown', async () => {
  const r = await inspectAddressOffline('not-an-address-at-all');
  assert.equal(r.valid, false);
  assert.equal(r.findings[0]!.code, 'offline.address.no_match');
  assert.ok(Number(r.findings[0]!.evidence.knownCoinTypes) > 100);
});
