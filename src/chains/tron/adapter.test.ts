import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, startReplayServer, type ReplayRoute } from '../../../test/replay-server.ts';
import { createChainRegistry } from '../registry/registry.ts';
import { createTronAdapter, tronAdapterFactory } from './adapter.ts';

const registry = createChainRegistry();
const OOE = 'e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481';
const TX = 'a'.repeat(64);
const USDT_HEX = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';
const FROM_HEX = '411111111111111111111111111111111111111111';
// An EVM-style 20-byte body; its Tron form is THVmXun9u721tBiYcT3VfLQKcwYBmoY1xX.
const EVM_BODY = '52908400098527886e0f7030069857d2e4169ee7';
const TO_TRON = 'THVmXun9u721tBiYcT3VfLQKcwYBmoY1xX';
const NOW = Date.UTC(2024, 10, 10, 9, 0, 0);

const word = (hex: string) => hex.padStart(64, '0');
/** /wallet/gettransactionbyid shape (TRON HTTP API docs) for a USDT transfer(to, amount); values built for the tests. */
function usdtTransferTx(txid: string, amount: bigint, contractRet = 'SUCCESS', expiration = NOW + 60_000) {
  return {
    ret: [{ contractRet }],
    signature: ['00'.repeat(65)],
    txID: txid,
    raw_data: {
      contract: [{ parameter: { value: { data: `a9059cbb${word(EVM_BODY)}${word(amount.toString(16))}`, owner_address: FROM_HEX, contract_address: USDT_HEX }, type_url: 'type.googleapis.com/protocol.TriggerSmartContract' }, type: 'TriggerSmartContract' }],
      ref_block_bytes: '3b2a',
      ref_block_hash: 'f1a0c4e51a3b2c1d',
      expiration,
      fee_limit: 100_000_000,
      timestamp: expiration - 60_000,
    },
  };
}
/** /wallet/gettransactioninfobyid shape for a receipt with the given result. */
function info(txid: string, receipt: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { id: txid, fee: Number(receipt.energy_fee ?? 0) + Number(receipt.net_fee ?? 0), blockNumber: 66860010, blockTimeStamp: 1731229605000, contractResult: [''], contract_address: USDT_HEX, receipt, ...extra };
}

async function diagnose(routes: ReplayRoute[], txid: string, expectedRecipient?: string, locale?: string) {
  const server = await startReplayServer(routes);
  try {
    const adapter = createTronAdapter({ ...registry.get('tron'), rpcUrls: [server.url] }, { now: () => NOW, timeoutMs: 1000 });
    return await adapter.diagnoseTx(txid, { ...(expectedRecipient ? { expectedRecipient } : {}), ...(locale ? { locale } : {}) });
  } finally {
    await server.close();
  }
}
const byId = (path: string, body: unknown): ReplayRoute => ({ method: 'POST', path, body });
const codes = (d: { findings: Array<{ code: string }> }) => d.findings.map((f) => f.code);

test('the real OUT_OF_ENERGY USDT transfer is explained with the energy burned as TRX', async () => {
  const d = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(OOE, 10_000_000n, 'OUT_OF_ENERGY')), byId('/wallet/gettransactioninfobyid', fixture('tron-mainnet-gettransactioninfobyid-out-of-energy.json'))], OOE);
  assert.equal(d.status, 'failed');
  assert.deepEqual(codes(d), ['tron.failed.out_of_energy', 'tron.fee.resources_burned']);
  const [ooe, burned] = d.findings;
  assert.equal(ooe!.evidence.contract, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
  assert.match(String(ooe!.evidence.resMessage), /^Not enough energy for 'SSTORE'/);
  assert.match(ooe!.summary, /energy limit 78572 used up .* 16\.50012 TRX burned for energy; fee limit 100 TRX/);
  assert.match(ooe!.userMessage, /16\.50012 TRX fee was still charged/);
  assert.equal(burned!.evidence.energyFeeSun, 16500120);
  assert.equal(ooe!.evidence.energyPriceSun, 210);
  assert.equal(ooe!.evidence.limitedBy, 'the TRX balance (and staked energy) of the sender');
  assert.equal(d.explorerUrl, `https://tronscan.org/#/transaction/${OOE}`);
});

test('behavior: REVERT is decoded from Error(string); OUT_OF_TIME and other results are named', async () => {
  const reason = 'TRC20: transfer amount exceeds balance';
  const data = Buffer.from(reason).toString('hex');
  const errorString = `08c379a0${word('20')}${word(reason.length.toString(16))}${data.padEnd(Math.ceil(data.length / 64) * 64, '0')}`;
  const revert = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 5n, 'REVERT')), byId('/wallet/gettransactioninfobyid', info(TX, { energy_usage_total: 1234, net_usage: 345, result: 'REVERT' }, { result: 'FAILED', contractResult: [errorString], resMessage: Buffer.from('REVERT opcode executed').toString('hex') }))], TX, undefined, 'es');
  assert.deepEqual(codes(revert), ['tron.failed.revert']);
  assert.equal(revert.findings[0]!.evidence.reason, reason);
  assert.match(revert.findings[0]!.userMessage, /El contrato rechazó/);
  const oot = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 5n, 'OUT_OF_TIME')), byId('/wallet/gettransactioninfobyid', info(TX, { energy_fee: 420000, energy_usage_total: 2000, result: 'OUT_OF_TIME' }, { result: 'FAILED' }))], TX);
  assert.deepEqual(codes(oot), ['tron.failed.out_of_time', 'tron.fee.resources_burned']);
  const other = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 5n, 'TRANSFER_FAILED')), byId('/wallet/gettransactioninfobyid', info(TX, { result: 'TRANSFER_FAILED' }, { result: 'FAILED', resMessage: Buffer.from('transfer trc10 failed').toString('hex') }))], TX);
  assert.deepEqual(codes(other), ['tron.failed.other']);
  assert.match(other.findings[0]!.summary, /TRANSFER_FAILED: transfer trc10 failed/);
});

test('behavior: a USDT TRC-20 transfer is decoded; a non-activated recipient and an ERC-20 deposit address are explained', async () => {
  const transferLog = { address: USDT_HEX.slice(2), topics: ['ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef', word(FROM_HEX.slice(2)), word(EVM_BODY)], data: word((25_000_000n).toString(16)) };
  const routes = [
    byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 25_000_000n)),
    byId('/wallet/gettransactioninfobyid', info(TX, { energy_fee: 13_844_850, energy_usage_total: 65_285, net_fee: 345_000, net_usage: 345, result: 'SUCCESS' }, { log: [transferLog] })),
    byId('/wallet/getaccount', {}),
  ];
  const d = await diagnose(routes, TX, `0x${EVM_BODY.toUpperCase()}`, 'pt-BR');
  assert.equal(d.status, 'confirmed');
  assert.deepEqual(codes(d), ['tron.success.trc20_transfer', 'tron.sent.network_mismatch', 'tron.recipient.not_activated', 'tron.fee.resources_burned']);
  assert.deepEqual({ symbol: d.findings[0]!.evidence.symbol, display: d.findings[0]!.evidence.display, to: d.findings[0]!.evidence.to }, { symbol: 'USDT', display: '25', to: TO_TRON });
  assert.equal(d.findings[1]!.evidence.sameKeyHash, true);
  assert.match(d.findings[1]!.userMessage, /rede Tron \(TRC-20\)/);
  assert.match(d.findings[3]!.summary, /13\.84485 TRX for 65285 energy and 0\.345 TRX for bandwidth/);
});

test('behavior: a TRX transfer, a pending, an expired and an unknown transaction', async () => {
  const trxTx = { ret: [{ contractRet: 'SUCCESS' }], txID: TX, raw_data: { contract: [{ parameter: { value: { amount: 1_500_000, owner_address: FROM_HEX, to_address: `41${EVM_BODY}` } }, type: 'TransferContract' }], expiration: NOW, fee_limit: 0 } };
  const ok = await diagnose([byId('/wallet/gettransactionbyid', trxTx), byId('/wallet/gettransactioninfobyid', { id: TX, blockNumber: 1, receipt: { net_usage: 268 } })], TX);
  assert.deepEqual(codes(ok), ['tron.success.trx_transfer']);
  assert.equal(ok.findings[0]!.evidence.to, TO_TRON);
  const pending = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 1n, 'SUCCESS', NOW + 30_000)), byId('/wallet/gettransactioninfobyid', {})], TX);
  assert.deepEqual([pending.status, ...codes(pending)], ['pending', 'tron.tx.pending']);
  const expired = await diagnose([byId('/wallet/gettransactionbyid', usdtTransferTx(TX, 1n, 'SUCCESS', NOW - 1)), byId('/wallet/gettransactioninfobyid', {})], TX);
  assert.deepEqual([expired.status, ...codes(expired)], ['dropped', 'tron.tx.expired']);
  const missing = await diagnose([byId('/wallet/gettransactionbyid', {}), byId('/wallet/gettransactioninfobyid', {})], TX);
  assert.deepEqual([missing.status, ...codes(missing)], ['not_found', 'tron.tx.not_found']);
});

test('behavior: address inspect reports TRX and resources, activation and invalid addresses', async () => {
  const server = await startReplayServer([
    { method: 'POST', path: '/wallet/getaccount', matchBody: (b) => (b as { address: string }).address === TO_TRON, body: { address: TO_TRON, balance: 12_345_678, create_time: 1700000000000 } },
    { method: 'POST', path: '/wallet/getaccount', body: {} },
    { method: 'POST', path: '/wallet/getaccountresource', body: { freeNetLimit: 600, freeNetUsed: 100, EnergyLimit: 0 } },
    { method: 'POST', path: '/wallet/getnowblock', body: { blockID: '0000000003fc3a6b', block_header: { raw_data: { number: 66860011 } } } },
  ]);
  try {
    const adapter = createTronAdapter({ ...registry.get('tron'), rpcUrls: [server.url] });
    const r = await adapter.inspectAddress(TO_TRON);
    assert.deepEqual(codes(r), ['tron.address.summary']);
    assert.equal(r.balances[0]!.display, '12.345678');
    assert.match(r.findings[0]!.summary, /bandwidth 500 free/);
    assert.deepEqual(codes(await adapter.inspectAddress('TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdV')), ['tron.address.not_activated']);
    assert.deepEqual(codes(await adapter.inspectAddress('TBXSw8fM4jpQkGc6zZjsVABFpVN7UvXPdX')), ['tron.address.invalid']);
    assert.equal((await tronAdapterFactory.identify(server.url, {}, registry)).slug, 'tron');
    assert.equal(adapter.describeFoundElsewhere(TX, { chain: 'bitcoin', hash: TX, status: 'confirmed', findings: [], checkedAt: '' }).code, 'tron.tx.found_on_other_chain');
  } finally {
    await server.close();
  }
});

test('error: 429, 5xx and bad JSON end in clear errors, never a crash', async () => {
  await assert.rejects(diagnose([{ method: 'POST', path: '/wallet/gettransactionbyid', status: 429, body: '{"Error":"rate limit"}' }, byId('/wallet/gettransactioninfobyid', {})], TX), { name: 'ChainRpcRateLimitedError' });
  await assert.rejects(diagnose([{ method: 'POST', path: '/wallet/gettransactionbyid', status: 503, body: 'busy' }, byId('/wallet/gettransactioninfobyid', {})], TX), { name: 'ChainRpcUnavailableError' });
  await assert.rejects(diagnose([{ method: 'POST', path: '/wallet/gettransactionbyid', body: '{' }, byId('/wallet/gettransactioninfobyid', {})], TX), { name: 'ChainRpcBadResponseError' });
  await assert.rejects(diagnose([byId('/wallet/gettransactionbyid', {}), byId('/wallet/gettransactioninfobyid', { id: TX, receipt: 'x' })], TX), { name: 'ChainRpcBadResponseError' });
  await assert.rejects(diagnose([], 'xyz'), { name: 'TxIdInvalidError' });
});
