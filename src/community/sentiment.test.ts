import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentimentOf } from './sentiment.ts';

test('scores praise positive and complaints negative in en, es and pt', () => {
  assert.ok(sentimentOf('Great app, thanks a lot!') > 0.5);
  assert.ok(sentimentOf('Excelente, gracias por la ayuda rápida') > 0);
  assert.ok(sentimentOf('Ótimo app, obrigado') > 0);
  assert.ok(sentimentOf('Terrible, my funds are missing and support is useless') < -0.5);
  assert.ok(sentimentOf('Pésimo, el swap falló y perdí dinero') < -0.5);
  assert.ok(sentimentOf('Péssimo, meu saldo sumiu') < -0.5);
});

test('behavior: negation flips a word and a store rating counts', () => {
  assert.ok(sentimentOf('this is not good') < 0);
  assert.ok(sentimentOf('no funciona bien, no es bueno') < 0);
  assert.ok(sentimentOf('ok', 1) < 0);
  assert.ok(sentimentOf('ok', 5) > 0);
});

test('error: no evidence is neutral', () => {
  assert.equal(sentimentOf('the block height is 123'), 0);
  assert.equal(sentimentOf(''), 0);
});
