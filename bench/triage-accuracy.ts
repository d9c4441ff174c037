// Accuracy of the shipped triage model on the fixed held-out split of assets/triage/corpus (every fifth
// line of each category file), per category, per language, with the confusion matrix; baselines in
// the same run: the domain rules alone, and the classifier without the rules.
// Usage: npx tsx bench/triage-accuracy.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { categories, corpusDirOf, loadCorpus, loadTriageModel, prepare, severities, shippedTriageDir, trainTriageModel, TriageModel } from '../src/tickets/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'opsdesk-acc-'));
const model = loadTriageModel(dir);
rmSync(dir, { recursive: true, force: true });
const all = loadCorpus(corpusDirOf(shippedTriageDir));
const train = all.filter((e) => e.split === 'train');
const test = all.filter((e) => e.split === 'test');
const noRules = new TriageModel({ ...trainTriageModel(train, { version: 1 }).file, ruleBoost: 0 });

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const short = (c: string) => c.split('_').map((w) => w.slice(0, 4)).join('_');
const confusion = new Map<string, Map<string, number>>();
const perCat = new Map<string, [number, number]>();
const perLang = new Map<string, [number, number]>();
let ok = 0;
let rulesOk = 0;
let modelOnlyOk = 0;
let sevExact = 0;
let sevNear = 0;
for (const e of test) {
  const p = prepare(e.text);
  const d = model.decide(p);
  const hit = d.category === e.category;
  if (hit) ok++;
  const c = perCat.get(e.category) ?? [0, 0];
  perCat.set(e.category, [c[0] + (hit ? 1 : 0), c[1] + 1]);
  const l = perLang.get(e.language) ?? [0, 0];
  perLang.set(e.language, [l[0] + (hit ? 1 : 0), l[1] + 1]);
  const row = confusion.get(e.category) ?? new Map<string, number>();
  row.set(d.category, (row.get(d.category) ?? 0) + 1);
  confusion.set(e.category, row);
  const votes = new Map<string, number>();
  for (const h of p.hits) votes.set(h.rule.category, (votes.get(h.rule.category) ?? 0) + h.rule.weight);
  const ruleBest = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'feature_request_or_other';
  if (ruleBest === e.category) rulesOk++;
  if (noRules.decide(p).category === e.category) modelOnlyOk++;
  const gap = Math.abs(severities.indexOf(d.severity) - severities.indexOf(e.severity));
  if (gap === 0) sevExact++;
  if (gap <= 1) sevNear++;
}
console.log(`model v${model.version}; corpus ${all.length} examples, trained on ${train.length}, held out ${test.length}\n`);
console.log('| method (held-out) | category accuracy |');
console.log('| --- | ---: |');
console.log(`| baseline: domain rules alone (highest rule weight) | ${pct(rulesOk, test.length)} |`);
console.log(`| baseline: naive Bayes without rule boosts | ${pct(modelOnlyOk, test.length)} |`);
console.log(`| **shipped: naive Bayes + rules** | **${pct(ok, test.length)}** |`);
console.log(`\nseverity: exact ${pct(sevExact, test.length)}, within one level ${pct(sevNear, test.length)}\n`);
console.log('| category | accuracy | n |');
console.log('| --- | ---: | ---: |');
for (const cat of categories) {
  const [a, n] = perCat.get(cat) ?? [0, 0];
  console.log(`| ${cat} | ${pct(a, n)} | ${n} |`);
}
console.log('\n| language | accuracy | n |');
console.log('| --- | ---: | ---: |');
for (const [lang, [a, n]] of [...perLang.entries()].sort()) console.log(`| ${lang === 'pt' ? 'pt-BR' : lang} | ${pct(a, n)} | ${n} |`);
console.log('\nConfusion matrix (rows: true category, columns: predicted; abbreviated names in column order of rows):\n');
console.log(`| true \\ predicted | ${categories.map(short).join(' | ')} |`);
console.log(`| --- | ${categories.map(() => '---:').join(' | ')} |`);
for (const cat of categories) console.log(`| ${cat} | ${categories.map((p) => confusion.get(cat)?.get(p) ?? '·').join(' | ')} |`);
