import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';
import { DemoWorkspaceRefusedError } from '../errors.ts';
import { openDemoWorkspace, resetDemo } from '../workspace.ts';

const check = (dataDir: string) => ({ dataDir, sqliteFile: 'opsdesk.sqlite' });

test('a demo workspace lives in <dataDir>/demo with a marker and a random admin password', () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    const ws = openDemoWorkspace(check(dir));
    assert.equal(ws.dir, join(dir, 'demo'));
    assert.equal(ws.fresh, true);
    assert.match(ws.marker.adminPassword, /^demo-[\w-]{12}$/);
    const onDisk = JSON.parse(readFileSync(join(dir, 'demo', 'opsdesk-demo.json'), 'utf8')) as { pid: number };
    assert.equal(onDisk.pid, process.pid);
    const other = openDemoWorkspace(check(dir));
    assert.notEqual(other.marker.adminPassword, ws.marker.adminPassword, 'an unfinished (never seeded) demo is started afresh');
    other.update({ seededAt: new Date().toISOString() });
    const again = openDemoWorkspace(check(dir));
    assert.equal(again.fresh, false);
    assert.equal(again.marker.adminPassword, other.marker.adminPassword, 'a seeded demo keeps its data and password');
  } finally {
    remove();
  }
});

test('behavior: demo reset deletes the demo folder and nothing else', () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const ws = openDemoWorkspace(check(dir));
    ws.update({ pid: null });
    writeFileSync(join(ws.dir, 'opsdesk.sqlite'), 'demo db');
    assert.deepEqual(resetDemo({ dataDir: dir }), { dir: ws.dir, removed: true });
    assert.equal(existsSync(ws.dir), false);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'keep me');
    assert.deepEqual(resetDemo({ dataDir: dir }), { dir: ws.dir, removed: false }, 'nothing to reset is not an error');
  } finally {
    remove();
  }
});

test('error: the demo refuses a data dir holding a real workspace or a PostgreSQL url', () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    writeFileSync(join(dir, 'opsdesk.sqlite'), 'real workspace');
    assert.throws(() => openDemoWorkspace(check(dir)), (e: unknown) => e instanceof DemoWorkspaceRefusedError && /holds a real workspace/.test(e.message) && e.code === 'CONFLICT');
    assert.equal(existsSync(join(dir, 'demo')), false, 'nothing was created');
    const empty = tempDir('opsdesk-demo-ws-');
    try {
      assert.throws(() => openDemoWorkspace({ ...check(empty.dir), databaseUrl: 'postgres://u@h/db' }), /PostgreSQL/);
    } finally {
      empty.remove();
    }
  } finally {
    remove();
  }
});

test('error: a demo folder without the marker is neither used nor deleted', () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'precious.txt'), 'not demo data');
    assert.throws(() => openDemoWorkspace(check(dir)), /not demo data/);
    assert.throws(() => resetDemo({ dataDir: dir }), DemoWorkspaceRefusedError);
    assert.equal(readFileSync(join(dir, 'demo', 'precious.txt'), 'utf8'), 'not demo data');
  } finally {
    remove();
  }
});

test('error: reset refuses while a live process serves the demo', () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    const ws = openDemoWorkspace(check(dir));
    ws.update({ pid: process.ppid });
    assert.throws(() => resetDemo({ dataDir: dir }), new RegExp(`process ${process.ppid} is serving`));
    assert.ok(existsSync(ws.dir));
    assert.throws(() => openDemoWorkspace(check(dir)), /already being served/);
  } finally {
    remove();
  }
});

test('behavior: `opsdesk demo reset` on the command line, and its refusal', async () => {
  const { dir, remove } = tempDir('opsdesk-demo-ws-');
  try {
    const ws = openDemoWorkspace(check(dir));
    ws.update({ pid: null });
    const ok = await runOpsdesk(['--data-dir', dir, 'demo', 'reset']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Deleted the demo data/);
    assert.equal(existsSync(ws.dir), false);
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'opsdesk.sqlite'), 'a real database someone put here');
    const refused = await runOpsdesk(['--data-dir', dir, 'demo', 'reset']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Refusing to reset/);
    assert.ok(existsSync(join(dir, 'demo', 'opsdesk.sqlite')));
  } finally {
    remove();
  }
});
