import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDbTelemetryStore } from '../duckdb/store.ts';
import { telemetryEvent, type TelemetryEvent } from '../event.ts';
import { SeriesQuery } from '../store.ts';
import { tempDir } from '../../../test/tmp.ts';

// The series query numbers buckets itself (integer arithmetic, or one constant bucket when the range
// fits in one); the buckets must be exactly DuckDB's time_bucket ones, whatever the range's alignment.

const event = (tsMs: number, route: string, durationMs: number): TelemetryEvent =>
  telemetryEvent({ tsMs, service: 'api', severity: 'info', isError: durationMs > 900, route, statusCode: 200, durationMs, chain: 'bsc' });

describe('series buckets', () => {
  const tmp = tempDir('opsdesk-buckets-');
  let store: DuckDbTelemetryStore;
  const base = Date.parse('2026-11-23T00:00:00Z');
  before(async () => {
    store = await DuckDbTelemetryStore.open({ file: join(tmp.dir, 't.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
    const events: TelemetryEvent[] = [];
    for (let i = 0; i < 3000; i++) events.push(event(base + i * 401_017, i % 3 ? '/a' : '/b', (i * 37) % 1000));
    await store.append(events);
  });
  after(async () => {
    await store.close();
    tmp.remove();
  });

  const cases: [string, string, string, number, string[]][] = [
    ['one bucket (a day, aligned)', '2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z', 86_400, []],
    ['one bucket (inside an hour)', '2026-11-24T10:07:00Z', '2026-11-24T10:41:00Z', 3600, ['route']],
    ['unaligned range, 5-minute buckets', '2026-11-24T10:07:13Z', '2026-11-24T13:02:00Z', 300, ['route']],
    ['7-hour buckets across days', '2026-11-23T05:00:00Z', '2026-11-26T00:00:00Z', 7 * 3600, []],
    ['weekly buckets (Monday)', '2026-11-20T00:00:00Z', '2026-12-06T00:00:00Z', 7 * 86_400, ['route']],
    ['empty range', '2026-12-20T00:00:00Z', '2026-12-21T00:00:00Z', 86_400, []],
    ['empty range, grouped', '2026-12-20T00:00:00Z', '2026-12-21T00:00:00Z', 300, ['route']],
  ];
  for (const [name, from, to, bucketSec, groupBy] of cases) {
    test(name, async () => {
      const q = SeriesQuery.parse({ from, to, bucketSec, groupBy, percentiles: ['p50', 'p95'] });
      const rows = await store.aggregateSeries(q);
      const expected = await store.read({
        sql: `SELECT strftime(time_bucket(to_microseconds(${bucketSec * 1_000_000}::BIGINT), ts), '%Y-%m-%dT%H:%M:%SZ') AS bucket${groupBy.length ? ', route' : ''}, count(*) AS n, count(*) FILTER (WHERE is_error) AS errors,
          quantile_cont(duration_ms, 0.5) AS p50, quantile_cont(duration_ms, 0.95) AS p95
          FROM events WHERE ts >= TIMESTAMP '${from.slice(0, 19)}' AND ts < TIMESTAMP '${to.slice(0, 19)}' GROUP BY ALL ORDER BY ALL`,
        params: [],
      });
      assert.deepEqual(
        rows.map((r) => ({ bucket: r.bucket, group: r.group, n: r.count, errors: r.errors, p50: r.p50Ms, p95: r.p95Ms })),
        expected.map((r) => ({ bucket: r.bucket, group: groupBy.length ? { route: r.route } : {}, n: Number(r.n), errors: Number(r.errors), p50: r.p50, p95: r.p95 })),
      );
      if (!name.startsWith('empty')) assert.ok(rows.length > 0);
    });
  }
});
