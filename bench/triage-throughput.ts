// Throughput of `opsdesk triage --jsonl` on 10,000 ~1 KB tickets, and of redaction + entities alone,
// against a baseline measured in the same run on the same file: JSON.parse + one regex scan per line.
// Wall and CPU time are both reported: on a shared machine the CPU time is the load-independent number.
// Usage: npx tsx bench/triage-throughput.ts [--tickets 10000] [--built] (--built: also time the CLI compiled to JS, as from dist/)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createChainRegistry } from '../src/chains/index.ts';
import { createEntityExtractor } from '../src/entities/index.ts';
import { redactText } from '../src/redaction/index.ts';
import { corpusDirOf, createTriager, loadCorpus, loadTriageModel, shippedTriageDir, triageJsonLine } from '../src/tickets/index.ts';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '10000' }, built: { type: 'boolean', default: false } } });
const n = Number(values.tickets);
const corpus = loadCorpus(corpusDirOf(shippedTriageDir));
const fillers = [
  'App version 9.1.2 on iOS 17.4, iPhone 13. I already restarted the app twice and reinstalled it.',
  'Versión 8.7.0 en Android 14, Samsung A54. Ya reinicié el teléfono y nada cambia.',
  'Versão 9.0.1 no Android, Motorola G84. Já reiniciei e limpei o cache, continua igual.',
  'The explorer link: https://bscscan.com/tx/0x3f1c2b7e9d8a6f5e4c3b2a1908f7e6d5c4b3a2918f7e6d5c4b3a291807f6e5d4 shows something different from the app.',
  'My address is 0x52908400098527886E0F7030069857D2E4169EE7 and I sent it to 0x8617E340B3D01FA5F11F306F4090FD50E238070D yesterday at 14:05.',
  'Sent 120.5 USDT (BEP20) and 0.01 BNB for gas. Please answer soon, I have been waiting since morning and nobody replies.',
  'I contacted you on Twitter and Telegram already and nobody answered, this is the third time I write about this.',
];
const lines: string[] = [];
for (let i = 0; i < n; i++) {
  const ex = corpus[i % corpus.length]!;
  let text = ex.text;
  for (let j = 0; text.length < 1000; j++) text += ' ' + fillers[(i + j) % fillers.length];
  lines.push(JSON.stringify({ id: `t${i}`, subject: 'Support request', body: text.slice(0, 1000), locale: ex.language }));
}
const dir = mkdtempSync(join(tmpdir(), 'opsdesk-bench-'));
const file = join(dir, 'tickets.jsonl');
const data = lines.join('\n') + '\n';
writeFileSync(file, data);
const mb = Buffer.byteLength(data) / 1e6;

const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
// Baseline: JSON.parse of each line plus one regex scan (hex runs, the cheapest "find tx hashes").
let t = performance.now();
let c0 = process.cpuUsage();
let found = 0;
for (const line of lines) {
  const o = JSON.parse(line) as { body: string };
  found += (o.body.match(/0x[0-9a-fA-F]{40,64}|\b\d+(?:\.\d+)?\b/g) ?? []).length;
}
const baselineMs = performance.now() - t;
const baselineCpu = cpuMs(c0);

// Redaction + entities per ticket, in this process (one core).
const extractor = await createEntityExtractor(createChainRegistry());
t = performance.now();
c0 = process.cpuUsage();
for (const line of lines) {
  const o = JSON.parse(line) as { body: string };
  const red = redactText(o.body);
  extractor.extract(red.text);
}
const redEntMs = performance.now() - t;
const redEntCpu = cpuMs(c0);

// What `--jsonl` does per line (parse, validate, redact, entities, classify, serialise), model loaded, one core.
const triager = createTriager({ model: loadTriageModel(dir), entities: extractor });
const counts = { ok: 0, rejected: 0 };
t = performance.now();
c0 = process.cpuUsage();
for (let i = 0; i < lines.length; i++) triageJsonLine(triager, lines[i]!, i + 1, counts);
const triageMs = performance.now() - t;
const triageCpu = cpuMs(c0);

// The whole CLI, as a user runs it: process start, model load, triage (worker threads), one JSON line out
// per ticket. /usr/bin/time reports the child's CPU time, worker threads included.
function runCli(args: string[]): { ms: number; cpu: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args, 'triage', '--jsonl', file, '--data-dir', dir], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, OPSDESK_LOG_LEVEL: 'silent' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`triage --jsonl failed: ${r.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout: r.stdout };
}
const viaTsx = runCli(['--import', 'tsx', 'src/cli/entry.ts']);
const { ms: cliMs, cpu: cliCpu, stdout } = viaTsx;
// The same CLI compiled by tsc (what bin/opsdesk.js runs from dist/), built into bench/.out/dist.
let built: { ms: number; cpu: number } | undefined;
if (values.built) {
  const out = join(import.meta.dirname, '.out');
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', join(out, 'dist'), '--tsBuildInfoFile', join(out, 'dist', '.tsbuildinfo')], { encoding: 'utf8' });
  if (!existsSync(join(out, 'dist', 'cli', 'entry.js'))) throw new Error(`tsc failed: ${tsc.stdout}`);
  // the compiled modules read the package's data/ and locales/ relative to themselves
  for (const shipped of ['data', 'locales']) if (!existsSync(join(out, shipped))) symlinkSync(join(import.meta.dirname, '..', shipped), join(out, shipped));
  built = runCli([join(out, 'dist', 'cli', 'entry.js')]);
}
const outLines = stdout.trimEnd().split('\n').length;
rmSync(dir, { recursive: true, force: true });

const perSec = (ms: number) => Math.round((n / ms) * 1000);
const row = (name: string, ms: number, cpu: number) => `| ${name} | ${ms.toFixed(0)} | ${cpu.toFixed(0)} | ${perSec(ms)} | ${perSec(cpu)} | ${(cpu / baselineCpu).toFixed(1)}× |`;
console.log(`${n} tickets, ${mb.toFixed(1)} MB of JSON lines (${Math.round((mb * 1e6) / n)} B/ticket); ${outLines} results; ${found} regex hits in the baseline; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
console.log('| step | wall ms | CPU ms | tickets/s (wall) | tickets/s per CPU-second | CPU vs baseline |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(row('baseline: JSON.parse + regex scan', baselineMs, baselineCpu));
console.log(row('redaction + entities (one thread)', redEntMs, redEntCpu));
console.log(row('full triage per line, model loaded (one thread, in process)', triageMs, triageCpu));
console.log(row('`opsdesk triage --jsonl` end to end (process start, tsx, model load, worker threads)', cliMs, cliCpu));
if (built) console.log(row('`opsdesk triage --jsonl` end to end, compiled JS (as from dist/)', built.ms, built.cpu));
console.log(`end to end: ${(cliMs / 1000).toFixed(1)} s wall (target < 5 s), ${(cliCpu / 1000).toFixed(1)} CPU-seconds = ${(cliCpu / 1000 / availableParallelism()).toFixed(1)} s on ${availableParallelism()} idle cores`);
