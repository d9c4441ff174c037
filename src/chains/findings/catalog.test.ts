import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillTemplate, makeFinding, type FindingCatalog } from './catalog.ts';

const catalog: FindingCatalog = {
  'x.demo': {
    severity: 'high',
    summary: 'nonce {nonce} missing',
    userMessage: { en: 'Stuck at {nonce}.', es: 'Atascada en {nonce}.' },
    nextSteps: { en: ['Wait {minutes} min'] },
    when: 'demo',
  },
};

test('makeFinding fills the locale text and falls back to English', () => {
  const es = makeFinding(catalog, 'x.demo', { nonce: 7, minutes: 5 }, { a: 1 }, 'es-MX');
  assert.equal(es.userMessage, 'Atascada en 7.');
  assert.deepEqual(es.nextSteps, ['Wait 5 min']);
  assert.equal(makeFinding(catalog, 'x.demo', { nonce: 7, minutes: 5 }, {}, 'pt-BR').userMessage, 'Stuck at 7.');
});

test('behavior: a missing parameter stays visible', () => {
  assert.equal(fillTemplate('a {b} c', {}), 'a {b} c');
});

test('error: an unknown code throws', () => {
  assert.throws(() => makeFinding(catalog, 'x.nope', {}, {}), /not in the catalogue/);
});
