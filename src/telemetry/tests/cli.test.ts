import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

test('opsdesk telemetry ingest and query (CONTRACTS.md §4)', async () => {
  const tmp = tempDir('opsdesk-tel-cli-');
  try {
    const file = join(tmp.dir, 'e.jsonl');
    writeFileSync(file, [
      JSON.stringify({ timestamp: '2026-11-27T10:00:00Z', route: '/v1/swap', status: 500, appVersion: '9.2.1', userId: 'cli-user' }),
      JSON.stringify({ timestamp: '2026-11-27T10:01:00Z', route: '/v1/swap', status: 200, appVersion: '9.1.0', userId: 'cli-user' }),
      '{broken',
    ].join('\n'));
    const human = await runOpsdesk(['--data-dir', tmp.dir, 'telemetry', 'ingest', file]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^ingested 2 events in \d+(\.\d+)? s \(1 rejected\)\n$/);
    assert.match(human.stderr, /e\.jsonl:3: not valid JSON/);
    const json = await runOpsdesk(['--data-dir', tmp.dir, '--json', 'telemetry', 'ingest', file]);
    const out = JSON.parse(json.stdout) as { ingested: number; rejected: number; seconds: number };
    assert.deepEqual([out.ingested, out.rejected, typeof out.seconds], [2, 1, 'number']);
    const top = await runOpsdesk(['--data-dir', tmp.dir, '--json', 'telemetry', 'query', 'top', '--by', 'appVersion', '--where', 'statusCode=500', '--from', '2026-11-27T09:00:00Z', '--to', '2026-11-27T11:00:00Z']);
    assert.equal(top.code, 0, top.stderr);
    assert.deepEqual((JSON.parse(top.stdout) as { items: { value: string; count: number }[] }).items.map((i) => [i.value, i.count]), [['9.2.1', 2]]);
  } finally {
    tmp.remove();
  }
});

test('error: bad query parameters exit 2, a missing file exits 2', async () => {
  const tmp = tempDir('opsdesk-tel-cli-');
  try {
    const bad = await runOpsdesk(['--data-dir', tmp.dir, 'telemetry', 'query', 'series', '--group-by', 'nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Invalid telemetry query/);
    const unknown = await runOpsdesk(['--data-dir', tmp.dir, 'telemetry', 'query', 'everything']);
    assert.equal(unknown.code, 2);
    const missing = await runOpsdesk(['--data-dir', tmp.dir, 'telemetry', 'ingest', join(tmp.dir, 'nope.jsonl')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.jsonl/);
  } finally {
    tmp.remove();
  }
});
