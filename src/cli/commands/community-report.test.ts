import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
const env = () => ({ OPSDESK_DATA_DIR: tmp.dir, OPSDESK_LOG_LEVEL: 'silent', OPSDESK_COMMUNITY_OFFICIAL_DOMAINS: '["opsdeskwallet.com"]' });
before(() => {
  tmp = tempDir('opsdesk-community-cli-');
});
after(() => tmp.remove());

test('community add, import, scams and report --json work end to end', async () => {
  const add = await runOpsdesk(['community', 'add', 'discord-export', 'discord', '--json'], { env: env() });
  assert.equal(add.code, 0, add.stderr);
  const imported = await runOpsdesk(['community', 'import', 'discord', join(repoRoot, 'test/fixtures/community/discord-export.json'), '--json'], { env: env(), timeoutMs: 120_000 });
  assert.equal(imported.code, 0, imported.stderr);
  assert.deepEqual((JSON.parse(imported.stdout) as { inserted: number; rejected: number }).inserted, 2);
  const report = await runOpsdesk(['community', 'report', '--days', '3650', '--json'], { env: env() });
  assert.equal(report.code, 0, report.stderr);
  const body = JSON.parse(report.stdout) as { posts: number; channels: Array<{ channel: string }> };
  assert.equal(body.posts, 2);
  assert.equal(body.channels[0]?.channel, 'Wallet Community #help');
});

test('error: importing into an unknown source exits with not-found', async () => {
  const res = await runOpsdesk(['community', 'import', 'nope', join(repoRoot, 'test/fixtures/community/discord-export.json')], { env: env() });
  assert.notEqual(res.code, 0);
  assert.match(res.stderr, /No community source nope/);
});
