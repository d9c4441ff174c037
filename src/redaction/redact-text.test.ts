import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { redactText, scrubText } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/redaction/${name}`, import.meta.url), 'utf8');

test('redacts every secret of a ticket and keeps public data', () => {
  const text = fixture('ticket-en.txt');
  const r = redactText(text);
  assert.equal(
    r.text,
    [
      'Hi support, my wallet was drained last night on BSC.',
      'I exported the private key [REDACTED:private_key] to check it in another wallet.',
      'The transaction that emptied it is 0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b',
      'My card [REDACTED:card_number] was also charged, cvv [REDACTED:card_cvv].',
      '',
    ].join('\n'),
  );
  assert.deepEqual(r.redactions.map((x) => x.kind), ['private_key', 'card_number', 'card_cvv']);
  assert.deepEqual(r.securityFlags, ['credential_exposed', 'secret_exposed']);
  for (const x of r.redactions) assert.ok(x.end > x.start);
  assert.equal(text.slice(r.redactions[0]!.start, r.redactions[0]!.end), '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f');
  assert.equal(text.slice(r.redactions[1]!.start, r.redactions[1]!.end), '4111 1111 1111 1111');
});

test('behavior: offsets index the original text even with several markers', () => {
  const text = 'pwd: Tr0ub4dor&3 then pin 4821 then api_key=AKIAIOSFODNN7EXAMPLE';
  const r = redactText(text);
  assert.equal(r.text, 'pwd: [REDACTED:password] then pin [REDACTED:pin] then api_key=[REDACTED:api_key]');
  assert.deepEqual(
    r.redactions.map((x) => text.slice(x.start, x.end)),
    ['Tr0ub4dor&3', '4821', 'AKIAIOSFODNN7EXAMPLE'],
  );
});

test('behavior: text without secrets comes back unchanged with no flags', () => {
  const text = 'I would like to know why my account balance shows zero after the swap, tx 0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b';
  assert.deepEqual(redactText(text), { text, redactions: [], securityFlags: [] });
  assert.equal(scrubText(text), text);
});

test('behavior: scrubText equals redactText(text).text', () => {
  const text = fixture('ticket-en.txt');
  assert.equal(scrubText(text), redactText(text).text);
});

test('behavior: kinds option restricts what is looked for', () => {
  const text = 'card 4111111111111111 password: hunter22';
  assert.equal(redactText(text, { kinds: ['password'] }).text, 'card 4111111111111111 password: [REDACTED:password]');
  assert.equal(redactText(text, { kinds: ['card_number'] }).text, 'card [REDACTED:card_number] password: hunter22');
});

test('behavior: overlapping findings merge into one span of the more serious kind', () => {
  const key = '0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';
  const r = redactText(`password: ${key}, it is my private key`);
  assert.equal(r.redactions.length, 1);
  assert.equal(r.text, 'password: [REDACTED:password], it is my private key');
  const r2 = redactText(`private key password ${key}`);
  assert.equal(r2.text, 'private key password [REDACTED:private_key]');
});

test('behavior: empty text', () => {
  assert.deepEqual(redactText(''), { text: '', redactions: [], securityFlags: [] });
});

test('behavior: time stays linear on adversarial input (no catastrophic backtracking)', () => {
  const inputs = ['7'.repeat(100_000), '4 '.repeat(50_000), 'ab'.repeat(50_000), 'password: '.repeat(10_000), '$'.repeat(50_000) + '1', '1,'.repeat(50_000), '['.repeat(20_000) + '1,'.repeat(20_000), 'A'.repeat(100_000), 'a-'.repeat(50_000)];
  for (const input of inputs) {
    const t0 = performance.now();
    redactText(input);
    const ms = performance.now() - t0;
    assert.ok(ms < 5000, `${input.slice(0, 12)}… took ${Math.round(ms)} ms`);
  }
});
