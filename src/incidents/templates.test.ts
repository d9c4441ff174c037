import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAffected, renderUpdate } from './templates.ts';

test('phase templates fill components, workaround and next update time in en, es and pt-BR', () => {
  const facts = { components: ['Swaps', 'Bridges'], workaround: 'Use the web app.', nextUpdateAt: '2026-11-27T14:00:00Z' };
  assert.equal(
    renderUpdate('investigating', facts, 'en'),
    'We are investigating reports of problems with Swaps and Bridges.\n\nWorkaround: Use the web app.\n\nNext update by Nov 27, 2026, 14:00 UTC.\n\nOur team will never ask for your recovery phrase or private key.',
  );
  assert.match(renderUpdate('identified', facts, 'es'), /^Identificamos la causa de los problemas con Swaps y Bridges/);
  assert.match(renderUpdate('identified', facts, 'es'), /Próxima actualización: 27 nov 2026, 14:00 UTC\./);
  assert.match(renderUpdate('monitoring', facts, 'pt-BR'), /^Uma correção foi aplicada para Swaps e Bridges\./);
});

test('behavior: a resolved update drops the workaround and next update; no components reads "some services"', () => {
  const text = renderUpdate('resolved', { components: [], workaround: 'x', nextUpdateAt: '2026-11-27T14:00:00Z' }, 'en');
  assert.equal(text, 'The problems with some services have been resolved. Thank you for your patience.\n\nOur team will never ask for your recovery phrase or private key.');
});

test('behavior: the affected matrix reads as words in each language', () => {
  const cells = [{ chain: 'ethereum', feature: 'swap' as const, platform: 'ios' as const, appVersion: '9.1.x' }, { feature: 'card' as const }, { chain: 'bnb-chain' }];
  assert.deepEqual(describeAffected(cells, 'en'), ['Swaps on Ethereum (iOS 9.1.x)', 'Card payments', 'Bnb Chain']);
  assert.deepEqual(describeAffected(cells, 'pt-BR'), ['Swaps na rede Ethereum (iOS 9.1.x)', 'Pagamentos com cartão', 'Bnb Chain']);
});
