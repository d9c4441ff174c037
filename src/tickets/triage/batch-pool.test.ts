import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../../../test/tmp.ts';
import { triageJsonLines } from './batch-pool.ts';

const lines = [
  '{"id":"a","text":"my crypto card was charged twice"}',
  '',
  'not json',
  '{"id":"b","text":"my swap failed on bsc"}',
  '{"id":"c"}',
  '{"id":"d","text":"legal winner thank year wave sausage worth useful legal winner thank yellow"}',
];

test('triages lines on worker threads in input order, the same as on one thread', async () => {
  const tmp = tempDir();
  try {
    const run = async (threads: number) => {
      let out = '';
      const counts = await triageJsonLines(lines, { dataDir: tmp.dir, threads, chunkLines: 1, minParallelLines: 0 }, (t) => (out += t));
      return { out, counts };
    };
    const serial = await run(1);
    const parallel = await run(2);
    assert.equal(parallel.out, serial.out);
    assert.deepEqual(parallel.counts, { ok: 3, rejected: 2 });
    const rows = parallel.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { id?: string; line?: number; error?: string; redactedText?: string });
    assert.deepEqual(rows.map((r) => r.id ?? r.line), ['a', 3, 'b', 'c', 'd']);
    assert.equal(rows[3]!.line, 5);
    assert.match(rows[3]!.error!, /neither/);
    assert.ok(!rows[4]!.redactedText!.includes('sausage'));
  } finally {
    tmp.remove();
  }
});
