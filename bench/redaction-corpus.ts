// Recall on generated secrets and false positives on ordinary support messages.
// Usage: npx tsx bench/redaction-corpus.ts [secrets=6000] [ordinary=6000] [seed]
import { measureCorpus } from './redaction-corpus-measure.ts';

const secrets = Number(process.argv[2] ?? 6000);
const ordinary = Number(process.argv[3] ?? 6000);
const seed = Number(process.argv[4] ?? 20261127);
const t0 = performance.now();
const report = measureCorpus(secrets, ordinary, seed);
const seconds = (performance.now() - t0) / 1000;
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : '0.00') + '%';

console.log(`redaction corpus: ${secrets} secrets, ${ordinary} ordinary messages, seed ${seed}, ${seconds.toFixed(1)} s`);
console.log('kind          total  hidden  recall   right-kind');
for (const [kind, r] of Object.entries(report.recall)) {
  console.log(`${kind.padEnd(13)} ${String(r.total).padStart(5)}  ${String(r.hidden).padStart(6)}  ${pct(r.hidden, r.total).padStart(7)}  ${pct(r.rightKind, r.total).padStart(7)}`);
}
const hidden = Object.values(report.recall).reduce((a, r) => a + r.hidden, 0);
console.log(`overall recall ${pct(hidden, secrets)}`);
console.log(`false positives: ${report.ordinaryFlagged}/${ordinary} ordinary messages = ${pct(report.ordinaryFlagged, ordinary)}`);
for (const [kind, n] of Object.entries(report.falsePositives)) console.log(`  ${kind.padEnd(13)} ${n} (${pct(n, ordinary)})`);
const byForm = new Map<string, number>();
for (const m of report.misses) byForm.set(`${m.kind} ${m.form}`, (byForm.get(`${m.kind} ${m.form}`) ?? 0) + 1);
if (byForm.size) console.log('misses by form:', [...byForm].slice(0, 30));
const fpByForm = new Map<string, number>();
for (const f of report.fpForms) fpByForm.set(`${f.form} ${f.kinds.join('+')}`, (fpByForm.get(`${f.form} ${f.kinds.join('+')}`) ?? 0) + 1);
if (fpByForm.size) console.log('false positives by form:', [...fpByForm]);
