import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

function latencyCsv(): string {
  const rows = ['timestamp,value'];
  for (let i = 0; i < 700; i++) {
    const t = new Date(Date.UTC(2014, 1, 19, 0, 0) + i * 5 * 60_000).toISOString().replace('T', ' ').slice(0, 19);
    rows.push(`${t},${i === 600 ? 2900 : 470 + ((i * 37) % 41)}`);
  }
  return rows.join('\n') + '\n';
}

test('monitor detect --json prints points, detector and the alerts of a live monitor (CONTRACTS §5)', async () => {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, 'latency.csv');
    writeFileSync(file, latencyCsv());
    const r = await runOpsdesk(['--data-dir', dir, 'monitor', 'detect', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { points: number; detector: string; alerts: Array<{ timestamp: string; score: number }> };
    assert.equal(out.points, 700);
    assert.equal(out.detector, 'opsdesk-combined');
    assert.deepEqual(out.alerts.map((a) => a.timestamp), ['2014-02-21 02:00:00']);
    assert.ok(out.alerts[0]!.score >= 0.5 && out.alerts[0]!.score <= 1);
  } finally {
    remove();
  }
});

test('monitor slo and the alert commands work end to end', async () => {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, 'counts.csv');
    const rows = ['time,good,total'];
    for (let i = 0; i < 120; i++) rows.push(`${new Date(Date.UTC(2026, 10, 27, 8, i)).toISOString()},${i >= 60 ? 970 : 1000},1000`);
    writeFileSync(file, rows.join('\n'));
    const slo = await runOpsdesk(['--data-dir', dir, '--json', 'monitor', 'slo', file, '--objective', '0.999', '--name', 'swap availability']);
    assert.equal(slo.code, 0, slo.stderr);
    const res = JSON.parse(slo.stdout) as { alerts: Array<{ severity: string; firedAt: string; rule: { longWindowMin: number } }>; budget: { bad: number } };
    assert.equal(res.budget.bad, 1800);
    // 3% errors from 09:00 (k minutes in). Ticket (3d+6h, 1×): 30k bad / (60,000 + 1,000k) ≥ 0.1% first at k = 3.
    // Page 6h+30m (6×): 30k / (1,000 (60 + k)) ≥ 0.6% at k = 15. Page 1h+5m (14.4×): 3% × k/60 ≥ 1.44% at k = 29.
    assert.deepEqual(res.alerts.map((a) => [a.severity, a.rule.longWindowMin, a.firedAt]), [
      ['ticket', 4320, '2026-11-27T09:03:00.000Z'],
      ['page', 360, '2026-11-27T09:15:00.000Z'],
      ['page', 60, '2026-11-27T09:29:00.000Z'],
    ]);
    const sil = await runOpsdesk(['--data-dir', dir, '--json', 'monitor', 'silence', '--match', 'chain=solana', '--for', '2h', '--reason', 'upgrade', '--maintenance']);
    assert.equal(sil.code, 0, sil.stderr);
    assert.equal((JSON.parse(sil.stdout) as { kind: string }).kind, 'maintenance');
    const list = await runOpsdesk(['--data-dir', dir, 'monitor', 'alerts']);
    assert.equal(list.stdout.trim(), 'No alerts.');
  } finally {
    remove();
  }
});

test('error: a bad CSV exits 2 naming the line; an unknown alert exits 3', async () => {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'timestamp,value\n2014-02-19 10:50:00,1\n2014-02-19 10:55:00,n/a\n');
    const r = await runOpsdesk(['--data-dir', dir, 'monitor', 'detect', file, '--json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.split('\n')[0], `opsdesk: ${file}, line 3: "n/a" is not a number.`);
    const ack = await runOpsdesk(['--data-dir', dir, 'monitor', 'ack', 'alr_missing']);
    assert.equal(ack.code, 3);
    assert.match(ack.stderr, /No alert alr_missing\./);
  } finally {
    remove();
  }
});

test('monitor add, list and remove store monitors for the scheduler', async () => {
  const { dir, remove } = tempDir();
  try {
    const added = await runOpsdesk(['--data-dir', dir, 'monitor', 'add', 'series', 'swap p95 polygon', '--measure', 'p95', '--service', 'swap-api', '--route', '/v1/swap', '--chain', 'polygon', '--every', '2m', '--severity', 'page', '--json']);
    assert.equal(added.code, 0, added.stderr);
    const m = JSON.parse(added.stdout) as { id: string; kind: string; intervalSec: number; spec: { measure: string; bucketSec: number } };
    assert.deepEqual([m.kind, m.intervalSec, m.spec.measure, m.spec.bucketSec], ['series', 120, 'p95', 60]);
    const http = await runOpsdesk(['--data-dir', dir, 'monitor', 'add', 'http', 'api health', '--url', 'http://127.0.0.1:1/health', '--spec', '{"check":{"expectStatus":[200,204]}}', '--json']);
    assert.equal(http.code, 0, http.stderr);
    const list = await runOpsdesk(['--data-dir', dir, 'monitor', 'list']);
    assert.match(list.stdout, /mon_\S+\s+http\s+every 60s\s+api health {2}— not run yet/);
    assert.match(list.stdout, /series\s+every 120s\s+swap p95 polygon/);
    const removed = await runOpsdesk(['--data-dir', dir, 'monitor', 'remove', 'api health']);
    assert.equal(removed.code, 0, removed.stderr);
    const bad = await runOpsdesk(['--data-dir', dir, 'monitor', 'add', 'series', 'x', '--every', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--every "soon" is not a duration\./);
    const missing = await runOpsdesk(['--data-dir', dir, 'monitor', 'remove', 'nope']);
    assert.equal(missing.code, 3);
  } finally {
    remove();
  }
});
