// Throughput of `opsdesk triage --jsonl` on 10,000 ~1 KB tickets, and of redaction + entities alone,
// against a baseline measured in the same run on the same file: JSON.parse + one regex scan per line.
// Usage: npx tsx bench/triage-throughput.ts [--tickets 10000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createChainRegistry } from '../src/chains/index.ts';
import { createEntityExtractor } from '../src/entities/index.ts';
import { redactText } from '../src/redaction/index.ts';
import { corpusDirOf, createTriager, loadCorpus, loadTriageModel, shippedTriageDir, triageJsonLine } from '../src/tickets/index.ts';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '10000' } } });
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

// Baseline: JSON.parse of each line plus one regex scan (hex runs, the cheapest "find tx hashes").
let t = performance.now();
let found = 0;
for (const line of lines) {
  const o = JSON.parse(line) as { body: string };
  found += (o.body.match(/0x[0-9a-fA-F]{40,64}|\b\d+(?:\.\d+)?\b/g) ?? []).length;
}
const baselineMs = performance.now() - t;

// Redaction + entities per ticket, in this process (one core).
const extractor = await createEntityExtractor(createChainRegistry());
t = performance.now();
for (const line of lines) {
  const o = JSON.parse(line) as { body: string };
  const red = redactText(o.body);
  extractor.extract(red.text);
}
const redEntMs = performance.now() - t;

// What `--jsonl` does per line (parse, validate, redact, entities, classify, serialise), model loaded, one core.
const triager = createTriager({ model: loadTriageModel(dir), entities: extractor });
const counts = { ok: 0, rejected: 0 };
t = performance.now();
for (let i = 0; i < lines.length; i++) triageJsonLine(triager, lines[i]!, i + 1, counts);
const triageMs = performance.now() - t;

// The whole CLI, as a user runs it: process start, model load, triage, one JSON line out per ticket.
t = performance.now();
const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', 'triage', '--jsonl', file, '--data-dir', dir], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, OPSDESK_LOG_LEVEL: 'silent' } });
const cliMs = performance.now() - t;
if (run.status !== 0) throw new Error(`triage --jsonl failed: ${run.stderr}`);
const outLines = run.stdout.trimEnd().split('\n').length;
rmSync(dir, { recursive: true, force: true });

const perSec = (ms: number) => Math.round((n / ms) * 1000);
console.log(`${n} tickets, ${mb.toFixed(1)} MB of JSON lines (${Math.round((mb * 1e6) / n)} B/ticket); ${outLines} results; ${found} regex hits in the baseline`);
console.log('| step | total ms | tickets/s | vs baseline |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| baseline: JSON.parse + regex scan | ${baselineMs.toFixed(0)} | ${perSec(baselineMs)} | 1.0× |`);
console.log(`| redaction + entities (one core) | ${redEntMs.toFixed(0)} | ${perSec(redEntMs)} | ${(redEntMs / baselineMs).toFixed(1)}× slower |`);
console.log(`| full triage per line, model loaded (one core, in process) | ${triageMs.toFixed(0)} | ${perSec(triageMs)} | ${(triageMs / baselineMs).toFixed(1)}× slower |`);
console.log(`| \`opsdesk triage --jsonl\` end to end (process start, model load, tsx) | ${cliMs.toFixed(0)} | ${perSec(cliMs)} | ${(cliMs / baselineMs).toFixed(1)}× slower |`);
