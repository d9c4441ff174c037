import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, OpsError, TimeoutError, toOpsError } from './index.ts';
import { redactUrl } from './redact-url.ts';

test('OpsError composes its message from short message, hints, docs and details', () => {
  const cause = new Error('socket hang up');
  const err = new OpsError('Cannot reach the RPC endpoint.', { code: 'UNAVAILABLE', cause, metaMessages: ['Try another endpoint.'], docsPath: 'rpc-unavailable' });
  assert.equal(err.message, 'Cannot reach the RPC endpoint.\n\nTry another endpoint.\n\nDocs: docs/errors.md#rpc-unavailable\n\nDetails: socket hang up');
  assert.equal(err.retryable, true);
  assert.equal(err.walk(), cause);
  assert.equal(err.walk((e) => e instanceof OpsError), err);
});

test('behavior: subclasses carry their code; unknown errors become INTERNAL', () => {
  assert.equal(new NotFoundError('No ticket t_1.').code, 'NOT_FOUND');
  assert.equal(new TimeoutError('Slow.').retryable, true);
  const wrapped = toOpsError(new TypeError('x is undefined'));
  assert.equal(wrapped.code, 'INTERNAL');
  assert.equal(wrapped.details, 'x is undefined');
});

test('redactUrl hides keys in user info, query and path', () => {
  assert.equal(redactUrl('https://user:pw@rpc.example/v2/abcdef1234567890abcdef1234567890?apikey=zzz&chain=1'), 'https://***:***@rpc.example/v2/***?apikey=***&chain=1');
  assert.equal(redactUrl('https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161'), 'https://mainnet.infura.io/v3/***');
  assert.equal(redactUrl('https://polygon-rpc.com/'), 'https://polygon-rpc.com/');
});

test('error: redactUrl keeps non-URLs but hides user info', () => {
  assert.equal(redactUrl('not a url //me:pw@host'), 'not a url //***@host');
});
