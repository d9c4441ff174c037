import { loadCorpus } from './src/tickets/triage/corpus.ts';
import { NaiveBayes } from './src/tickets/triage/naive-bayes.ts';
import { featuresOf, foldText, tokenize, detectLanguage } from './src/tickets/triage/text.ts';
import { categories, severities } from './src/tickets/ticket.ts';
const ex = loadCorpus('/work/main/data/triage/corpus');
const f = (t: string) => featuresOf(tokenize(foldText(t)));
const train = ex.filter((e) => e.split === 'train'), test = ex.filter((e) => e.split === 'test');
for (const alpha of [0.1, 0.3, 1]) for (const cw of [0, 0.3, 0.5, 1]) for (const md of [1, 2]) {
  const m = NaiveBayes.train(train.map((e) => ({ features: f(e.text).keys(), label: e.category })), categories, { alpha, charWeight: cw, minDocs: md });
  let ok = 0; for (const e of test) if (m.predict(f(e.text)).label === e.category) ok++;
  const s = NaiveBayes.train(train.map((e) => ({ features: f(e.text).keys(), label: e.severity })), severities, { alpha, charWeight: cw, minDocs: md });
  let sok = 0, s1 = 0; for (const e of test) { const p = s.predict(f(e.text)).label; if (p === e.severity) sok++; if (Math.abs(severities.indexOf(p as never) - severities.indexOf(e.severity)) <= 1) s1++; }
  console.log(alpha, cw, md, (ok / test.length).toFixed(3), (sok / test.length).toFixed(3), (s1 / test.length).toFixed(3), Object.keys(m.file.features).length);
}
let lok = 0; for (const e of ex) if (detectLanguage(tokenize(foldText(e.text))) === e.language) lok++; else if (Math.random() < 0.2) console.log('lang?', e.language, e.text);
console.log('lang', lok / ex.length, test.length);
