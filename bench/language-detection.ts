// Language detection on the labelled triage corpus (assets/triage/corpus, language column en/es/pt):
// accuracy per language for src/i18n detectLanguage, against the baseline measured in the same run
// (the function-word vote triage used before, src/tickets/triage/text.ts), on all rows, on the
// held-out split, on short rows (≤ 6 words) and by confidence band.
// Usage: npx tsx bench/language-detection.ts
import { detectLanguage } from '../src/i18n/index.ts';
import { corpusDirOf, loadCorpus, prepare, shippedTriageDir } from '../src/tickets/index.ts';
import { detectLanguage as baselineDetect } from '../src/tickets/triage/text.ts';

const all = loadCorpus(corpusDirOf(shippedTriageDir));
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const langs = ['en', 'es', 'pt'] as const;
type Tally = Record<string, [number, number]>;
const tally = (): Tally => ({ en: [0, 0], es: [0, 0], pt: [0, 0], all: [0, 0] });
const add = (t: Tally, lang: string, hit: boolean) => {
  for (const k of [lang, 'all']) t[k] = [t[k]![0] + (hit ? 1 : 0), t[k]![1] + 1];
};
const sets = { all: { ours: tally(), base: tally() }, heldOut: { ours: tally(), base: tally() }, short: { ours: tally(), base: tally() } };
const bands = { high: [0, 0], mid: [0, 0], low: [0, 0] } as Record<'high' | 'mid' | 'low', [number, number]>;
let mixed = 0;
const t0 = performance.now();
for (const e of all) {
  const d = detectLanguage(e.text);
  const hit = d.language === e.language;
  const baseHit = baselineDetect(prepare(e.text).tokens) === e.language;
  const short = e.text.split(/\s+/).filter(Boolean).length <= 6;
  for (const [name, on] of [['all', true], ['heldOut', e.split === 'test'], ['short', short]] as const) {
    if (!on) continue;
    add(sets[name].ours, e.language, hit);
    add(sets[name].base, e.language, baseHit);
  }
  const band = d.confidence >= 0.9 ? 'high' : d.confidence >= 0.6 ? 'mid' : 'low';
  bands[band] = [bands[band][0] + (hit ? 1 : 0), bands[band][1] + 1];
  if (d.mixed) mixed++;
}
const ms = performance.now() - t0;
console.log(`corpus ${all.length} rows (${langs.map((l) => `${l} ${all.filter((e) => e.language === l).length}`).join(', ')})\n`);
console.log('| rows | detector | en | es | pt-BR | all |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [name, s] of Object.entries(sets)) {
  const row = (t: Tally) => [...langs, 'all'].map((l) => `${pct(t[l]![0], t[l]![1])} (${t[l]![1]})`).join(' | ');
  console.log(`| ${name} | baseline: function-word vote (triage before) | ${row(s.base)} |`);
  console.log(`| ${name} | **i18n detectLanguage** | ${row(s.ours)} |`);
}
console.log('\n| confidence | rows | accuracy |');
console.log('| --- | ---: | ---: |');
for (const [b, label] of [['high', '≥ 0.9'], ['mid', '0.6–0.9'], ['low', '< 0.6']] as const) console.log(`| ${label} | ${bands[b][1]} | ${pct(bands[b][0], bands[b][1])} |`);
console.log(`\nflagged mixed: ${mixed}; ${(ms / all.length).toFixed(3)} ms per message (both detectors)`);
