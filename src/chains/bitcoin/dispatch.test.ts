import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixture, startReplayServer, type ReplayServer } from '../../../test/replay-server.ts';
import { tempDir } from '../../../test/tmp.ts';
import { createChainService } from '../adapters.ts';
import { diagnoseTransaction } from '../diagnose-tx.ts';
import { createChainRegistry } from '../registry/registry.ts';

const registry = createChainRegistry();
const T2 = 'b6a53d8a8025c0c5b194345925a99741b645cae0b1f180f0613273029f2bf698';
const OOE = 'e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481';
const USDC_SIG = '4LXpF3MCdp69iFmD27Sn812UNpqFPHM4qXH7Y12E964p9GHXvwMe1XEmyasogVT2N4XEctdQQLf1sHY6Gvsa5sFX';

async function chainServer(): Promise<ReplayServer> {
  const block = (fixture('mempool-rbf/tx02_ws_block.json') as { block: { id: string; height: number; timestamp: number } }).block;
  return startReplayServer([
    { path: `/btc/tx/${T2}`, body: { ...(fixture('mempool-rbf/tx02_api_tx.json') as object), status: { confirmed: true, block_height: block.height, block_hash: block.id, block_time: block.timestamp } } },
    { path: '/btc/blocks/tip/height', body: String(block.height + 6) },
    { path: /^\/ltc\//, status: 404, body: 'Transaction not found' },
    { method: 'POST', path: '/tron/wallet/gettransactionbyid', body: {} },
    { method: 'POST', path: '/tron/wallet/gettransactioninfobyid', matchBody: (b) => (b as { value?: string }).value === OOE, body: fixture('tron-mainnet-gettransactioninfobyid-out-of-energy.json') },
    { method: 'POST', path: '/tron/wallet/gettransactioninfobyid', body: {} },
    { method: 'POST', path: '/sol', rpcMethod: 'getSignatureStatuses', result: { context: { slot: 419685300 }, value: [{ slot: 419685246, confirmations: null, err: null, confirmationStatus: 'finalized' }] } },
    { method: 'POST', path: '/sol', rpcMethod: 'getTransaction', result: (fixture('sol-mainnet-usdc-transfer-success.gettransaction.json') as { result: unknown }).result },
  ]);
}

function service(url: string) {
  const at = (slug: string, path: string) => ({ ...registry.get(slug), rpcUrls: [url + path] });
  return createChainService({ includeBuiltins: false, custom: [at('bitcoin', '/btc'), at('litecoin', '/ltc'), at('tron', '/tron'), at('solana', '/sol')], retries: 0 });
}

test('tx diagnose picks the family from the hash shape and searches the fitting chains in parallel', async () => {
  const server = await chainServer();
  try {
    const s = service(server.url);
    const btc = await diagnoseTransaction(s, { hash: T2 });
    assert.equal(btc.chain, 'bitcoin');
    assert.equal(btc.status, 'confirmed');
    assert.deepEqual(btc.searchedChains?.sort(), ['bitcoin', 'litecoin', 'tron']);
    const sol = await diagnoseTransaction(s, { hash: USDC_SIG });
    assert.deepEqual([sol.chain, sol.status, sol.findings[0]!.code], ['solana', 'confirmed', 'sol.success.token_transfer']);
    const tron = await diagnoseTransaction(s, { hash: OOE, chain: 'tron', locale: 'es' });
    assert.deepEqual([tron.chain, tron.status, tron.findings[0]!.code], ['tron', 'failed', 'tron.failed.out_of_energy']);
  } finally {
    await server.close();
  }
});

test('behavior: asked on Litecoin, a Bitcoin transaction is found on its sibling chain', async () => {
  const server = await chainServer();
  try {
    const d = await diagnoseTransaction(service(server.url), { hash: T2, chain: 'litecoin' });
    assert.equal(d.status, 'not_found');
    assert.equal(d.foundOn?.chain, 'bitcoin');
    assert.equal(d.findings[0]!.code, 'btc.tx.found_on_other_chain');
  } finally {
    await server.close();
  }
});

test('error: the CLI reports an unreachable Bitcoin endpoint with exit code 6', async () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const tmp = tempDir('opsdesk-btc-cli-');
  const server = await startReplayServer([{ path: `/api/tx/${T2}`, status: 503, body: 'busy' }]);
  try {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(root, 'bin', 'opsdesk.js'), '--json', '--data-dir', tmp.dir, 'tx', 'diagnose', T2, '--chain', 'bitcoin', '--rpc', `${server.url}/api`], { cwd: tmp.dir, env: { ...process.env, OPSDESK_LOG_LEVEL: 'silent' } }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
    assert.equal(r.code, 6, r.stderr);
    assert.match(r.stderr, /is unavailable: HTTP 503/);
  } finally {
    await server.close();
    tmp.remove();
  }
});
