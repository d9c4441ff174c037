import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeText, TextInputInvalidError } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/redaction/${name}`, import.meta.url));

test('decodes UTF-8 text', () => {
  assert.equal(decodeText(new TextEncoder().encode('olá, 助记词\n')), 'olá, 助记词\n');
});

test('error: invalid UTF-8 is refused without echoing the input', () => {
  assert.throws(() => decodeText(fixture('latin1.txt')), (err: unknown) => {
    assert.ok(err instanceof TextInputInvalidError);
    assert.equal(err.code, 'VALIDATION');
    assert.equal(err.shortMessage, 'The input is not valid UTF-8 text.');
    assert.ok(!err.message.includes('caf'));
    return true;
  });
});

test('error: binary data is refused', () => {
  assert.throws(() => decodeText(fixture('binary.bin')), (err: unknown) => err instanceof TextInputInvalidError && err.shortMessage === 'The input looks like binary data, not text.');
});
