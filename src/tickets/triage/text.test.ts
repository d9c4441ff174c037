import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, docFeatureKeys, docOf, foldText, tokenize } from './text.ts';

test('folds accents, case, hashes and redaction markers', () => {
  const folded = foldText('Transação PENDENTE 0x' + 'ab'.repeat(32) + ' [REDACTED:seed_phrase] sooooo');
  assert.match(folded, /transacao pendente/);
  assert.match(folded, / txhash /);
  assert.match(folded, / redactedseedphrase /);
  assert.match(folded, /soo\b/);
});

test('behavior: detects en, es and pt-BR; the locale hint wins', () => {
  const lang = (t: string, l?: string) => detectLanguage(tokenize(foldText(t)), l);
  assert.equal(lang('my usdt is stuck and I have no idea where it is'), 'en');
  assert.equal(lang('mi transacción está pendiente hace dos horas, ayuda por favor'), 'es');
  assert.equal(lang('minha transação está pendente e não sei o que fazer, vocês podem ajudar'), 'pt');
  assert.equal(lang('hello', 'pt-BR'), 'pt');
});

test('behavior: features are word unigrams, bigrams and in-word character 4-grams', () => {
  const doc = docOf(['swap', 'failed', 'swap']);
  assert.deepEqual(doc.tokens, ['swap', 'failed']);
  const keys = docFeatureKeys(doc);
  for (const k of ['w:swap', 'w:failed', 'b:swap_failed', 'b:failed_swap', 'c:_fai', 'c:aile']) assert.ok(keys.includes(k), k);
});

test('error: empty text has no features', () => {
  assert.deepEqual(docFeatureKeys(docOf(tokenize(foldText('  ')))), []);
});
