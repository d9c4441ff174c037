import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createChainRegistry } from '../chains/index.ts';
import { createEntityExtractor, type EntityExtractor } from './index.ts';

const registry = createChainRegistry();
const evmSlugs = registry.list().filter((c) => c.family === 'evm' && !c.testnet).map((c) => c.slug);
let x: EntityExtractor;
before(async () => {
  x = await createEntityExtractor(registry);
});

const evmTx = '0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b';
const btcTx = '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b';

test('extracts the facts of an English ticket', () => {
  const e = x.extract(`Hi, I sent 120.5 USDT via BEP20 to 0x52908400098527886E0F7030069857D2E4169EE7 from my iPhone (app v9.1.2) and it is still pending. Tx ${evmTx}`);
  assert.deepEqual(e, {
    txHashes: [{ value: evmTx, families: ['evm'] }],
    addresses: [{ value: '0x52908400098527886E0F7030069857D2E4169EE7', chains: evmSlugs }],
    names: [],
    tokens: ['USDT'],
    amounts: [{ value: '120.5', symbol: 'USDT' }],
    chains: ['bsc'],
    platform: 'ios',
    appVersion: '9.1.2',
  });
  assert.ok(evmSlugs.includes('ethereum') && evmSlugs.includes('bsc') && evmSlugs.includes('polygon'));
});

test('behavior: a Spanish ticket with an explorer URL and comma decimals', () => {
  const e = x.extract(`Hola, envié 0,5 ETH por la red Arbitrum desde android, versión 9.2.0. https://arbiscan.io/tx/${evmTx} a vitalik.eth`);
  assert.deepEqual(e.txHashes, [{ value: evmTx, families: ['evm'], chains: ['arbitrum'] }]);
  assert.deepEqual(e.amounts, [{ value: '0.5', symbol: 'ETH' }]);
  assert.deepEqual(e.chains, ['arbitrum']);
  assert.deepEqual(e.names, ['vitalik.eth']);
  assert.equal(e.platform, 'android');
  assert.equal(e.appVersion, '9.2.0');
});

test('behavior: a Portuguese ticket on Tron with a bare hash', () => {
  const e = x.extract(`Olá, mandei R$ 1.500,00 em USDT TRC20 para TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7, txid ${btcTx}, pela extensão do Chrome, versão 9.3`);
  assert.deepEqual(e.addresses, [{ value: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7', chains: ['tron'] }]);
  assert.equal(e.txHashes.length, 1);
  assert.ok(e.txHashes[0]!.families.includes('bitcoin') && e.txHashes[0]!.families.includes('tron'), 'a bare hash is ambiguous');
  assert.ok(!e.txHashes[0]!.families.includes('evm'));
  assert.equal(e.txHashes[0]!.chains, undefined);
  assert.deepEqual(e.amounts, [{ value: '1500.00', symbol: 'BRL' }]);
  assert.deepEqual(e.tokens, ['USDT']);
  assert.deepEqual(e.chains, ['tron']);
  assert.equal(e.platform, 'extension');
  assert.equal(e.appVersion, '9.3');
});

test('behavior: bitcoin, solana and ambiguous addresses', () => {
  const e = x.extract('to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa and bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq and So11111111111111111111111111111111111111112');
  assert.deepEqual(e.addresses, [
    { value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', chains: ['bitcoin', 'bitcoin-cash'] },
    { value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', chains: ['bitcoin'] },
    { value: 'So11111111111111111111111111111111111111112', chains: ['solana'] },
  ]);
});

test('behavior: explorer URLs name the chain of a hash', () => {
  const sig = '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW';
  const e = x.extract(`https://mempool.space/tx/${btcTx} https://solscan.io/tx/${sig} https://tronscan.org/#/transaction/${btcTx.replace('4a', '5b')} https://blockchair.com/dogecoin/transaction/${btcTx.replace('4a', '6c')}`);
  assert.deepEqual(e.txHashes, [
    { value: btcTx, families: ['bitcoin'], chains: ['bitcoin'] },
    { value: sig, families: ['solana'], chains: ['solana'] },
    { value: btcTx.replace('4a', '5b'), families: ['tron'], chains: ['tron'] },
    { value: btcTx.replace('4a', '6c'), families: ['bitcoin'], chains: ['dogecoin'] },
  ]);
  assert.deepEqual(e.chains, ['bitcoin', 'solana', 'tron', 'dogecoin']);
});

test('behavior: chain nicknames and misspellings', () => {
  assert.deepEqual(x.extract('sent usdt on bep20').chains, ['bsc']);
  assert.deepEqual(x.extract('using the bnb chain network').chains, ['bsc']);
  assert.deepEqual(x.extract('my matic is gone').chains, ['polygon']);
  assert.deepEqual(x.extract('USDT trc20 deposit').chains, ['tron']);
  assert.deepEqual(x.extract('sent it on etherium').chains, ['ethereum']);
  assert.deepEqual(x.extract('I bridged ETH to Base yesterday').chains, ['base'], 'the coin alone does not name Ethereum when another ETH chain is named');
  assert.deepEqual(x.extract('I need to scroll down to the base of the page').chains, [], 'everyday words are not chains');
});

test('behavior: tokens, $TICKER and amounts in several notations', () => {
  const e = x.extract('bought $PEPE for $300, then 1,500 usdt and 2.5 BNB; link is broken');
  assert.deepEqual(e.tokens, ['PEPE', 'USDT', 'BNB']);
  assert.deepEqual(e.amounts, [
    { value: '300', symbol: 'USD' },
    { value: '1500', symbol: 'USDT' },
    { value: '2.5', symbol: 'BNB' },
  ]);
});

test('behavior: platform and version forms', () => {
  assert.equal(x.extract('on my Samsung Galaxy S23').platform, 'android');
  assert.equal(x.extract('the Chrome extension crashes').platform, 'extension');
  assert.equal(x.extract('desktop app on Windows').platform, 'desktop');
  assert.equal(x.extract('app 9.2 (1234)').appVersion, '9.2');
  assert.equal(x.extract('iOS 17.2 here').appVersion, undefined);
  assert.equal(x.extract('nothing here').platform, undefined);
});

test('behavior: no entities in plain text, invalid addresses rejected', () => {
  const e = x.extract('my wallet shows 0 and 0x123 is not an address, nor is 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb');
  assert.deepEqual(e.addresses, []);
  assert.deepEqual(e.txHashes, []);
  assert.deepEqual(e.chains, []);
});
