import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
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
    const c = startChild(tmp.dir, file, 'flat', (line) => {
      if (line === 'start') setTimeout(() => c.proc.exitCode === null && process.kill(c.proc.pid!, 'SIGKILL'), delayMs);
    });
    await c.exited;
    const { acked, done, stderr } = c;
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

interface Child {
  proc: ChildProcess;
  /** Rows the child reported durable (`ack N`), and whether it printed `done`. */
  acked: number;
  done: boolean;
  stderr: string;
  exited: Promise<NodeJS.Signals | null>;
}

/** Starts the ingesting child; `onLine` sees each line it prints, after `acked` and `done` are updated. */
function startChild(dataDir: string, file: string, mode: 'single' | 'parallel' | 'flat', onLine: (line: string) => void): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const c: Child = { proc, acked: 0, done: false, stderr: '', exited: new Promise((resolve) => proc.on('exit', (_code, signal) => resolve(signal))) };
  proc.stderr.on('data', (d: Buffer) => (c.stderr += d.toString()));
  let buf = '';
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const m = /^ack (\d+)$/.exec(line);
      if (m) c.acked = Number(m[1]);
      if (line === 'done') c.done = true;
      onLine(line);
    }
  });
  return c;
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

    const c = startChild(tmp.dir, file, mode, () => {
      if (c.acked >= 20_000 && c.proc.exitCode === null && !c.proc.killed) process.kill(c.proc.pid!, 'SIGKILL');
    });
    const signal = await c.exited;
    const { acked, done, stderr } = c;
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
