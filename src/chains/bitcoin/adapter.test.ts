import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, fixtureText, startReplayServer, type ReplayRoute } from '../../../test/replay-server.ts';
import { createChainRegistry } from '../registry/registry.ts';
import { bitcoinAdapterFactory, createBitcoinAdapter } from './adapter.ts';

const registry = createChainRegistry();
const T1 = '242f3fff9ca7d5aea7a7a57d886f3fa7329e24fac948598a991b3a3dd631cd29';
const T2 = 'b6a53d8a8025c0c5b194345925a99741b645cae0b1f180f0613273029f2bf698';
const PARENT = 'fb16c141d22a3a7af5e44e7478a8663866c35d554cd85107ec8a99b97e5a72e9';
const SENDER = '1stAprEZapjCYGUACUcXohQqSHF9MU5Kj';
const T1_RECIPIENT = 'bc1p5t79edz9w4fcnmkjjk4e6k2tp7kd8cqggz37gal60sp9gyk9x72sk4mk0f';
// Built with bitcoinjs-lib payments.p2wpkh from the key hash 099f831c… of SENDER (same key, native segwit form).
const SENDER_SEGWIT = 'bc1qpx0cx8zf9zw8h8xq02dxx2r8an235yz67yh4pg';

type Json = Record<string, unknown>;
const t1 = () => fixture('btc-mainnet-rbf-original-unconfirmed.esplora.json') as Json;
const t2 = () => fixture('mempool-rbf/tx02_api_tx.json') as Json;
/** mempool.space /v1/fees/recommended shape; values chosen above T1's 2.6 sat/vB (a busier mempool than at T1's time). */
const busyFees = { fastestFee: 12, halfHourFee: 8, hourFee: 6, economyFee: 3, minimumFee: 1 };
const realMempoolBlocks = () => (fixture('mempool-rbf/tx01_ws_blocks_01.json') as { 'mempool-blocks': unknown })['mempool-blocks'];

async function withAdapter(routes: ReplayRoute[], run: (adapter: ReturnType<typeof createBitcoinAdapter>) => Promise<void>, slug = 'bitcoin', timeoutMs = 2000) {
  const server = await startReplayServer(routes);
  try {
    await run(createBitcoinAdapter({ ...registry.get(slug), rpcUrls: [server.url + '/api'] }, { timeoutMs }));
  } finally {
    await server.close();
  }
}
const codes = (d: { findings: Array<{ code: string }> }) => d.findings.map((f) => f.code);

test('pending RBF transaction below the fee targets gets low_fee, rbf_bump and cpfp figures', async () => {
  await withAdapter(
    [
      { path: `/api/tx/${T1}`, body: t1() },
      { path: '/api/v1/fees/recommended', body: busyFees },
      { path: `/api/v1/cpfp/${T1}`, body: { ancestors: [], descendants: [], effectiveFeePerVsize: 2.6008583690987126 } },
      { path: `/api/tx/${T1}/outspends`, body: [{ spent: false }] },
    ],
    async (adapter) => {
      const d = await adapter.diagnoseTx(T1, { expectedRecipient: T1_RECIPIENT });
      assert.equal(d.status, 'pending');
      assert.deepEqual(codes(d), ['btc.pending.low_fee', 'btc.pending.rbf_bump', 'btc.pending.cpfp_possible', 'btc.recipient.found']);
      const [low, rbf, cpfp] = d.findings;
      assert.equal(low!.evidence.feeRateSatVb, 2.6);
      assert.match(low!.userMessage, /2\.6 sat\/vB.*12 sat\/vB/);
      assert.equal(rbf!.evidence.minFeeSat, String(8 * 233));
      // child 111 vB (P2TR input): 8 sat/vB × (233 + 111) − 606 = 2146 sat
      assert.equal(cpfp!.evidence.childFeeSat, '2146');
      assert.equal(d.explorerUrl, `https://mempool.space/tx/${T1}`);
    },
  );
});

test('behavior: pending with a competitive fee against real mempool-blocks is waiting', async () => {
  await withAdapter(
    [
      { path: `/api/tx/${T1}`, body: t1() },
      { path: '/api/v1/fees/recommended', status: 404, body: 'Not found' },
      { path: '/api/v1/fees/mempool-blocks', body: realMempoolBlocks() },
      { path: `/api/v1/cpfp/${T1}`, body: { ancestors: [{ txid: PARENT, fee: 300, weight: 600 }], effectiveFeePerVsize: 2.4 } },
    ],
    async (adapter) => {
      const d = await adapter.diagnoseTx(T1, { locale: 'es' });
      assert.deepEqual(codes(d), ['btc.pending.unconfirmed_parent', 'btc.pending.waiting', 'btc.pending.rbf_bump']);
      assert.match(d.findings[1]!.userMessage, /Tu transacción está en la fila/);
      assert.deepEqual(d.findings[0]!.evidence.parents, [PARENT]);
    },
  );
});

test('behavior: the replaced original is explained from the real RBF tree', async () => {
  await withAdapter(
    [
      { path: `/api/tx/${T1}`, status: 404, body: 'Transaction not found' },
      { path: `/api/v1/tx/${T1}/rbf`, body: fixture('mempool-rbf/tx01_api_rbf.json') },
    ],
    async (adapter) => {
      const d = await adapter.diagnoseTx(T1, { locale: 'pt-BR' });
      assert.equal(d.status, 'replaced');
      assert.deepEqual(codes(d), ['btc.tx.replaced']);
      assert.equal(d.findings[0]!.evidence.replacedBy, T2);
      assert.match(d.findings[0]!.userMessage, /foi substituída/);
    },
  );
});

test('behavior: --raw decodes with bitcoinjs-lib; unspent inputs mean dropped, a spent input means replaced', async () => {
  const raw = fixtureText('btc-mainnet-rbf-original-242f3fff.rawtx.hex');
  const parent = { ...t1(), txid: PARENT, vout: [{ scriptpubkey: '76a914099f831c49289c7b9cc07a9a632867ecd51a105a88ac', scriptpubkey_address: SENDER, value: 50000 }], status: { confirmed: true, block_height: 890000 } };
  const base: ReplayRoute[] = [
    { path: `/api/tx/${T1}`, status: 404, body: 'Transaction not found' },
    { path: `/api/v1/tx/${T1}/rbf`, status: 404, body: 'not found' },
    { path: `/api/tx/${PARENT}`, body: parent },
    { path: '/api/v1/fees/recommended', body: busyFees },
  ];
  await withAdapter([...base, { path: `/api/tx/${PARENT}/outspends`, body: [{ spent: false }] }], async (adapter) => {
    const d = await adapter.diagnoseTx(T1, { raw });
    assert.equal(d.status, 'dropped');
    assert.deepEqual(codes(d), ['btc.raw.decoded', 'btc.tx.dropped']);
    assert.deepEqual({ txid: d.findings[0]!.evidence.txid, vsize: d.findings[0]!.evidence.vsize, rbf: d.findings[0]!.evidence.rbf, fee: d.findings[0]!.evidence.feeSat }, { txid: T1, vsize: 233, rbf: true, fee: '606' });
  });
  await withAdapter([...base, { path: `/api/tx/${PARENT}/outspends`, body: [{ spent: true, txid: T2, vin: 0 }] }], async (adapter) => {
    const d = await adapter.diagnoseTx(T1, { raw });
    assert.equal(d.status, 'replaced');
    assert.equal(d.findings[1]!.evidence.replacedBy, T2);
  });
});

test('behavior: a raw transaction of another txid is flagged', async () => {
  await withAdapter([{ path: `/api/tx/${T2}`, status: 404, body: 'x' }, { path: `/api/tx/${PARENT}`, status: 404, body: 'x' }], async (adapter) => {
    const d = await adapter.diagnoseTx(T2, { raw: fixtureText('btc-mainnet-rbf-original-242f3fff.rawtx.hex') });
    assert.deepEqual(codes(d), ['btc.raw.decoded', 'btc.raw.hash_mismatch', 'btc.tx.not_found']);
    assert.equal(d.status, 'not_found');
  });
});

test('behavior: the confirmed replacement (block 890448) pays back to the sender: change only, confirmations from the tip', async () => {
  // T2 as Esplora serves it once mined: the real tx JSON with the status of the real block 890448 (tx02_ws_block.json).
  const block = (fixture('mempool-rbf/tx02_ws_block.json') as { block: { id: string; height: number; timestamp: number } }).block;
  const mined = { ...t2(), status: { confirmed: true, block_height: block.height, block_hash: block.id, block_time: block.timestamp } };
  await withAdapter([{ path: `/api/tx/${T2}`, body: mined }, { path: '/api/blocks/tip/height', body: String(block.height + 2) }], async (adapter) => {
    const d = await adapter.diagnoseTx(T2);
    assert.equal(d.status, 'confirmed');
    assert.deepEqual(codes(d), ['btc.success.confirmed', 'btc.recipient.change_only']);
    assert.equal(d.findings[0]!.evidence.confirmations, 3);
    assert.equal(d.findings[0]!.evidence.final, false);
  });
  await withAdapter([{ path: `/api/tx/${T2}`, body: mined }, { path: '/api/blocks/tip/height', body: String(block.height) }], async (adapter) => {
    const d = await adapter.diagnoseTx(T2, { expectedRecipient: SENDER_SEGWIT });
    assert.deepEqual(codes(d), ['btc.success.confirmed', 'btc.recipient.address_type_mismatch']);
    assert.equal(d.findings[1]!.evidence.paidType, 'p2pkh');
    const other = await adapter.diagnoseTx(T2, { expectedRecipient: T1_RECIPIENT });
    assert.deepEqual(codes(other), ['btc.success.confirmed', 'btc.recipient.not_in_outputs']);
  });
});

test('behavior: dust outputs are reported', async () => {
  const dusty = t1();
  dusty.vout = [...(dusty.vout as Json[]), { scriptpubkey: '0014099f831c49289c7b9cc07a9a632867ecd51a105a', scriptpubkey_type: 'v0_p2wpkh', scriptpubkey_address: SENDER_SEGWIT, value: 200 }];
  dusty.status = { confirmed: true, block_height: 890448 };
  await withAdapter([{ path: `/api/tx/${T1}`, body: dusty }, { path: '/api/blocks/tip/height', body: '890500' }], async (adapter) => {
    const d = await adapter.diagnoseTx(T1);
    assert.deepEqual(codes(d), ['btc.success.confirmed', 'btc.output.dust']);
    assert.equal(d.findings[1]!.evidence.dustLimitSat, '294');
  });
});

test('behavior: Bitcoin Core JSON-RPC is an alternative source', async () => {
  // getrawtransaction verbosity 2 shape (Bitcoin Core RPC docs), values from T2 as mined in block 890448.
  const coreTx = {
    txid: T2, hash: T2, version: 2, size: 224, vsize: 224, weight: 896, locktime: 0, fee: 0.0000096, confirmations: 7, blocktime: 1743541850,
    vin: [{ txid: PARENT, vout: 0, sequence: 4294967293, prevout: { generated: false, height: 890000, value: 0.0005, scriptPubKey: { hex: '76a914099f831c49289c7b9cc07a9a632867ecd51a105a88ac', address: SENDER, type: 'pubkeyhash' } } }],
    vout: [{ value: 0.0004904, n: 0, scriptPubKey: { hex: '76a914099f831c49289c7b9cc07a9a632867ecd51a105a88ac', address: SENDER, type: 'pubkeyhash' } }],
  };
  const server = await startReplayServer([
    { rpcMethod: 'getrawtransaction', matchBody: (b) => (b as { params: unknown[] }).params[0] === T2, result: coreTx },
    { rpcMethod: 'getrawtransaction', rpcError: { code: -5, message: 'No such mempool or blockchain transaction. Use gettransaction for wallet transactions.' } },
    { rpcMethod: 'getblockhash', result: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' },
  ]);
  try {
    const adapter = createBitcoinAdapter({ ...registry.get('bitcoin'), rpcUrls: [`http://user:pass@127.0.0.1:${new URL(server.url).port}/#core-rpc`] });
    const d = await adapter.diagnoseTx(T2, { expectedRecipient: SENDER });
    assert.deepEqual(codes(d), ['btc.success.confirmed', 'btc.recipient.found']);
    assert.equal(d.findings[0]!.evidence.confirmations, 7);
    assert.equal(d.findings[1]!.evidence.valueSat, '49040');
    assert.equal((await adapter.diagnoseTx(T1)).status, 'not_found');
    assert.equal(server.requests[0]!.method, 'POST');
    const chain = await bitcoinAdapterFactory.identify(`${server.url}/#core-rpc`, {}, registry);
    assert.equal(chain.slug, 'bitcoin');
  } finally {
    await server.close();
  }
});

test('behavior: a Dogecoin core without verbosity 2 is asked again with verbose=true', async () => {
  const doge = 'd'.repeat(64);
  // Dogecoin Core 1.14 getrawtransaction (verbose) shape: no vsize, no prevouts; amounts in DOGE.
  const server = await startReplayServer([
    { rpcMethod: 'getrawtransaction', matchBody: (b) => (b as { params: unknown[] }).params[1] === 2, rpcError: { code: -1, message: 'JSON value is not a boolean as expected' } },
    { rpcMethod: 'getrawtransaction', result: { txid: doge, size: 226, confirmations: 50, vin: [{ txid: 'e'.repeat(64), vout: 0, sequence: 4294967295 }], vout: [{ value: 1250.5, n: 0, scriptPubKey: { hex: '76a914099f831c49289c7b9cc07a9a632867ecd51a105a88ac', addresses: ['DAsY7GUpL2J9XbqNgW9q8mfyoyN7hQVjJq'] } }] } },
  ]);
  try {
    const adapter = createBitcoinAdapter({ ...registry.get('dogecoin'), rpcUrls: [`${server.url}/#core-rpc`] });
    const d = await adapter.diagnoseTx(doge);
    assert.deepEqual(codes(d), ['btc.success.confirmed']);
    assert.equal(d.findings[0]!.evidence.final, true);
  } finally {
    await server.close();
  }
});

test('behavior: address inspect reports balance, UTXOs and unconfirmed coins; other-network addresses are invalid', async () => {
  // Esplora /address/:addr and /address/:addr/utxo shapes (Blockstream esplora API docs); values built for the test.
  await withAdapter(
    [
      { path: `/api/address/${SENDER}`, body: { address: SENDER, chain_stats: { funded_txo_count: 2, funded_txo_sum: 150000, spent_txo_count: 1, spent_txo_sum: 50000, tx_count: 3 }, mempool_stats: { funded_txo_count: 1, funded_txo_sum: 49040, spent_txo_count: 0, spent_txo_sum: 0, tx_count: 1 } } },
      { path: `/api/address/${SENDER}/utxo`, body: [{ txid: PARENT, vout: 1, status: { confirmed: true, block_height: 889000 }, value: 100000 }, { txid: T2, vout: 0, status: { confirmed: false }, value: 49040 }] },
    ],
    async (adapter) => {
      const r = await adapter.inspectAddress(SENDER);
      assert.equal(r.valid, true);
      assert.deepEqual(codes(r), ['btc.address.summary', 'btc.address.unconfirmed']);
      assert.equal(r.balances[0]!.display, '0.001');
      assert.equal(r.pendingCount, 1);
      const ltc = await adapter.inspectAddress('LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9');
      assert.equal(ltc.valid, false);
      assert.deepEqual(codes(ltc), ['btc.address.invalid']);
      assert.match(ltc.findings[0]!.summary, /litecoin address/);
    },
  );
});

test('behavior: the found-elsewhere finding names the other chain', () => {
  const adapter = createBitcoinAdapter(registry.get('litecoin'));
  const f = adapter.describeFoundElsewhere(T2, { chain: 'bitcoin', hash: T2, status: 'confirmed', findings: [], checkedAt: '' }, 'en');
  assert.equal(f.code, 'btc.tx.found_on_other_chain');
  assert.match(f.userMessage, /happened on bitcoin, not on Litecoin/);
});

test('error: 429, bad JSON and timeouts become clear errors', async () => {
  await withAdapter([{ path: `/api/tx/${T1}`, status: 429, body: 'slow down', headers: { 'retry-after': '7' } }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(T1), (e: Error & { code?: string; retryAfterSec?: number }) => e.name === 'ChainRpcRateLimitedError' && e.code === 'RATE_LIMITED' && e.retryAfterSec === 7);
  });
  await withAdapter([{ path: `/api/tx/${T1}`, body: '{"txid": ' }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(T1), { name: 'ChainRpcBadResponseError', code: 'UNAVAILABLE' });
  });
  await withAdapter([{ path: `/api/tx/${T1}`, body: t1(), delayMs: 500 }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(T1), { name: 'ChainRpcTimeoutError', code: 'TIMEOUT' });
  }, 'bitcoin', 100);
  await assert.rejects(createBitcoinAdapter(registry.get('bitcoin')).diagnoseTx('0xabc'), { name: 'TxIdInvalidError' });
  await assert.rejects(createBitcoinAdapter(registry.get('dogecoin')).diagnoseTx(T1), { name: 'ChainEndpointMissingError' });
});
