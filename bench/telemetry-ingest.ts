// Ingest benchmark: `opsdesk telemetry ingest` of 1,000,000 JSON-lines events against DuckDB's own
// read_json of the same file into a table (the baseline, measured in the same run).
// Run: node --import tsx bench/telemetry-ingest.ts [events=1000000] [threads=cores] [all]  (threads 1: no worker threads; all: also the ordinary pipeline)
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

  // What `opsdesk telemetry ingest` runs (the store reads a flat file of one shape itself), then the
  // same with the optional ART index on user_id, and (argument `all`) the ordinary line-by-line pipeline.
  const runs = [
    { label: 'opsdesk ingest (store reads the file; default settings)', config: {}, options: {} },
    { label: 'opsdesk ingest, telemetry.userIndex: true (ART index on user_id)', config: { userIndex: true }, options: {} },
    ...(process.argv[4] === 'all' ? [{ label: 'opsdesk ingest, ordinary pipeline (worker threads)', config: {}, options: { flatMinBytes: Infinity } }] : []),
  ];
  const results: { label: string; sec: number; cpu: number; rss: number }[] = [];
  for (const [i, run] of runs.entries()) {
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const telemetry = await openTelemetry(Config.parse({ dataDir: join(dir, `ours-${i}`), telemetry: run.config }), systemClock);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const report = await ingestFiles(telemetry.store, [file], { limits: telemetry.limits, scrub: telemetry.scrub, clock: systemClock, threads, ...run.options });
    results.push({ label: run.label, sec: (performance.now() - t0) / 1000, cpu: cpuSec(process.cpuUsage(c0)), rss: peakRss });
    clearInterval(sampler);
    await telemetry.close();
    if (report.ingested !== n) throw new Error(`ingested ${report.ingested} of ${n}`);
  }

  const db = await DuckDBInstance.create(join(dir, 'baseline.duckdb'), { threads: '2', memory_limit: '512MB' });
  const conn = await db.connect();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await conn.run(`CREATE TABLE events AS SELECT * FROM read_json('${file}', format = 'newline_delimited')`);
  await conn.run('CHECKPOINT');
  const baseSec = (performance.now() - t0) / 1000;
  const baseCpu = cpuSec(process.cpuUsage(c0));
  conn.closeSync();
  db.closeSync();

  console.log(`baseline DuckDB read_json into a table: ${baseSec.toFixed(2)} s = ${Math.round(n / baseSec)} events/s, ${baseCpu.toFixed(1)} CPU-s`);
  for (const r of results) {
    const ratio = baseSec / r.sec;
    console.log(`${r.label}: ${r.sec.toFixed(2)} s = ${Math.round(n / r.sec)} events/s, ${r.cpu.toFixed(1)} CPU-s, peak RSS ${(r.rss / 2 ** 20).toFixed(0)} MiB`);
    console.log(`  throughput ratio (ours / baseline): ${ratio.toFixed(2)}x (target >= 0.5x, stretch 0.8x) ${ratio >= 0.5 ? 'PASS' : 'FAIL'}; CPU ratio ${(baseCpu / r.cpu).toFixed(2)}x; RSS < 1 GiB ${r.rss < 2 ** 30 ? 'PASS' : 'FAIL'}`);
  }
  console.log(`load average after the run: ${loadavg()[0]!.toFixed(1)} (wall ratios on a loaded machine swing with the load; the CPU ratio much less)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
