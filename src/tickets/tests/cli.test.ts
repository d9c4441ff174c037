import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

let tmp: { dir: string; remove(): void };
before(() => {
  tmp = tempDir('opsdesk-cli-');
});
after(() => tmp.remove());

test('opsdesk triage --json reads a JSON object and prints the contract fields', async () => {
  const input = JSON.stringify({ subject: 'Pending', body: 'my usdt transfer on bsc has been pending for 3 hours 0x' + 'ab'.repeat(32), platform: 'android', appVersion: '9.1.2' });
  const r = await runOpsdesk(['triage', '-', '--json', '--data-dir', tmp.dir], { input });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown> & { entities: Record<string, unknown> };
  assert.deepEqual(Object.keys(out).slice(0, 10), ['category', 'categoryConfidence', 'severity', 'priority', 'chains', 'entities', 'redactions', 'redactedText', 'securityFlags', 'kb']);
  assert.equal(out.category, 'tx_stuck_pending');
  assert.deepEqual(out.chains, ['bsc']);
  assert.deepEqual(Object.keys(out.entities).sort(), ['addresses', 'amounts', 'appVersion', 'platform', 'tokens', 'txHashes']);
  assert.equal(out.entities.platform, 'android');
});

test('behavior: --jsonl answers one line per input in order with its id; a bad line is counted, the rest go on', async () => {
  const file = join(tmp.dir, 'batch.jsonl');
  writeFileSync(file, ['{"id":"a","text":"mi tarjeta fue rechazada en el super"}', '{"id":"b"}', 'not json', '', '{"id":3,"subject":"x","body":"my nft does not show"}'].join('\n'));
  const r = await runOpsdesk(['triage', '--jsonl', file, '--data-dir', tmp.dir]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id?: unknown; category?: string; line?: number; error?: string });
  assert.deepEqual(lines.map((l) => l.id), ['a', 'b', undefined, 3]);
  assert.equal(lines[0]!.category, 'card_or_fiat_payment');
  assert.deepEqual([lines[1]!.line, lines[2]!.line], [2, 3]);
  assert.match(lines[1]!.error!, /neither "body" nor "text"/);
  assert.match(lines[2]!.error!, /not valid JSON/);
  assert.equal(lines[3]!.category, 'nft');
  assert.match(r.stderr, /triaged 2 tickets, rejected 2/);
});

test('behavior: ticket import is idempotent; triage retrain writes the next model version', async () => {
  const file = join(tmp.dir, 'export.csv');
  writeFileSync(file, 'Ticket,Message,Email\n1,"my ledger will not pair over bluetooth",a@example.com\n2,"broken ""quote,b@example.com\n');
  const first = await runOpsdesk(['ticket', 'import', file, '--format', 'csv', '--map', 'Ticket=id,Message=body,Email=requester', '--json', '--data-dir', tmp.dir]);
  assert.equal(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout) as { imported: number; duplicates: number; rejected: Array<{ where: string }> };
  assert.deepEqual([report.imported, report.duplicates, report.rejected.map((x) => x.where)], [1, 0, ['line 3']]);
  const again = await runOpsdesk(['ticket', 'import', file, '--format', 'csv', '--map', 'Ticket=id,Message=body,Email=requester', '--data-dir', tmp.dir]);
  assert.match(again.stdout, /imported 0, already present 1, rejected 1/);
  const retrain = await runOpsdesk(['triage', 'retrain', '--json', '--data-dir', tmp.dir]);
  assert.equal(retrain.code, 0, retrain.stderr);
  const rr = JSON.parse(retrain.stdout) as { version: number; categoryAccuracy: number };
  assert.equal(rr.version, 2);
  assert.ok(existsSync(join(tmp.dir, 'triage', 'model-v2.json')));
});

test('error: empty, binary and missing input exit 2/3 with the problem named', async () => {
  const empty = await runOpsdesk(['triage', '-', '--json', '--data-dir', tmp.dir], { input: '  \n' });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /the input is empty/);
  const binary = await runOpsdesk(['triage', '-', '--data-dir', tmp.dir], { input: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]) });
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /not valid UTF-8|binary/);
  const missing = await runOpsdesk(['ticket', 'import', join(tmp.dir, 'nope.json'), '--format', 'zendesk', '--data-dir', tmp.dir]);
  assert.equal(missing.code, 3);
  assert.match(missing.stderr, /No file/);
  const badFormat = await runOpsdesk(['ticket', 'import', join(tmp.dir, 'nope.json'), '--format', 'xls', '--data-dir', tmp.dir]);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be one of zendesk, freshdesk, csv/);
});
