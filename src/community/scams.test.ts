import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, impersonation, phishingLinks, scanPost, textLures } from './scams.ts';

const options = { brandNames: ['OpsDesk Wallet'], officialDomains: ['opsdeskwallet.com'] };
const flagged = (text: string) => phishingLinks(text, options).map((f) => f.evidence);

test('flags look-alike domains of the official one and keeps the official and known sites', () => {
  assert.deepEqual(flagged('go to https://opsdeskwa11et.com/help'), ['opsdeskwa11et.com/help']);
  assert.deepEqual(flagged('visit opsdeskwallet-support-verify.xyz now'), ['opsdeskwallet-support-verify.xyz']);
  assert.deepEqual(flagged('see https://opsdeskwallet.io'), ['opsdeskwallet.io']);
  assert.deepEqual(flagged('https://xn--opsdeskwllet-9db.com/sync'), ['xn--opsdeskwllet-9db.com/sync']);
  assert.deepEqual(flagged('docs at https://opsdeskwallet.com/help and https://help.opsdeskwallet.com, tx on https://solscan.io/tx/abc'), []);
});

test('behavior: lure domains and drainer paths count without the brand', () => {
  assert.deepEqual(flagged('claim here https://wallet-validate-sync.top/claim'), ['wallet-validate-sync.top/claim']);
  assert.deepEqual(flagged('my favourite site is https://example.org/blog'), []);
});

test('behavior: staff titles and brand look-alikes in display names are impersonation', () => {
  assert.ok(impersonation('OpsDesk Wallet Support', options));
  assert.ok(impersonation('0psdesk Admin', options));
  assert.ok(impersonation('Support', options));
  assert.ok(impersonation('ОpsDesk Wallеt', options), 'Cyrillic О and е');
  assert.equal(impersonation('Maria Gomez', options), null);
});

test('behavior: DM-support offers and wallet lures in en, es and pt', () => {
  assert.deepEqual(textLures('Having an issue? DM me and I will help').map((f) => f.kind), ['support_dm_offer']);
  assert.deepEqual(textLures('Please validate your wallet to continue').map((f) => f.kind), ['wallet_lure']);
  assert.deepEqual(textLures('Escríbeme al privado y te ayudo').map((f) => f.kind), ['support_dm_offer']);
  assert.deepEqual(textLures('Me chama no privado que eu ajudo, precisa validar sua carteira').map((f) => f.kind), ['support_dm_offer', 'wallet_lure']);
  assert.deepEqual(textLures('my swap failed, any idea?'), []);
});

test('error: ordinary posts produce no findings', () => {
  assert.deepEqual(scanPost('Swap from SOL to USDC failed on 7.2.1, see https://solscan.io/tx/1', 'Ana', options), []);
  assert.equal(editDistance('opsdeskwallet', 'opsdeskwalet'), 1);
  assert.equal(editDistance('abc', 'xyzxyz', 2), 3);
});
