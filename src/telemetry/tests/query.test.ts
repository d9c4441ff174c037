import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { queryFromParams } from '../index.ts';

// The queries themselves run against every store in store-contract.ts; this is the parsing of HTTP/CLI parameters.
const clock = manualClock('2026-11-27T12:00:00Z');

test('query parameters parse relative times, filters and group keys', () => {
  const p = queryFromParams('top', { from: 'now-2h', by: 'rpcProvider', 'where.chain': 'bsc', errorsOnly: 'true', limit: '3' }, clock.now());
  assert.equal(p.kind, 'top');
  if (p.kind !== 'top') return;
  assert.equal(p.query.from.toISOString(), '2026-11-27T10:00:00.000Z');
  assert.deepEqual(p.query.where, { chain: 'bsc' });
  assert.equal(p.query.errorsOnly, true);
  assert.equal(p.query.n, 3);
});

test('error: group keys that are not fields or attribute names are refused, never spliced into SQL', () => {
  assert.throws(() => queryFromParams('series', { groupBy: 'route; DROP TABLE events' }, clock.now()), /Invalid telemetry query/);
  assert.throws(() => queryFromParams('series', { groupBy: 'attr.a") OR 1=1 --' }, clock.now()), /Invalid telemetry query/);
});

test('error: a limit over the maximum is refused', () => {
  assert.throws(() => queryFromParams('events', { limit: '100000' }, clock.now()), /Invalid telemetry query/);
});
