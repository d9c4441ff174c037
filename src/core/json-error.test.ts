import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeJsonError } from './json-error.ts';

function failure(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (err) {
    return err;
  }
  throw new Error('parsed');
}

test('describes JSON errors without quoting the input', () => {
  const secret = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
  for (const text of [secret, `{"text": "${secret}`, `{"a": 1} ${secret}`, `{${secret}}`, `["${secret}", ${secret}]`]) {
    const d = describeJsonError(failure(text));
    assert.doesNotMatch(d, /abandon|ability|accident/, d);
  }
});

test('behavior: names the kind of problem and its position when known', () => {
  assert.match(describeJsonError(failure('{"a": 1')), /ends too early|comma or closing/);
  assert.match(describeJsonError(failure('{"a": 1} x')), /extra text after the JSON value/);
  assert.match(describeJsonError(failure('{a: 1}')), /property name was expected at position 1/);
});

test('error: non-Error values still give a safe description', () => {
  assert.equal(describeJsonError('weird'), 'unexpected character');
});
