// Ingest benchmark: `opsdesk telemetry ingest` of 1,000,000 JSON-lines events against DuckDB's own
// read_json of the same file into a table (the baseline, measured in the same run).
// Run: node --import tsx bench/telemetry-ingest.ts [events=1000000] [threads=cores]  (threads 1: no worker threads)
// CPU seconds come from process.cpuUsage(), which counts every thread of the process (the ingest's
// worker threads and DuckDB's own threads included), so the CPU ratio compares the total work done.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, systemClock } from '../src/core/index.ts';
import { ingestFiles, openTelemetry } from '../src/telemetry/index.ts';
import { writeJsonl } from './telemetry-data.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const threads = Number(process.argv[3] ?? availableParallelism());
const cpuSec = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const dir = mkdtempSync(join(tmpdir(), 'opsdesk-bench-ingest-'));
try {
  const file = join(dir, 'events.jsonl');
  await writeJsonl(file, n, { startMs: Date.now() - 2 * 86_400_000, users: 100_000 });
  console.log(`input: ${n} events, ${(statSync(file).size / 1e6).toFixed(0)} MB; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} (ingest threads: ${threads})`);

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const ours = join(dir, 'ours');
  const telemetry = await openTelemetry(Config.parse({ dataDir: ours }), systemClock);
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  // What `telemetry.ingestFiles` runs, with the thread count of the command line.
  const report = await ingestFiles(telemetry.store, [file], { limits: telemetry.limits, scrub: telemetry.scrub, clock: systemClock, threads });
  const oursSec = (performance.now() - t0) / 1000;
  const oursCpu = cpuSec(process.cpuUsage(c0));
  clearInterval(sampler);
  await telemetry.close();
  if (report.ingested !== n) throw new Error(`ingested ${report.ingested} of ${n}`);

  const db = await DuckDBInstance.create(join(dir, 'baseline.duckdb'), { threads: '2', memory_limit: '512MB' });
  const conn = await db.connect();
  t0 = performance.now();
  c0 = process.cpuUsage();
  await conn.run(`CREATE TABLE events AS SELECT * FROM read_json('${file}', format = 'newline_delimited')`);
  await conn.run('CHECKPOINT');
  const baseSec = (performance.now() - t0) / 1000;
  const baseCpu = cpuSec(process.cpuUsage(c0));
  conn.closeSync();
  db.closeSync();

  const ratio = baseSec / oursSec;
  console.log(`opsdesk ingest (parse, redact, map, append, durable): ${oursSec.toFixed(2)} s = ${Math.round(n / oursSec)} events/s`);
  console.log(`baseline DuckDB read_json into a table:               ${baseSec.toFixed(2)} s = ${Math.round(n / baseSec)} events/s`);
  console.log(`throughput ratio (ours / baseline): ${ratio.toFixed(2)}x  (target >= 0.5x, stretch 0.8x) ${ratio >= 0.5 ? 'PASS' : 'FAIL'}`);
  console.log(`CPU seconds (all threads): ours ${oursCpu.toFixed(1)}, baseline ${baseCpu.toFixed(1)}; CPU ratio ${(baseCpu / oursCpu).toFixed(2)}x (load-independent: work done per event, baseline / ours)`);
  console.log(`load average after the run: ${loadavg()[0]!.toFixed(1)} (wall ratios on a loaded machine swing with the load; the CPU ratio much less)`);
  console.log(`peak RSS while ingesting: ${(peakRss / 2 ** 20).toFixed(0)} MiB (target < 1024 MiB) ${peakRss < 2 ** 30 ? 'PASS' : 'FAIL'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
