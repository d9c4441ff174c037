import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TelemetryEvent } from '../event.ts';
import { InsertBatcher } from './batcher.ts';
import { lit } from './literal.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ tsMs: i }) as TelemetryEvent);

test('batcher: small appends wait for the interval and go as one INSERT; big ones flush at once, split at maxRows', async () => {
  const inserts: number[] = [];
  const b = new InsertBatcher({ minRows: 100, maxRows: 250, maxDelayMs: 40 }, async (_e, from, to) => void inserts.push(to - from));
  const t0 = Date.now();
  await Promise.all([b.append(rows(10)), b.append(rows(20))]);
  assert.deepEqual(inserts, [30]);
  assert.ok(Date.now() - t0 >= 35, 'waited for the flush interval');
  inserts.length = 0;
  await b.append(rows(600));
  assert.deepEqual(inserts, [250, 250, 100]);
});

test('error: a failed INSERT rejects every append in it, and later appends still go', async () => {
  let fail = true;
  const b = new InsertBatcher({ minRows: 5, maxRows: 100, maxDelayMs: 1000 }, async () => {
    if (fail) throw new Error('server down');
  });
  const results = await Promise.allSettled([b.append(rows(2)), b.append(rows(3))]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  await b.append(rows(5));
});

test('behavior: query values become escaped literals, never raw SQL', () => {
  assert.equal(lit.str("x' OR '1'='1"), "'x\\' OR \\'1\\'=\\'1'");
  assert.equal(lit.str('a\\'), "'a\\\\'");
  assert.equal(lit.int(42), '42');
  assert.throws(() => lit.int(1.5));
  assert.throws(() => lit.num(Number.NaN));
  assert.throws(() => lit.int(Number('1; DROP TABLE events')));
});
