import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeNumber } from './index.ts';

test('normalizes decimal notations of en, es and pt', () => {
  assert.equal(normalizeNumber('120.5'), '120.5');
  assert.equal(normalizeNumber('0,5'), '0.5');
  assert.equal(normalizeNumber('1.234,56'), '1234.56');
  assert.equal(normalizeNumber('1,234.56'), '1234.56');
  assert.equal(normalizeNumber('1,500'), '1500');
  assert.equal(normalizeNumber('0,500'), '0.500');
  assert.equal(normalizeNumber('1.000.000'), '1000000');
  assert.equal(normalizeNumber('1 000'), '1000');
});

test('behavior: a lone comma with other than three digits is a decimal comma', () => {
  assert.equal(normalizeNumber('12,75'), '12.75');
  assert.equal(normalizeNumber('3,1415'), '3.1415');
});
