import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, startReplayServer } from '../../../test/replay-server.ts';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';
import { createChainService, diagnoseTransaction } from '../index.ts';

const T1 = '242f3fff9ca7d5aea7a7a57d886f3fa7329e24fac948598a991b3a3dd631cd29';
const T1_RECIPIENT = 'bc1p5t79edz9w4fcnmkjjk4e6k2tp7kd8cqggz37gal60sp9gyk9x72sk4mk0f';
const OTHER = 'bc1qpx0cx8zf9zw8h8xq02dxx2r8an235yz67yh4pg';
const routes = () => [
  { path: `/api/tx/${T1}`, body: fixture('btc-mainnet-rbf-original-unconfirmed.esplora.json') },
  { path: '/api/v1/fees/recommended', body: { fastestFee: 12, halfHourFee: 8, hourFee: 6, economyFee: 3, minimumFee: 1 } },
  { path: `/api/v1/cpfp/${T1}`, body: { ancestors: [], descendants: [], effectiveFeePerVsize: 2.6 } },
  { path: `/api/tx/${T1}/outspends`, body: [{ spent: false }] },
];

test('the address the user meant to pay reaches the adapter through the dispatcher', async () => {
  const server = await startReplayServer(routes());
  try {
    const service = createChainService({ rpc: { bitcoin: [server.url + '/api'] } });
    const paid = await diagnoseTransaction(service, { hash: T1, chain: 'bitcoin', expectedRecipient: T1_RECIPIENT });
    assert.ok(paid.findings.some((f) => f.code === 'btc.recipient.found'));
    const notPaid = await diagnoseTransaction(service, { hash: T1, chain: 'bitcoin', expectedRecipient: OTHER });
    assert.ok(!notPaid.findings.some((f) => f.code === 'btc.recipient.found'));
    assert.ok(notPaid.findings.some((f) => f.code.startsWith('btc.recipient.')), notPaid.findings.map((f) => f.code).join(','));
  } finally {
    await server.close();
  }
});

test('behavior: `tx diagnose --to` passes it from the command line', async () => {
  const server = await startReplayServer(routes());
  const { dir, remove } = tempDir();
  try {
    const res = await runOpsdesk(['--data-dir', dir, '--json', 'tx', 'diagnose', T1, '--chain', 'bitcoin', '--to', T1_RECIPIENT], {
      env: { OPSDESK_CHAINS_RPC: JSON.stringify({ bitcoin: [server.url + '/api'] }) },
    });
    assert.equal(res.code, 0, res.stderr);
    const d = JSON.parse(res.stdout) as { findings: Array<{ code: string }> };
    assert.ok(d.findings.some((f) => f.code === 'btc.recipient.found'));
  } finally {
    await server.close();
    remove();
  }
});
