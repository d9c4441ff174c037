import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { openTelemetry } from '../index.ts';
import { tempDir } from '../../../test/tmp.ts';

test('retention deletes events older than retentionDays', async () => {
  const tmp = tempDir('opsdesk-tel-ret-');
  const clock = manualClock('2026-11-27T12:00:00Z');
  const t = await openTelemetry(Config.parse({ dataDir: tmp.dir, telemetry: { retentionDays: 7 } }), clock);
  try {
    const file = join(tmp.dir, 'r.jsonl');
    const rows = [];
    for (let d = 0; d < 10; d++) rows.push(JSON.stringify({ timestamp: new Date(Date.UTC(2026, 10, 27 - d, 6)).toISOString(), userId: 'u', day: d }));
    writeFileSync(file, rows.join('\n'));
    assert.equal((await t.ingestFiles([file])).ingested, 10);
    const res = await t.applyRetention();
    assert.equal(res.deletedRows, 3);
    const left = await t.events({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-28T00:00:00Z'), limit: 100, order: 'asc' });
    assert.deepEqual(left.map((e) => e.attrs.day), [6, 5, 4, 3, 2, 1, 0]);
  } finally {
    await t.close();
    tmp.remove();
  }
});

test('behavior: retention deletes the oldest events when the file is over maxBytes', async () => {
  const tmp = tempDir('opsdesk-tel-size-');
  const clock = manualClock('2026-11-27T12:00:00Z');
  const t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), clock);
  try {
    const file = join(tmp.dir, 's.jsonl');
    const rows = [];
    for (let i = 0; i < 20_000; i++) rows.push(JSON.stringify({ timestamp: new Date(Date.UTC(2026, 10, 27, 0, 0, i)).toISOString(), userId: `u${i}`, message: `event ${i} ${'x'.repeat(i % 50)}` }));
    writeFileSync(file, rows.join('\n'));
    await t.ingestFiles([file]);
    const before = await t.store.stats();
    const res = await t.store.applyRetention({ maxAgeDays: 365, maxBytes: Math.floor(before.bytes / 2) }, clock.now());
    assert.ok(res.deletedRows > 0 && res.deletedRows < 20_000, `deleted ${res.deletedRows}`);
    const after = await t.store.stats();
    assert.equal(after.rows, 20_000 - res.deletedRows);
    assert.ok(after.oldest! > before.oldest!, 'the oldest events went first');
    assert.equal(after.newest, before.newest);
  } finally {
    await t.close();
    tmp.remove();
  }
});
