import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startReplayServer, type ReplayRoute } from '../../../test/replay-server.ts';
import { createChainRegistry } from '../registry/registry.ts';
import { createMemoAdapter, memoAdapterFactory, type MemoAdapterOptions } from './adapter.ts';
import { tonRaw } from './ton.ts';

const registry = createChainRegistry();
const HASH = 'C53ECF838647FA5A4C780377025FEC7999AB4182590510CA461444B207AB74A9';
const BINANCE_XRP = 'rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh';
const SENDER_XRP = 'rPEPPER7kfTD9w2To4CQk6UCfuHM9c6GDY';
const BINANCE_XLM = 'GABFQIK63R2NETJM7T673EAMZN4RJLLGP3OFUEJU5SZVTGWUKULZJNL6';
const SENDER_XLM = 'GAIH3ULLFQ4DGSECF2AR555KZ4KNDGEKN4AFI4SU2M7B43MGK3QJZNSR';
const BINANCE_ATOM = 'cosmos1j8pp7zvcu9z8vd882m284j29fn2dszh05cqvf9';
const SENDER_ATOM = 'cosmos1a3yjj7d3qnx4spgvjcwjq9cw9snrrrhu5h6jll';
const TON_DEPOSIT = 'EQBfAN7LfaUYgXZNw5Wc7GBgkEX2yhuJ5ka95J1JJwXXf4a8';

/** rippled `tx` answer, API v1 shape (xrpl.org "tx method" reference); values built for the test. */
function xrplTx(extra: Record<string, unknown> = {}, result = 'tesSUCCESS', validated = true) {
  return {
    result: {
      Account: SENDER_XRP, Amount: '25000000', Destination: BINANCE_XRP, Fee: '12', Flags: 2147483648, Sequence: 42, SigningPubKey: '02' + '11'.repeat(32), TransactionType: 'Payment', TxnSignature: '30' + '22'.repeat(35),
      date: 784111820, hash: HASH, inLedger: 91234567, ledger_index: 91234567,
      meta: { AffectedNodes: [], TransactionIndex: 3, TransactionResult: result, ...(result === 'tesSUCCESS' ? { delivered_amount: '25000000' } : {}) },
      status: 'success', validated, ...extra,
    },
  };
}
const xrpl = (method: string, body: unknown): ReplayRoute => ({ method: 'POST', path: '/', matchBody: (b) => (b as { method?: string }).method === method, body });

async function run(slug: string, routes: ReplayRoute[], fn: (a: ReturnType<typeof createMemoAdapter>) => Promise<void>, options: MemoAdapterOptions = {}) {
  const server = await startReplayServer(routes);
  try {
    const path = slug === 'ton' ? '/api/v2' : '';
    await fn(createMemoAdapter({ ...registry.get(slug), rpcUrls: [server.url + path] }, { timeoutMs: 1000, ...options }));
  } finally {
    await server.close();
  }
}
const codes = (d: { findings: Array<{ code: string }> }) => d.findings.map((f) => f.code);

test('an XRP payment to a listed exchange deposit address without a destination tag is memo.missing', async () => {
  await run('xrp', [xrpl('tx', xrplTx())], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH, { locale: 'es' });
    assert.equal(d.status, 'confirmed');
    assert.deepEqual(codes(d), ['memo.missing']);
    const f = d.findings[0]!;
    assert.equal(f.severity, 'critical');
    assert.match(f.userMessage, /Los XRP llegaron a Binance, pero sin el destination tag/);
    assert.match(f.nextSteps[0]!, new RegExp(HASH));
    assert.equal(f.evidence.amount, '25');
  });
});

test('behavior: with a tag it is a plain transfer; an account flagging RequireDest needs one; tec results fail; unvalidated is pending', async () => {
  await run('xrp', [xrpl('tx', xrplTx({ DestinationTag: 104_329 }))], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH);
    assert.deepEqual(codes(d), ['memo.success.transfer']);
    assert.match(d.findings[0]!.summary, /destination tag: 104329/);
  });
  const other = 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh';
  await run('xrp', [xrpl('tx', xrplTx({ Destination: other })), xrpl('account_info', { result: { account_data: { Account: other, Balance: '900000000', Flags: 0x00020000 }, ledger_index: 91234567, status: 'success', validated: true } })], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH);
    assert.deepEqual(codes(d), ['memo.missing']);
    assert.equal(d.findings[0]!.evidence.exchange, 'the receiving exchange');
  });
  await run('xrp', [xrpl('tx', xrplTx({ Destination: other }, 'tecDST_TAG_NEEDED'))], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH);
    assert.deepEqual([d.status, ...codes(d)], ['failed', 'memo.failed']);
    assert.match(d.findings[0]!.summary, /tecDST_TAG_NEEDED\. The destination requires a destination tag/);
  });
  await run('xrp', [xrpl('tx', xrplTx({}, 'tesSUCCESS', false))], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(HASH)), ['memo.tx.pending']);
  });
  await run('xrp', [xrpl('tx', { result: { error: 'txnNotFound', error_code: 29, error_message: 'Transaction not found.', request: { command: 'tx' }, status: 'error' } })], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(HASH)), ['memo.tx.not_found']);
  });
});

test('behavior: Stellar payments are read from Horizon; the memo, SEP-29 flag and failures are explained', async () => {
  const hash = HASH.toLowerCase();
  // Horizon /transactions/{hash} and /operations shapes (developers.stellar.org Horizon API reference); values built.
  const tx = (memo: Record<string, string>, successful = true) => ({ id: hash, hash, successful, ledger: 51234567, created_at: '2026-11-20T14:02:11Z', source_account: SENDER_XLM, fee_charged: '100', operation_count: 1, ...memo });
  const ops = (to: string) => ({ _embedded: { records: [{ id: '1', type: 'payment', type_i: 1, from: SENDER_XLM, to, amount: '150.0000000', asset_type: 'native', transaction_hash: hash }] } });
  await run('stellar', [{ path: `/transactions/${hash}`, body: tx({ memo_type: 'none' }) }, { path: `/transactions/${hash}/operations?limit=20`, body: ops(BINANCE_XLM) }], async (adapter) => {
    const d = await adapter.diagnoseTx(hash, { locale: 'pt-BR' });
    assert.deepEqual(codes(d), ['memo.missing']);
    assert.match(d.findings[0]!.userMessage, /Os XLM chegaram à Binance, mas sem o memo/);
  });
  await run('stellar', [{ path: `/transactions/${hash}`, body: tx({ memo_type: 'id', memo: '381447' }) }, { path: `/transactions/${hash}/operations?limit=20`, body: ops(BINANCE_XLM) }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.success.transfer']);
  });
  await run('stellar', [{ path: `/transactions/${hash}`, body: tx({ memo_type: 'none' }) }, { path: `/transactions/${hash}/operations?limit=20`, body: ops(SENDER_XLM.replace('GAIH', 'GBIH')) }, { path: `/accounts/${SENDER_XLM.replace('GAIH', 'GBIH')}`, body: { id: 'x', balances: [{ balance: '10.0000000', asset_type: 'native' }], data: { 'config.memo_required': 'MQ==' } } }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.missing']);
  });
  await run('stellar', [{ path: `/transactions/${hash}`, body: tx({ memo_type: 'text', memo: 'x' }, false) }, { path: `/transactions/${hash}/operations?limit=20`, body: ops(BINANCE_XLM) }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.failed']);
  });
  await run('stellar', [{ path: `/transactions/${hash}`, status: 404, body: { type: 'https://stellar.org/horizon-errors/not_found', title: 'Resource Missing', status: 404 } }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.tx.not_found']);
  });
});

test('behavior: Cosmos LCD transfers carry body.memo; a non-zero code is a failure with the SDK reason', async () => {
  // cosmos-sdk gRPC-gateway GetTx response shape (cosmos.tx.v1beta1.Service/GetTx); values built.
  const getTx = (memo: string, code = 0) => ({
    tx: { body: { messages: [{ '@type': '/cosmos.bank.v1beta1.MsgSend', from_address: SENDER_ATOM, to_address: BINANCE_ATOM, amount: [{ denom: 'uatom', amount: '12500000' }] }], memo, timeout_height: '0' }, auth_info: { fee: { amount: [{ denom: 'uatom', amount: '5000' }], gas_limit: '200000' } }, signatures: ['c2ln'] },
    tx_response: { height: '23456789', txhash: HASH, codespace: code ? 'sdk' : '', code, raw_log: code ? 'out of gas in location: WriteFlat; gasWanted: 80000, gasUsed: 80914: out of gas' : '', gas_wanted: '80000', gas_used: '80914', timestamp: '2026-11-20T14:02:11Z' },
  });
  await run('cosmos', [{ path: `/cosmos/tx/v1beta1/txs/${HASH}`, body: getTx('') }], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH);
    assert.deepEqual(codes(d), ['memo.missing']);
    assert.equal(d.findings[0]!.evidence.amount, '12.5');
  });
  await run('cosmos', [{ path: `/cosmos/tx/v1beta1/txs/${HASH}`, body: getTx('104329') }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(HASH)), ['memo.success.transfer']);
  });
  await run('cosmos', [{ path: `/cosmos/tx/v1beta1/txs/${HASH}`, body: getTx('104329', 11) }], async (adapter) => {
    const d = await adapter.diagnoseTx(HASH);
    assert.deepEqual([d.status, ...codes(d)], ['failed', 'memo.failed']);
    assert.match(d.findings[0]!.summary, /sdk 11 .*out of gas: send again with a higher gas limit/);
  });
  await run('cosmos', [{ path: `/cosmos/tx/v1beta1/txs/${HASH}`, status: 404, body: { code: 5, message: 'tx not found: C53E', details: [] } }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(HASH)), ['memo.tx.not_found']);
  });
});

test('behavior: TON comments are read from toncenter v3; a configured deposit address matches in raw form', async () => {
  const raw = tonRaw(TON_DEPOSIT);
  const wallet = '0:' + 'ab'.repeat(32);
  // toncenter /api/v3/transactions shape (toncenter v3 OpenAPI); an outgoing wallet transaction whose out message pays the deposit address.
  const tonTx = (comment?: string, exit = 0) => ({
    transactions: [{
      account: wallet.toUpperCase(), hash: 'q1Xb8mVY3Yd6g3m9H3W6q0vZfXG2p0Rk4yqk8c6kz0A=', lt: '51234567000001', now: 1763647331,
      description: { aborted: exit !== 0, compute_ph: { exit_code: exit, success: exit === 0 }, action: { result_code: 0, success: true } },
      in_msg: { source: null, destination: wallet.toUpperCase(), value: null, message_content: { decoded: null } },
      out_msgs: [{ source: wallet.toUpperCase(), destination: raw.toUpperCase(), value: '3500000000', message_content: { decoded: comment ? { type: 'text_comment', comment } : null } }],
    }],
    address_book: {},
  });
  const options = { memoRequired: [{ chain: 'ton', address: TON_DEPOSIT, exchange: 'Example Exchange', source: 'test entry' }] };
  const hash = 'ab'.repeat(32);
  await run('ton', [{ path: `/api/v3/transactions?hash=${hash}&limit=1`, body: tonTx() }], async (adapter) => {
    const d = await adapter.diagnoseTx(hash);
    assert.deepEqual(codes(d), ['memo.missing']);
    assert.match(d.findings[0]!.userMessage, /reached Example Exchange, but without the comment/);
    assert.equal(d.findings[0]!.evidence.amount, '3.5');
  }, options);
  await run('ton', [{ path: `/api/v3/transactions?hash=${hash}&limit=1`, body: tonTx('8812731') }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.success.transfer']);
  }, options);
  await run('ton', [{ path: `/api/v3/transactions?hash=${hash}&limit=1`, body: tonTx('8812731', -14) }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.failed']);
  }, options);
  await run('ton', [{ path: `/api/v3/transactions?hash=${hash}&limit=1`, body: { transactions: [], address_book: {} } }], async (adapter) => {
    assert.deepEqual(codes(await adapter.diagnoseTx(hash)), ['memo.tx.not_found']);
  }, options);
});

test('behavior: address inspect gives balances and says when deposits need a memo; invalid addresses are named', async () => {
  await run('xrp', [xrpl('account_info', { result: { account_data: { Account: BINANCE_XRP, Balance: '123456789', Flags: 0 }, status: 'success', validated: true } }), xrpl('server_info', { result: { info: { build_version: '2.3.0' }, status: 'success' } })], async (adapter) => {
    const r = await adapter.inspectAddress(BINANCE_XRP);
    assert.deepEqual(codes(r), ['memo.address.summary', 'memo.address.memo_required']);
    assert.equal(r.balances[0]!.display, '123.456789');
    assert.equal(r.findings[1]!.evidence.exchange, 'Binance');
    assert.deepEqual(codes(await adapter.inspectAddress('0xabc')), ['memo.address.invalid']);
    assert.equal(adapter.describeFoundElsewhere(HASH, { chain: 'stellar', hash: HASH, status: 'confirmed', findings: [], checkedAt: '' }).code, 'memo.tx.found_on_other_chain');
    assert.equal((await memoAdapterFactory('xrp').identify(adapter.chain.rpcUrls[0]!, {}, registry)).slug, 'xrp');
  });
  await run('osmosis', [], async (adapter) => {
    assert.deepEqual(codes(await adapter.inspectAddress(BINANCE_ATOM)), ['memo.address.invalid']);
  });
});

test('error: timeouts, 429 and bad JSON end in clear errors', async () => {
  await run('xrp', [{ method: 'POST', path: '/', body: '{"result":', status: 200 }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(HASH), { name: 'ChainRpcBadResponseError' });
  });
  await run('stellar', [{ path: `/transactions/${HASH}`, status: 429, body: {} }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(HASH), { name: 'ChainRpcRateLimitedError' });
  });
  await run('cosmos', [{ path: `/cosmos/tx/v1beta1/txs/${HASH}`, delayMs: 300, body: {} }], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx(HASH), { name: 'ChainRpcTimeoutError' });
  }, { timeoutMs: 100 });
  await run('xrp', [], async (adapter) => {
    await assert.rejects(adapter.diagnoseTx('nothex'), { name: 'TxIdInvalidError' });
  });
});
