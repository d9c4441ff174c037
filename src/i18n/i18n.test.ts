import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectLanguage, draftReply, loadCatalogue, messageArguments, MessageCatalogueInvalidError, MessageKeyUnknownError, resolveLocale, t } from './index.ts';

test('resolveLocale maps tags and Accept-Language headers to en, es or pt-BR', () => {
  assert.equal(resolveLocale('es-MX'), 'es');
  assert.equal(resolveLocale('es_419'), 'es');
  assert.equal(resolveLocale('pt'), 'pt-BR');
  assert.equal(resolveLocale('pt-PT'), 'pt-BR');
  assert.equal(resolveLocale('PT-br'), 'pt-BR');
  assert.equal(resolveLocale('fr-FR,pt;q=0.8,es;q=0.9'), 'es');
  assert.equal(resolveLocale('de, en-US;q=0.5'), 'en');
  assert.equal(resolveLocale('es;q=0, pt-BR;q=0.3'), 'pt-BR');
});

test('behavior: an unknown, empty or missing locale falls back to English', () => {
  assert.equal(resolveLocale('fr'), 'en');
  assert.equal(resolveLocale(''), 'en');
  assert.equal(resolveLocale(undefined), 'en');
  assert.equal(resolveLocale('*'), 'en');
});

test('t formats ICU messages in the locale and falls back to English for a missing key', () => {
  assert.equal(t('es-AR', 'reply.greeting', { name: 'Lucía' }), 'Hola, Lucía:');
  assert.equal(t('pt', 'reply.greeting', { name: 'none' }), 'Olá,');
  const dir = mkdtempSync(join(tmpdir(), 'opsdesk-i18n-'));
  try {
    writeFileSync(join(dir, 'en.json'), JSON.stringify({ a: '{n, plural, one {# transaction} other {# transactions}} stuck', only: 'English only' }));
    writeFileSync(join(dir, 'es.json'), JSON.stringify({ a: '{n, plural, one {# transacción atascada} other {# transacciones atascadas}}' }));
    writeFileSync(join(dir, 'pt-BR.json'), JSON.stringify({}));
    const c = loadCatalogue(dir);
    assert.equal(c.t('es', 'a', { n: 2 }), '2 transacciones atascadas');
    assert.equal(c.t('pt-BR', 'a', { n: 1 }), '1 transaction stuck');
    assert.equal(c.t('es', 'only'), 'English only');
    assert.deepEqual(messageArguments('{n, plural, one {# {token}} other {<b>{token}</b>}} {x, number}'), ['n', 'token', 'x']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('error: an unknown key and an invalid catalogue are named', () => {
  assert.throws(() => t('es', 'no.such.key'), MessageKeyUnknownError);
  const dir = mkdtempSync(join(tmpdir(), 'opsdesk-i18n-'));
  try {
    writeFileSync(join(dir, 'en.json'), JSON.stringify({ a: 'unclosed {name' }));
    writeFileSync(join(dir, 'es.json'), '{}');
    writeFileSync(join(dir, 'pt-BR.json'), '{}');
    assert.throws(() => loadCatalogue(dir), (e: unknown) => e instanceof MessageCatalogueInvalidError && /"a" is not ICU MessageFormat/.test(e.shortMessage));
    writeFileSync(join(dir, 'en.json'), '[1]');
    assert.throws(() => loadCatalogue(dir), /is not a JSON object/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Short and code-switched messages as users write them (not from the training corpus).
const samples: Array<[string, 'en' | 'es' | 'pt']> = [
  ['my usdt never arrived', 'en'],
  ['swap failed again??', 'en'],
  ['hola, no me llega el usdt', 'es'],
  ['¿dónde está mi plata?', 'es'],
  ['mi wallet no muestra el balance de USDT after the update', 'es'],
  ['envié 50 usdt y nada', 'es'],
  ['oi, meu swap ficou pending', 'pt'],
  ['cadê meu dinheiro', 'pt'],
  ['não consigo fazer o bridge, fica loading forever', 'pt'],
  ['transação travada faz 2 horas', 'pt'],
  ['enviei usdt pela rede trc20 e não chegou', 'pt'],
  ['I sent ETH but it shows pending, por favor ayuda', 'en'],
];

test('detectLanguage tells English, Spanish and Portuguese apart in short and mixed messages, with a confidence', () => {
  const wrong = samples.filter(([text, lang]) => detectLanguage(text).language !== lang).map(([text]) => text);
  assert.deepEqual(wrong, []);
  const clear = detectLanguage('Hola, envié 250 USDT por la red TRC20 hace 3 horas y no llegan');
  assert.deepEqual([clear.locale, clear.language], ['es', 'es']);
  assert.ok(clear.confidence > 0.9, String(clear.confidence));
  const mixed = detectLanguage('I sent ETH but it shows pending, por favor ayuda me, no llega nada');
  assert.equal(mixed.mixed, true);
  assert.ok(mixed.confidence < clear.confidence);
});

test('behavior: no words means English with low confidence; a locale hint decides unclear texts but not clear ones', () => {
  const none = detectLanguage('0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 ???');
  assert.equal(none.locale, 'en');
  assert.ok(none.confidence < 0.4);
  assert.equal(detectLanguage('USDT TRC20', 'pt-BR').locale, 'pt-BR');
  assert.equal(detectLanguage('Hola, envié 250 USDT por la red TRC20 hace 3 horas y todavía no llegan, ¿qué hago?', 'en-US').locale, 'es');
});

test('draftReply writes the greeting, the diagnosis, the KB reply and the reminder in the user’s language', () => {
  const d = draftReply({
    locale: 'pt',
    requesterName: 'João Silva',
    diagnosis: { txHash: 'abc', chainName: 'Tron', findings: [{ userMessage: 'A transação ficou sem energia.', nextSteps: ['Mantenha mais TRX.'] }] },
    article: { slug: 'tron-energy-bandwidth', replies: { en: 'On TRON…', 'pt-BR': 'Na TRON…' } },
  });
  assert.equal(d.locale, 'pt-BR');
  assert.deepEqual(d.fallbacks, []);
  assert.equal(d.text, 'Olá, João,\n\nVerificamos sua transação abc na rede Tron: A transação ficou sem energia.\n\nO que fazer agora:\n- Mantenha mais TRX.\n\nNa TRON…\n\nLembrete: nunca vamos pedir sua frase de recuperação nem sua chave privada.\n\nEquipe de suporte');
});

test('behavior: a KB article without the locale’s reply falls back to English and says so', () => {
  const d = draftReply({ locale: 'es-CO', article: { slug: 'x', replies: { en: 'English reply' } } });
  assert.equal(d.locale, 'es');
  assert.deepEqual(d.fallbacks, ['kb:x']);
  assert.match(d.text, /^Hola:\n\nEnglish reply\n\nRecuerda/);
});
