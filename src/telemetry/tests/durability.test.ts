import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Config, systemClock } from '../../core/index.ts';
import { openTelemetry } from '../index.ts';
import { tempDir } from '../../../test/tmp.ts';

const child = fileURLToPath(new URL('./fixtures/ingest-child.ts', import.meta.url));

test('behavior: kill -9 during ingest loses nothing that was acknowledged', () => killMidIngest('single'));

test('behavior: kill -9 during a worker-thread ingest loses nothing that was acknowledged', () => killMidIngest('parallel'));

test('behavior: kill -9 while the store reads the file itself stores all of its lines or none, and loses nothing acknowledged', async () => {
  // Killed at different moments of the load: inside the insert (nothing committed) or among the
  // deviating lines after it (the load is acknowledged; the pipeline's batches follow).
  for (const delayMs of [150, 600, 1500]) await killFlatLoad(delayMs);
});

async function killFlatLoad(delayMs: number): Promise<void> {
  const tmp = tempDir('opsdesk-tel-kill-flat-');
  try {
    const total = 200_000;
    const start = Date.now() - 3600_000;
    const rows: string[] = [];
    let planned = 0;
    for (let i = 0; i < total; i++) {
      const e = { timestamp: new Date(start + i).toISOString(), userId: `u${i % 500}`, route: '/v1/quote', status: 200, seq: i };
      // Every tenth line has an extra key: those go through the ordinary pipeline after the load.
      if (i % 10 === 9) rows.push(JSON.stringify({ ...e, extra: true }));
      else {
        rows.push(JSON.stringify(e));
        planned++;
      }
    }
    const file = join(tmp.dir, 'events.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');
    const proc = spawn(process.execPath, ['--import', 'tsx', child, tmp.dir, file, 'flat'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let done = false;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked = Number(m[1]);
        if (line === 'done') done = true;
        if (line === 'start') setTimeout(() => proc.exitCode === null && process.kill(proc.pid!, 'SIGKILL'), delayMs);
      }
    });
    await exited;
    assert.ok(!done || acked === total, stderr);
    const t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), systemClock);
    try {
      const st = await t.store.stats();
      assert.ok(st.rows >= acked, `${st.rows} rows after restart, ${acked} were acknowledged`);
      // The store's load is one transaction: all of its lines or none, and the rest only in acknowledged batches.
      assert.ok(st.rows === 0 || st.rows >= planned, `${st.rows} rows: a partial load (${planned} lines are the file's own shape)`);
      if (acked > 0) assert.ok(acked >= planned, `the first acknowledgement (${acked}) covers the whole load`);
      if (st.rows > 0) {
        const dup = await t.top({ from: new Date(start - 1000), to: new Date(start + total + 1000), by: 'attr.seq', n: 1, rankBy: 'count' });
        assert.equal(dup[0]!.count, 1, 'no row was stored twice');
      }
    } finally {
      await t.close();
    }
  } finally {
    tmp.remove();
  }
}

async function killMidIngest(mode: 'single' | 'parallel'): Promise<void> {
  const tmp = tempDir('opsdesk-tel-kill-');
  try {
    const total = 150_000;
    const start = Date.now() - 3600_000;
    const rows: string[] = [];
    for (let i = 0; i < total; i++) rows.push(JSON.stringify({ timestamp: new Date(start + i).toISOString(), userId: `u${i % 500}`, route: '/v1/quote', status: 200, seq: i }));
    const file = join(tmp.dir, 'events.jsonl');
    writeFileSync(file, rows.join('\n') + '\n');

    const proc = spawn(process.execPath, ['--import', 'tsx', child, tmp.dir, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let done = false;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve) => {
      let buf = '';
      proc.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const m = /^ack (\d+)$/.exec(line);
          if (m) acked = Number(m[1]);
          if (line === 'done') done = true;
          if (acked >= 20_000 && proc.exitCode === null && !proc.killed) {
            process.kill(proc.pid!, 'SIGKILL');
            resolve();
          }
        }
      });
      proc.on('exit', () => resolve());
    });
    const signal = await exited;
    assert.equal(done, false, 'the child finished before it could be killed; make the file larger');
    assert.equal(signal, 'SIGKILL', stderr);
    assert.ok(acked >= 20_000 && acked < total, `acknowledged ${acked}`);

    const t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), systemClock);
    try {
      const st = await t.store.stats();
      assert.ok(st.rows >= acked, `${st.rows} rows after restart, ${acked} were acknowledged`);
      // Rows are acknowledged in file order and row i has time start + i ms: every one of the first `acked` must be back.
      const ackedRange = await t.series({ from: new Date(start), to: new Date(start + acked), bucketSec: 86400 * 7, groupBy: [], limit: 10 });
      assert.equal(ackedRange.reduce((s, r) => s + r.count, 0), acked);
      const dup = await t.top({ from: new Date(start - 1000), to: new Date(start + total + 1000), by: 'attr.seq', n: 1, rankBy: 'count' });
      assert.equal(dup[0]!.count, 1, 'no row was stored twice');
      const missing = await t.events({ from: new Date(start - 1000), to: new Date(start + acked), limit: 10_000, order: 'asc' });
      assert.equal(missing.length, Math.min(acked, 10_000));
      const first = new Set(missing.map((e) => e.attrs.seq));
      for (let i = 0; i < Math.min(acked, 10_000); i++) assert.ok(first.has(i), `acknowledged row ${i} is missing`);
    } finally {
      await t.close();
    }
  } finally {
    tmp.remove();
  }
}
