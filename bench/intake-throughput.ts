// Redaction + entity extraction throughput on 1 KB tickets, one core, against a baseline measured in
// the same run: JSON.parse of the same JSON-lines file plus one regex scan of each text.
// Usage: npx tsx bench/intake-throughput.ts [tickets=20000]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createChainRegistry } from '../src/chains/index.ts';
import { createEntityExtractor } from '../src/entities/index.ts';
import { redactText } from '../src/redaction/index.ts';
import { intakeTickets } from './intake-tickets.ts';

const count = Number(process.argv[2] ?? 20000);
const dir = join(import.meta.dirname, '.out');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'intake-tickets.jsonl');
writeFileSync(file, intakeTickets(count).map((t) => JSON.stringify(t)).join('\n') + '\n');
const raw = readFileSync(file, 'utf8');
const lines = raw.split('\n').filter(Boolean);
const extractor = await createEntityExtractor(createChainRegistry());
const scan = /0x[0-9a-fA-F]{64}|[13][1-9A-HJ-NP-Za-km-z]{25,34}/g;

function baseline(): number {
  let hits = 0;
  for (const line of lines) {
    const t = JSON.parse(line) as { text: string };
    for (const _ of t.text.matchAll(scan)) hits++;
  }
  return hits;
}
function pipeline(): number {
  let n = 0;
  for (const line of lines) {
    const t = JSON.parse(line) as { text: string };
    const r = redactText(t.text);
    const e = extractor.extract(r.text);
    n += r.redactions.length + e.txHashes.length + e.addresses.length;
  }
  return n;
}
// Wall time, and the process's CPU time: on a shared machine the CPU time is what one core spent.
function time(fn: () => number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}
const best = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });

// warm up both (JIT, wasm), then take the best of three runs each, interleaved
time(baseline);
time(pipeline);
let base = { wall: Infinity, cpu: Infinity };
let pipe = { wall: Infinity, cpu: Infinity };
for (let i = 0; i < 3; i++) {
  base = best(base, time(baseline));
  pipe = best(pipe, time(pipeline));
}
const n = lines.length;
const rate = (s: number) => Math.round(n / s).toLocaleString('en');
const avgBytes = Math.round(lines.reduce((a, l) => a + (JSON.parse(l) as { text: string }).text.length, 0) / n);
console.log(`intake throughput: ${n} tickets of ~${avgBytes} chars, one thread (best of 3); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
console.log(`baseline  JSON.parse + one regex scan : ${rate(base.wall)} tickets/s wall, ${rate(base.cpu)} tickets/s per CPU-second`);
console.log(`pipeline  redaction + entities        : ${rate(pipe.wall)} tickets/s wall, ${rate(pipe.cpu)} tickets/s per CPU-second`);
console.log(`ratio pipeline/baseline: ${(base.wall / pipe.wall).toFixed(4)} wall, ${(base.cpu / pipe.cpu).toFixed(4)} CPU (the pipeline costs ${(pipe.cpu / base.cpu).toFixed(0)}x the baseline)`);
