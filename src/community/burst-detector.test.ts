import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeWindow, type TopicHit } from './burst-detector.ts';

const options = { windowSec: 1800, baselineWindows: 48, minAuthors: 5, minRatio: 4 };
const now = Date.parse('2026-11-27T12:00:00Z');
const hit = (topic: string, author: string, minutesAgo: number): TopicHit => ({ topic, author, atMs: now - minutesAgo * 60_000 });

test('flags a topic heard from many authors far above its baseline', () => {
  const hits = [...Array.from({ length: 10 }, (_, i) => hit('solana+swap+failed', `u${i}`, i * 2)), ...Array.from({ length: 12 }, (_, i) => hit('solana+swap+failed', `b${i % 3}`, 60 + i * 90))];
  const [v] = judgeWindow(hits, now, options);
  assert.equal(v?.topic, 'solana+swap+failed');
  assert.equal(v?.authors, 10);
  assert.equal(v?.baseline, 0.25);
  assert.equal(v?.ratio, 20);
});

test('behavior: one noisy author is not a burst, and a busy topic needs more than its noise', () => {
  const loud = Array.from({ length: 50 }, (_, i) => hit('bridge+stuck', 'same', i % 29));
  assert.deepEqual(judgeWindow(loud, now, options), []);
  const busy: TopicHit[] = [];
  for (let w = 1; w <= 48; w++) for (let a = 0; a < 6; a++) busy.push(hit('send+failed', `x${w}-${a}`, w * 30 + 1));
  for (let a = 0; a < 9; a++) busy.push(hit('send+failed', `now${a}`, 1));
  assert.deepEqual(judgeWindow(busy, now, options), []);
});

test('behavior: a broader topic folds into the specific one that explains it', () => {
  const hits: TopicHit[] = [];
  for (let i = 0; i < 8; i++) for (const t of ['solana+swap+failed', 'solana+failed', 'swap+failed']) hits.push(hit(t, `u${i}`, i));
  assert.deepEqual(judgeWindow(hits, now, options).map((v) => v.topic), ['solana+swap+failed']);
});

test('error: hits outside the window and baseline are ignored', () => {
  const hits = Array.from({ length: 10 }, (_, i) => hit('x+failed', `u${i}`, -5 - i));
  assert.deepEqual(judgeWindow(hits, now, options), []);
});
