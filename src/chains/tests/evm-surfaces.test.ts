import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseEther, type Hex } from 'viem';
import { runOpsdesk } from '../../../test/cli.ts';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { tempDir } from '../../../test/tmp.ts';
import { deployFixtures, type Fixtures } from './evm-fixtures.ts';

let node: EvmNode;
let fx: Fixtures;
let app: TestApp;
let hash: Hex;
const tmp = tempDir('opsdesk-chains-cli-');
const configFile = join(tmp.dir, 'opsdesk.config.json');

before(async () => {
  node = await startEvmNode();
  fx = await deployFixtures(node.url, node.chainId);
  hash = await fx.call(1, fx.c.tokenV4, 'TokenV4', 'transfer', [fx.accounts[2]!.address, parseEther('1')]);
  const chains = { includeBuiltins: false, retries: 0, timeoutMs: 3000, custom: [{ slug: 'local', name: 'Local', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [node.url] }] };
  writeFileSync(configFile, JSON.stringify({ chains }));
  app = await openTestApp({ config: { chains } });
});

after(async () => {
  await app?.close();
  await node?.stop();
  tmp.remove();
});

const cli = (...args: string[]) => runOpsdesk(['--config', configFile, '--data-dir', tmp.dir, ...args]);

test('opsdesk tx diagnose --json prints the CONTRACTS.md §3 shape and exits 0 for a failed transaction', async () => {
  const r = await cli('tx', 'diagnose', hash, '--chain', 'local', '--json');
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout) as { chain: string; chainId: number; hash: string; status: string; findings: Array<Record<string, unknown>> };
  assert.deepEqual([d.chain, d.chainId, d.hash, d.status], ['local', 31337, hash, 'failed']);
  const f = d.findings[0]!;
  assert.deepEqual(Object.keys(f).sort(), ['code', 'evidence', 'nextSteps', 'severity', 'summary', 'userMessage']);
  assert.equal(f.code, 'evm.failed.insufficient_token_balance');
});

test('behavior: not found is still a diagnosis (exit 0), --rpc identifies the chain, address inspect answers', async () => {
  const [missing, inspect] = await Promise.all([
    cli('tx', 'diagnose', `0x${'42'.repeat(32)}`, '--rpc', node.url, '--locale', 'es'),
    cli('address', 'inspect', fx.accounts[1]!.address, '--chain', 'local', '--json'),
  ]);
  assert.equal(missing.code, 0, missing.stderr);
  assert.match(missing.stdout, /on local \(chain id 31337\): not_found/);
  assert.match(missing.stdout, /La red Local no tiene registro/);
  assert.equal(inspect.code, 0, inspect.stderr);
  const report = (JSON.parse(inspect.stdout) as { reports: Array<{ chain: string; nonce: number }> }).reports[0]!;
  assert.equal(report.chain, 'local');
  assert.ok(report.nonce >= 1);
});

test('error: a malformed hash exits 2; an unreachable RPC exits 6 without showing its key', async () => {
  const [bad, down] = await Promise.all([
    cli('tx', 'diagnose', '0xnothash', '--json'),
    cli('tx', 'diagnose', hash, '--chain', 'local', '--rpc', 'http://127.0.0.1:1/v1/abcdef0123456789abcdef0123456789', '--json'),
  ]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /not a transaction hash/);
  assert.equal(down.code, 6, down.stderr);
  assert.equal(down.stdout, '');
  assert.doesNotMatch(down.stderr, /abcdef0123456789abcdef0123456789/);
});

test('POST /api/diagnose/tx and /api/address/inspect answer agents', async () => {
  const token = await app.tokenFor('agent');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const res = await app.request('/api/diagnose/tx', { method: 'POST', headers, body: JSON.stringify({ hash, chain: 'local', locale: 'pt-BR' }) });
  assert.equal(res.status, 200);
  const d = (await res.json()) as { status: string; findings: Array<{ code: string; userMessage: string }> };
  assert.equal(d.status, 'failed');
  assert.match(d.findings[0]!.userMessage, /Você não tinha TK4 suficiente/);
  const inspect = await app.request('/api/address/inspect', { method: 'POST', headers, body: JSON.stringify({ address: fx.accounts[1]!.address }) });
  assert.equal(inspect.status, 200);
  assert.equal(((await inspect.json()) as { reports: unknown[] }).reports.length, 1);
});

test('error: viewers get 403, caller RPC URLs are refused by default, bad bodies get 400', async () => {
  const viewer = await app.tokenFor('viewer');
  const asViewer = await app.request('/api/diagnose/tx', { method: 'POST', headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' }, body: JSON.stringify({ hash }) });
  assert.equal(asViewer.status, 403);
  const headers = { authorization: `Bearer ${await app.tokenFor('agent')}`, 'content-type': 'application/json' };
  const withRpc = await app.request('/api/diagnose/tx', { method: 'POST', headers, body: JSON.stringify({ hash, rpc: node.url }) });
  assert.equal(withRpc.status, 403);
  assert.match(((await withRpc.json()) as { detail: string }).detail, /does not fetch caller-supplied RPC URLs/);
  const badHash = await app.request('/api/diagnose/tx', { method: 'POST', headers, body: JSON.stringify({ hash: 'nope' }) });
  assert.equal(badHash.status, 400);
  const badBody = await app.request('/api/address/inspect', { method: 'POST', headers, body: JSON.stringify({ chain: 'local' }) });
  assert.equal(badBody.status, 400);
});
