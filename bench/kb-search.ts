// KB search latency on a large corpus: generates N articles (default 10,000) by recombining the
// sentences, tags, chains and finding codes of the starter KB, then times searchKb against a naive
// baseline (substring scan of every article for every query word) on the same queries, same run.
// Usage: npx tsx bench/kb-search.ts [--articles 10000] [--queries 2000] [--seed 7]
import { readdirSync, readFileSync } from 'node:fs';
import { parseArticle, buildKbIndex, searchKb, type StoredArticle } from '../src/kb/index.ts';
import { qualityQueries } from '../src/kb/tests/quality-queries.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const nArticles = arg('articles', 10_000);
const nQueries = arg('queries', 2_000);
let seed = arg('seed', 7);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const dir = new URL('../kb/', import.meta.url);
const starter = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => parseArticle(readFileSync(new URL(f, dir), 'utf8'), f));
const sentences = starter.flatMap((a) => a.body.split(/(?<=[.!?])\s+|\n{2,}/).map((s) => s.trim()).filter((s) => s.length > 30 && !s.startsWith('#')));
const tags = [...new Set(starter.flatMap((a) => a.tags))];
const chains = [...new Set(starter.flatMap((a) => a.chains))];
const codes = [...new Set(starter.flatMap((a) => a.findingCodes))];
const titleWords = [...new Set(starter.flatMap((a) => a.title.split(/\s+/)))];

const articles: StoredArticle[] = [];
for (let i = 0; i < nArticles; i++) {
  const base = starter[i % starter.length]!;
  const body = ['## Summary', '', ...Array.from({ length: 6 }, () => pick(sentences)), '', '## Reply (en)', '', ...Array.from({ length: 14 }, () => pick(sentences)), '', '## Diagnosis (internal)', '', ...Array.from({ length: 8 }, () => pick(sentences))].join('\n');
  articles.push({
    ...base,
    slug: `${base.slug}-${i}`,
    title: `${Array.from({ length: 5 }, () => pick(titleWords)).join(' ')} ${i}`,
    tags: Array.from({ length: 6 }, () => pick(tags)),
    chains: Array.from({ length: 2 }, () => pick(chains)),
    findingCodes: Array.from({ length: 2 }, () => pick(codes)),
    body,
    version: 1,
    contentHash: String(i),
    updatedAt: '2026-11-27T00:00:00Z',
    updatedBy: null,
  });
}
const queries = Array.from({ length: nQueries }, (_, i) => qualityQueries[i % qualityQueries.length]!);

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const haystacks = articles.map((a) => fold(`${a.title} ${a.tags.join(' ')} ${a.body}`));
function naive(query: string, limit: number): string[] {
  const words = fold(query).match(/[a-z0-9]{3,}/g) ?? [];
  const scored: Array<[number, number]> = [];
  for (let d = 0; d < haystacks.length; d++) {
    let s = 0;
    for (const w of words) if (haystacks[d]!.includes(w)) s++;
    if (s) scored.push([s, d]);
  }
  scored.sort((a, b) => b[0] - a[0]);
  return scored.slice(0, limit).map(([, d]) => articles[d]!.slug);
}

interface Timings {
  wall: number[];
  cpu: number[];
}
function time(run: (q: (typeof queries)[number]) => unknown, list: typeof queries, warmRounds: number): Timings {
  const wall: number[] = [];
  const cpu: number[] = [];
  // Warm-up: JIT, and the collection of the garbage left by building the index (a server builds it once).
  for (let r = 0; r < warmRounds; r++) for (const q of list.slice(0, 200)) run(q);
  for (const q of list) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const kb = buildKbIndex(articles);
const buildMs = performance.now() - t0;
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
const ours = time((q) => searchKb(kb, q.q, { limit: 5, ...(q.locale ? { locale: q.locale } : {}), chains: ['bsc'], findingCodes: ['evm.pending.nonce_gap'] }), queries, 3);
// The baseline is ~1000x slower; it is timed on the first 106 queries (every quality query twice).
const base = time((q) => naive(q.q, 5), queries.slice(0, 106), 0);

const [load1] = (await import('node:os')).loadavg();
console.log(`kb-search: ${nArticles} articles, ${nQueries} queries (en/es/pt, with chain and finding-code boosts); load average ${load1!.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`);
console.log(`  index build ${buildMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB heap`);
const line = (name: string, xs: number[]) => `${name} p50 ${pct(xs, 50).toFixed(3)} ms   p99 ${pct(xs, 99).toFixed(3)} ms   max ${xs.at(-1)!.toFixed(3)} ms`;
console.log(line('  searchKb         wall', ours.wall));
console.log(line('  searchKb     CPU time', ours.cpu));
console.log(line(`  naive substring  wall (${base.wall.length} queries)`, base.wall));
console.log(line('  naive substring  CPU time', base.cpu));
console.log(`  ratio naive / searchKb (CPU time): p50 ${(pct(base.cpu, 50) / pct(ours.cpu, 50)).toFixed(0)}x   p99 ${(pct(base.cpu, 99) / pct(ours.cpu, 99)).toFixed(0)}x`);
console.log(`  p99 under 10 ms: wall ${pct(ours.wall, 99) < 10 ? 'yes' : 'NO'}, CPU time ${pct(ours.cpu, 99) < 10 ? 'yes' : 'NO'} (wall time includes waiting for a CPU on a loaded machine)`);
