import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

test('the logger writes JSON lines and scrubs every string it is given', () => {
  const { lines, destination } = capture();
  const log = createLogger({ level: 'info', destination, scrub: (s) => s.replace(/hunter2/g, '[REDACTED:password]') });
  log.info({ body: 'my password is hunter2', nested: { list: ['hunter2'] } }, 'user wrote hunter2');
  const entry = JSON.parse(lines[0]!) as { msg: string; body: string; nested: { list: string[] } };
  assert.equal(entry.msg, 'user wrote [REDACTED:password]');
  assert.equal(entry.body, 'my password is [REDACTED:password]');
  assert.deepEqual(entry.nested.list, ['[REDACTED:password]']);
});

test('behavior: known secret fields are censored even without a scrubber', () => {
  const { lines, destination } = capture();
  createLogger({ destination }).info({ password: 'p', token: 't', authorization: 'Bearer x' }, 'login');
  const entry = JSON.parse(lines[0]!) as Record<string, string>;
  assert.equal(entry.password, '[REDACTED]');
  assert.equal(entry.token, '[REDACTED]');
  assert.equal(entry.authorization, '[REDACTED]');
});

test('error: below the level nothing is written', () => {
  const { lines, destination } = capture();
  createLogger({ level: 'warn', destination }).info('quiet');
  assert.equal(lines.length, 0);
});
