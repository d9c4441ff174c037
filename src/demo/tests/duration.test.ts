import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from '../duration.ts';

test('durations: seconds, minutes, milliseconds', () => {
  assert.deepEqual(['20s', '3m', '1500ms', '250', '1.5s'].map((d) => parseDuration(d, '--x')), [20_000, 180_000, 1500, 250, 1500]);
});

test('error: a duration without a number is refused with the flag named', () => {
  assert.throws(() => parseDuration('soon', '--demo-incident-after'), /--demo-incident-after must be a duration/);
});
