import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

let tmp: { dir: string; remove(): void };
before(() => {
  tmp = tempDir('opsdesk-queue-cli-');
});
after(() => tmp.remove());

test('opsdesk queue --json lists imported tickets by urgency; cluster and reply commands work on them', async () => {
  const hash = `0x${'9a'.repeat(32)}`;
  const csv = join(tmp.dir, 't.csv');
  writeFileSync(csv, ['id,body,requester_name,locale', `1,my usdt transfer on bsc is pending ${hash},Ana,en`, `2,"transfer ${hash} on bsc stuck pending",Bruno,en`, '3,how do I export my transaction history as csv?,Caro,en'].join('\n'));
  const dir = ['--data-dir', tmp.dir];
  const imported = await runOpsdesk(['ticket', 'import', csv, '--format', 'csv', ...dir, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  const q = await runOpsdesk(['queue', '--json', ...dir]);
  assert.equal(q.code, 0, q.stderr);
  const page = JSON.parse(q.stdout) as { items: Array<{ id: string; priority: string; sla: { state: string } }>; total: number };
  assert.equal(page.total, 3);
  const ranks = page.items.map((i) => i.priority);
  assert.deepEqual(ranks, [...ranks].sort());
  const rc = await runOpsdesk(['cluster', 'recompute', '--json', ...dir]);
  assert.equal(rc.code, 0, rc.stderr);
  assert.deepEqual(JSON.parse(rc.stdout), { tickets: 3, clustered: 2, clusters: 1 });
  const list = JSON.parse((await runOpsdesk(['cluster', 'list', '--json', ...dir])).stdout) as { items: Array<{ id: string; openTicketCount: number }> };
  assert.equal(list.items[0]!.openTicketCount, 2);
  const human = await runOpsdesk(['queue', '--cluster', list.items[0]!.id, ...dir]);
  assert.match(human.stdout, /2 of 2/);
  const sent = await runOpsdesk(['reply', 'send', page.items[0]!.id, '--macro', 'need-tx-hash', '--status', 'pending', '--json', ...dir]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.equal((JSON.parse(sent.stdout) as { status: string }).status, 'pending');
});

test('error: a bad --sla value exits 2; an unsafe reply exits 2 and says why', async () => {
  const dir = ['--data-dir', tmp.dir];
  const r = await runOpsdesk(['queue', '--sla', 'late', ...dir]);
  assert.equal(r.code, 2);
  const id = (JSON.parse((await runOpsdesk(['queue', '--json', '--status', 'new,open,pending', ...dir])).stdout) as { items: Array<{ id: string }> }).items[0]!.id;
  const unsafe = await runOpsdesk(['reply', 'send', id, '--text', 'Send us your recovery phrase to unlock the funds', ...dir]);
  assert.equal(unsafe.code, 2);
  assert.match(unsafe.stderr, /impersonation/);
});
