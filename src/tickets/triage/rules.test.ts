import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from './corpus.ts';
import { corpusDirOf, shippedTriageDir } from './load.ts';
import { categoryRules, matchRules, rulePrefixes } from './rules.ts';
import { foldText, tokenize } from './text.ts';

test('rules find the domain phrases in folded text, in en, es and pt', () => {
  const names = (t: string) => matchRules(foldText(t)).map((h) => `${h.rule.category}:${h.match}`);
  assert.ok(names('my tx is PENDING on bsc').includes('tx_stuck_pending:pending'));
  assert.ok(names('la transacción está pendiente').includes('tx_stuck_pending:pendiente'));
  assert.ok(names('me equivoqué de red').includes('wrong_network_or_address:me equivoque'));
  assert.ok(names('fui hackeado, limparam tudo').some((n) => n.startsWith('security_scam_or_compromise:')));
});

test('behavior: the token prefilter finds exactly what the plain scan finds (whole corpus)', () => {
  for (const e of loadCorpus(corpusDirOf(shippedTriageDir))) {
    const folded = foldText(e.text);
    const plain = matchRules(folded).map((h) => h.rule.name);
    const fast = matchRules(folded, categoryRules, tokenize(folded)).map((h) => h.rule.name);
    assert.deepEqual(fast, plain, e.text);
  }
});

test('error: patterns the prefilter cannot read always run', () => {
  assert.equal(rulePrefixes(/\b((12|24) words)\b/), undefined);
  assert.equal(rulePrefixes(/pending/), undefined);
  assert.deepEqual(rulePrefixes(/\b(fees?|taxas?|gas price)\b/), ['fee', 'tax', 'gas']);
});
