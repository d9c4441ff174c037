import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../test/tmp.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const data = tempDir('opsdesk-kb-cli-');
after(() => data.remove());

function opsdesk(...args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('OPSDESK_')) env[k] = v;
  const r = spawnSync(process.execPath, [join(root, 'bin', 'opsdesk.js'), '--data-dir', data.dir, ...args], { cwd: root, env: { ...env, OPSDESK_LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('opsdesk kb search "QUERY" --json prints [{ slug, title, score }] best first (CONTRACTS.md §6)', () => {
  const r = opsdesk('kb', 'search', 'my usdt is stuck pending on bsc', '--json');
  assert.equal(r.code, 0, r.stderr);
  const hits = JSON.parse(r.stdout) as Array<{ slug: string; title: string; score: number }>;
  assert.ok(Array.isArray(hits) && hits.length > 0);
  assert.equal(hits[0]!.slug, 'tx-pending-evm');
  for (const h of hits) assert.deepEqual([typeof h.slug, typeof h.title, typeof h.score], ['string', 'string', 'number']);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'stdout holds the JSON alone');
});

test('behavior: kb audit --json and kb export --out work from the command line', () => {
  const audit = opsdesk('kb', 'audit', '--json', '--today', '2026-11-27');
  assert.equal(audit.code, 0, audit.stderr);
  const report = JSON.parse(audit.stdout) as { articles: number; brokenLinks: unknown[]; duplicates: unknown[]; stale: unknown[] };
  assert.ok(report.articles >= 26);
  assert.deepEqual([report.brokenLinks, report.duplicates, report.stale], [[], [], []], 'the starter KB is clean');
  const out = join(data.dir, 'site');
  const exp = opsdesk('kb', 'export', '--out', out, '--json');
  assert.equal(exp.code, 0, exp.stderr);
  assert.ok(existsSync(join(out, 'index.html')));
  assert.match(readFileSync(join(out, 'llms.txt'), 'utf8'), /md\/seed-phrase-exposed\.md/);
});

test('error: an empty query or a bad --limit exits 2', () => {
  assert.equal(opsdesk('kb', 'search', '   ', '--json').code, 2);
  assert.equal(opsdesk('kb', 'search', 'fees', '--limit', 'lots').code, 2);
});
