import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactText } from './index.ts';

const kinds = (t: string) => redactText(t).redactions.map((r) => r.kind);

test('redacts Luhn-valid card numbers in common layouts', () => {
  for (const card of ['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111', '5555 5555 5555 4444', '3782 822463 10005', '6011111111111117', '4222222222222']) {
    assert.equal(redactText(`my card ${card} was charged`).text, 'my card [REDACTED:card_number] was charged', card);
  }
});

test('behavior: numbers that are not cards stay', () => {
  for (const text of [
    'card 4111 1111 1111 1112', // Luhn fails
    'order 4111111111111111', // labelled as something else
    'ts=1712345678901',
    'tx 0x4111111111111111111111111111111111111111111111111111111111111111',
    'id a4111111111111111b',
    'amount 4111111111111111111111 sats',
    'Card payment declined, reference 5537506802697364',
    'I sent 1 234 567 SHIB',
  ]) {
    assert.deepEqual(kinds(text), [], text);
  }
});

test('behavior: CVV, PIN and passwords where labelled', () => {
  assert.equal(redactText('cvv 123').text, 'cvv [REDACTED:card_cvv]');
  assert.equal(redactText('CVC2: 0456').text, 'CVC2: [REDACTED:card_cvv]');
  assert.equal(redactText('código de seguridad 987').text, 'código de seguridad [REDACTED:card_cvv]');
  assert.equal(redactText('my pin is 4821').text, 'my pin is [REDACTED:pin]');
  assert.equal(redactText('senha do cartão: 123456').text, 'senha do cartão: [REDACTED:pin]');
  assert.equal(redactText('password: sunshine').text, 'password: [REDACTED:password]');
  assert.equal(redactText('my password is Hunter22!').text, 'my password is [REDACTED:password]');
  assert.equal(redactText('mi contraseña es Gato#2024 gracias').text, 'mi contraseña es [REDACTED:password] gracias');
  assert.equal(redactText('minha senha é "abc def 12"').text, 'minha senha é "[REDACTED:password]"');
  assert.equal(redactText('{"password":"hunter2x","pin":"1234"}').text, '{"password":"[REDACTED:password]","pin":"[REDACTED:pin]"}');
});

test('behavior: talk about passwords and PINs is not a secret', () => {
  for (const text of [
    'I forgot my password and the password reset is not working',
    'my password is wrong every time',
    'la contraseña es incorrecta',
    'my password is 12 characters long',
    'The PIN screen asks for 6 digits',
    '{"password":"","cvv_check":"pass"}',
    'where do I get an API key?',
  ]) {
    assert.deepEqual(kinds(text), [], text);
  }
});

test('behavior: API keys of common shapes', () => {
  const keys = [
    'sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a',
    'sk_live_51HxYzAbCdEfGhIjKlMnOpQr',
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_1234567890abcdefghijABCDEFGHIJ123456',
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
    'AIzaSyA1234567890abcdefghijklmnopqrstuv',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ];
  for (const key of keys) assert.equal(redactText(`here: ${key} ok`).text, 'here: [REDACTED:api_key] ok', key);
  assert.equal(redactText('Authorization: Bearer abcDEF1234567890ghijKL').text, 'Authorization: Bearer [REDACTED:api_key]');
  assert.equal(redactText('https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161').text, 'https://mainnet.infura.io/v3/[REDACTED:api_key]');
  assert.equal(redactText('x-api-key: 6kD4MmXEn3DwyVv9vgKJorhX').text, 'x-api-key: [REDACTED:api_key]');
});

test('behavior: public data is never redacted', () => {
  const text = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
    'So11111111111111111111111111111111111111112',
    'xpub6CUGRUonZSQ4TWtTMmzXdrXDtypWKiKrhko4egpiMZbpiaQL2jkwSB1icqYh2cfDfVxdx4df189oLKnC5fSwqPfgyP3hooxujYzAu3fDVmz',
    'block 0000000000000000000320283a032748cef8227873ff4872689bf23f1cda83a5',
  ].join('\n');
  assert.deepEqual(redactText(text).redactions, []);
});
