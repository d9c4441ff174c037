import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { ingestFiles, openTelemetry } from '../index.ts';
import { tempDir } from '../../../test/tmp.ts';

const clock = manualClock('2026-11-27T12:00:00Z');
const start = Date.parse('2026-11-27T10:00:00Z');

// Bad lines spread over many small chunks: worker threads must reject and number them exactly as the
// single-threaded reader does, and store every good row.
test('behavior: worker-thread ingest rejects bad lines one by one with their file line numbers, like one thread', async () => {
  const tmp = tempDir('opsdesk-tel-par-');
  try {
    const parts: Buffer[] = [];
    let good = 0;
    for (let i = 0; i < 3000; i++) {
      if (i % 97 === 5) parts.push(Buffer.from('{"timestamp": "2026-11-27T10:00:00Z", broken\n'));
      else if (i % 131 === 7) parts.push(Buffer.concat([Buffer.from('{"timestamp":"2026-11-27T10:00:00Z","message":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
      else if (i % 149 === 9) parts.push(Buffer.from(JSON.stringify({ message: 'no time', seq: i }) + '\n'));
      else if (i % 211 === 3) parts.push(Buffer.from('\n'));
      else {
        parts.push(Buffer.from(JSON.stringify({ timestamp: new Date(start + i).toISOString(), route: '/v1/quote', status: 200, message: `handled ${'x'.repeat(i % 40)}`, seq: i, long: 'é'.repeat(i % 30) }) + '\n'));
        good++;
      }
    }
    parts.push(Buffer.from(JSON.stringify({ timestamp: new Date(start + 5000).toISOString(), seq: 'last, no newline' })));
    good++;
    const file = join(tmp.dir, 'mixed.jsonl');
    writeFileSync(file, Buffer.concat(parts));

    const run = async (threads: number) => {
      const t = await openTelemetry(Config.parse({ dataDir: join(tmp.dir, `t${threads}`) }), clock);
      try {
        const report = await ingestFiles(t.store, [file], { limits: t.limits, scrub: t.scrub, clock, threads, parallelMinBytes: 0, chunkBytes: 8 * 1024, batchRows: 500, flatMinBytes: Infinity });
        const rows = await t.events({ from: new Date(start - 1000), to: new Date(start + 60_000), limit: 10_000, order: 'asc' });
        return { report, rows: rows.map((r) => ({ ...r, attrs: JSON.stringify(r.attrs) })) };
      } finally {
        await t.close();
      }
    };
    const one = await run(1);
    const two = await run(2);
    assert.equal(two.report.ingested, good);
    assert.ok(two.report.rejected > 40, `rejected ${two.report.rejected}`);
    assert.deepEqual(two.report.rejections, one.report.rejections);
    assert.equal(two.report.rejected, one.report.rejected);
    assert.deepEqual(two.report.adjustments, one.report.adjustments);
    assert.equal(two.rows.length, good);
    assert.deepEqual(two.rows, one.rows);
    const lines = two.report.rejections.map((r) => r.line);
    assert.ok(lines.includes(6) && lines.includes(8) && lines.includes(10), `lines ${lines.slice(0, 5).join(',')}`);
  } finally {
    tmp.remove();
  }
});
