import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../test/tmp.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function opsdesk(args: string[], cwd: string, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(root, 'bin', 'opsdesk.js'), ...args], { cwd, env: { ...process.env, OPSDESK_LOG_LEVEL: 'silent' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input ?? '');
  });
}

let tmp: ReturnType<typeof tempDir>;
before(() => {
  tmp = tempDir('opsdesk-payment-');
});
after(() => tmp.remove());

test('payment explain reads a Stripe Issuing webhook and prints findings as JSON', async () => {
  const file = join(tmp.dir, 'stripe.json');
  writeFileSync(file, JSON.stringify({ id: 'evt_cli', type: 'issuing_authorization.created', created: 1763632800, data: { object: { id: 'iauth_cli', object: 'issuing_authorization', amount: 0, currency: 'brl', approved: false, status: 'closed', merchant_data: { name: 'MERCADO' }, request_history: [{ approved: false, reason: 'insufficient_funds', amount: 4590 }] } } }));
  const r = await opsdesk(['--json', '--data-dir', tmp.dir, 'payment', 'explain', file, '--provider', 'stripe-issuing', '--locale', 'pt-BR', '--no-chain-check'], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  const [item] = JSON.parse(r.stdout) as Array<{ subjectId: string; status: string; findings: Array<{ code: string; userMessage: string }> }>;
  assert.equal(item!.subjectId, 'iauth_cli');
  assert.equal(item!.status, 'declined');
  assert.equal(item!.findings[0]!.code, 'card.declined.insufficient_funds');
  assert.match(item!.findings[0]!.userMessage, /45\.90 BRL em MERCADO foi recusado/);
});

test('behavior: stdin and the human rendering work for an on-ramp payload', async () => {
  const body = JSON.stringify({ eventID: 'ORDER_REFUNDED', webhookData: { id: 'tk-9', status: 'REFUNDED', fiatCurrency: 'ARS', fiatAmount: 50000, cryptoCurrency: 'USDT', network: 'tron' } });
  const r = await opsdesk(['--data-dir', tmp.dir, 'payment', 'explain', '-', '--provider', 'transak', '--no-chain-check'], tmp.dir, body);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /onramp tk-9 \(transak\): refunded/);
  assert.match(r.stdout, /onramp\.order\.refunded/);
});

test('error: a foreign payload exits 2 with the problems listed; a missing stored id exits 3', async () => {
  const file = join(tmp.dir, 'bad.json');
  writeFileSync(file, '{"hello": "world"}');
  const bad = await opsdesk(['--data-dir', tmp.dir, 'payment', 'explain', file, '--provider', 'moonpay', '--no-chain-check'], tmp.dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /moonpay payment event does not have the expected shape/);
  const missing = await opsdesk(['--data-dir', tmp.dir, 'payment', 'explain', '--id', 'nope', '--no-chain-check'], tmp.dir);
  assert.equal(missing.code, 3, missing.stderr);
});
