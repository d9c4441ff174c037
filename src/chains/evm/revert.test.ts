import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeErrorResult, parseAbi } from 'viem';
import { classifyRevert, decodeRevert } from './revert.ts';
import { findLookalike } from './poisoning.ts';

const abi = parseAbi(['error Error(string)', 'error Panic(uint256)', 'error V3TooLittleReceived()', 'error AllowanceExpired(uint256 deadline)', 'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)', 'error Nope(uint8)']);

test('decodes Error(string), Panic, and known custom errors, and classifies them', () => {
  const v3 = decodeRevert(encodeErrorResult({ abi, errorName: 'Error', args: ['Too little received'] }));
  assert.deepEqual([v3.kind, v3.reason, classifyRevert(v3)], ['error_string', 'Too little received', 'slippage']);
  const panic = decodeRevert(encodeErrorResult({ abi, errorName: 'Panic', args: [0x11n] }));
  assert.equal(panic.reason, 'Panic(0x11): arithmetic overflow or underflow');
  assert.equal(classifyRevert(panic), undefined);
  assert.equal(classifyRevert(decodeRevert(encodeErrorResult({ abi, errorName: 'V3TooLittleReceived' }))), 'slippage');
  const permit2 = decodeRevert(encodeErrorResult({ abi, errorName: 'AllowanceExpired', args: [1700000000n] }));
  assert.deepEqual([permit2.reason, classifyRevert(permit2)], ['AllowanceExpired(1700000000)', 'insufficient_allowance']);
  const oz5 = decodeRevert(encodeErrorResult({ abi, errorName: 'ERC20InsufficientBalance', args: ['0x0000000000000000000000000000000000000001', 1n, 2n] }));
  assert.equal(oz5.selector, '0xe450d38c');
  assert.equal(classifyRevert(oz5), 'insufficient_token_balance');
  assert.equal(classifyRevert(decodeRevert(encodeErrorResult({ abi, errorName: 'Error', args: ['UniswapV2Router: EXPIRED'] }))), 'deadline');
});

test('behavior: empty data and unknown selectors are reported as such', () => {
  assert.equal(decodeRevert('0x').kind, 'empty');
  assert.equal(decodeRevert(undefined).kind, 'empty');
  const unknown = decodeRevert(encodeErrorResult({ abi, errorName: 'Nope', args: [1] }));
  assert.equal(unknown.kind, 'unknown_selector');
  assert.match(unknown.reason, /^unknown custom error 0x[0-9a-f]{8}$/);
});

test('error: garbage after a known selector does not throw', () => {
  assert.equal(decodeRevert('0x08c379a0deadbeef').kind, 'unknown_selector');
});

test('look-alike addresses share 4+ leading and trailing hex characters but differ', () => {
  const genuine = '0xAbCd000000000000000000000000000000001234';
  assert.deepEqual(findLookalike('0xabcd999999999999999999999999999999991234', [genuine]), { lookalike: '0xabcd999999999999999999999999999999991234', genuine, prefix: 4, suffix: 4 });
  assert.equal(findLookalike(genuine.toLowerCase(), [genuine]), undefined, 'the same address is not a look-alike');
  assert.equal(findLookalike('0xabc0999999999999999999999999999999991234', [genuine]), undefined);
});
