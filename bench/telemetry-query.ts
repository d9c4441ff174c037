// Query benchmark over 10,000,000 events: error rate and p95 by route x chain through the query API
// against the equivalent hand-written DuckDB SQL on the same connection, and one user's events.
// A third argument `index` adds the optional ART index on user_id (telemetry.userIndex: true).
// Run: node --import tsx bench/telemetry-query.ts [events=10000000]
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, systemClock } from '../src/core/index.ts';
import { openTelemetry, type DuckDbTelemetryStore } from '../src/telemetry/index.ts';
import { userKeySql } from '../src/telemetry/duckdb/user-key.ts';
import { medianMs } from './timing.ts';

const n = Number(process.argv[2] ?? 10_000_000);
const runs = 7;
const day = Date.UTC(2026, 10, 26);
const dir = mkdtempSync(join(tmpdir(), 'opsdesk-bench-query-'));

const time = (fn: () => Promise<unknown>) => medianMs(fn, runs);

try {
  // The schema comes from the store; the rows are generated inside DuckDB (the ingest path has its own benchmark).
  const first = await openTelemetry(Config.parse({ dataDir: dir, telemetry: { userIndex: process.argv[3] === 'index' } }), systemClock);
  await first.close();
  const db = await DuckDBInstance.create(join(dir, 'telemetry.duckdb'), { threads: '2', memory_limit: '1GB' });
  const conn = await db.connect();
  const t0 = performance.now();
  await conn.run(`INSERT INTO events
    SELECT make_timestamp(${day * 1000}::BIGINT + (i * 86400000000 // ${n})) AS ts, 'log', 'wallet-api',
      CASE WHEN h % 100 < 2 THEN 'error' ELSE 'info' END, h % 100 < 2,
      NULL, ['/v1/quote','/v1/swap','/v1/balance','/v1/tx/send','/v1/tx/status','/v1/nft/list','/v1/price','/v1/fees'][1 + (h // 7) % 8],
      CASE WHEN h % 100 < 2 THEN 500 ELSE 200 END, ((h // 13) % 2000) / 10.0,
      ['ethereum','bsc','polygon','arbitrum','optimism','base','solana','tron','bitcoin','avalanche'][1 + (h // 101) % 10],
      ['9.1.0','9.1.1','9.1.2','9.2.0','9.2.1'][1 + (h // 1009) % 5], ['ios','android','extension'][1 + (h // 10007) % 3],
      ['US','BR','IN','DE','NG','VN','TR','ID'][1 + (h // 100003) % 8], ['alchemy','infura','quicknode','ankr','self'][1 + (h // 1000003) % 5],
      'u' || (h % 1000000), 'd' || (h % 1000000), NULL, NULL, NULL, NULL, NULL, NULL, 'handled request', '{}', ${userKeySql("'u' || (h % 1000000)")}
    FROM (SELECT i, (hash(i) % 1000000007)::BIGINT AS h FROM range(${n}) t(i))`);
  await conn.run('CHECKPOINT');
  conn.closeSync();
  db.closeSync();
  console.log(`generated ${n} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const t = await openTelemetry(Config.parse({ dataDir: dir, telemetry: { userIndex: process.argv[3] === 'index' } }), systemClock);
  const store = t.store as DuckDbTelemetryStore;
  const from = new Date(day);
  const to = new Date(day + 86_400_000);
  const apiP95 = await time(() => t.series({ from, to, bucketSec: 86_400, groupBy: ['route', 'chain'], percentiles: ['p95'], limit: 10_000 }));
  const api = await time(() => t.series({ from, to, bucketSec: 86_400, groupBy: ['route', 'chain'], limit: 10_000 }));
  const handP95 = await time(() =>
    store.read({
      sql: `SELECT route, chain, count(*) AS n, count(*) FILTER (WHERE is_error) / count(*) AS error_rate, quantile_cont(duration_ms, 0.95) AS p95
            FROM events WHERE ts >= TIMESTAMP '2026-11-26 00:00:00' AND ts < TIMESTAMP '2026-11-27 00:00:00' GROUP BY route, chain ORDER BY route, chain`,
      params: [],
    }),
  );
  const handSame = await time(() =>
    store.read({
      sql: `SELECT time_bucket(INTERVAL 1 DAY, ts) AS bucket, route, chain, count(*) AS n, count(*) FILTER (WHERE is_error) AS errors, quantile_cont(duration_ms, [0.5, 0.95, 0.99]) AS q
            FROM events WHERE ts >= TIMESTAMP '2026-11-26 00:00:00' AND ts < TIMESTAMP '2026-11-27 00:00:00' GROUP BY ALL ORDER BY ALL`,
      params: [],
    }),
  );
  const user = await time(() => t.events({ from, to, userId: 'u4242', limit: 200, order: 'desc' }));
  const rows = (await t.events({ from, to, userId: 'u4242', limit: 200, order: 'desc' })).length;
  await t.close();

  console.log(`error rate + p95 by route x chain: series API ${apiP95.toFixed(1)} ms, hand-written SQL ${handP95.toFixed(1)} ms (medians of ${runs}): ratio ${(apiP95 / handP95).toFixed(2)}x (target <= 1.2x) ${apiP95 / handP95 <= 1.2 ? 'PASS' : 'FAIL'}`);
  console.log(`error rate + p50/p95/p99 by route x chain: series API ${api.toFixed(1)} ms, hand-written SQL ${handSame.toFixed(1)} ms: ratio ${(api / handSame).toFixed(2)}x (target <= 1.2x) ${api / handSame <= 1.2 ? 'PASS' : 'FAIL'}`);
  console.log(`events of one user (${rows} rows of ${n}): ${user.toFixed(1)} ms (target <= 50 ms) ${user <= 50 ? 'PASS' : 'FAIL'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
