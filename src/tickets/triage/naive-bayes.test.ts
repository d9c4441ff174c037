import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NaiveBayes } from './naive-bayes.ts';
import type { Doc } from './text.ts';

const doc = (...words: string[]): Doc => ({ tokens: words, extra: new Map() });

const docs = [
  { features: ['w:pending', 'w:stuck'], label: 'a' },
  { features: ['w:pending', 'w:hours'], label: 'a' },
  { features: ['w:nft', 'w:collectibles'], label: 'b' },
  { features: ['w:nft', 'w:opensea'], label: 'b' },
];

test('trains and predicts the label whose features match, with a confidence', () => {
  const m = NaiveBayes.train(docs, ['a', 'b'], { minDocs: 1 });
  const p = m.predict(doc('pending', 'stuck'));
  assert.equal(p.label, 'a');
  assert.ok(p.confidence > 0.5 && p.confidence <= 1);
  assert.equal(Math.round(p.probabilities.reduce((x, y) => x + y, 0) * 1e6), 1e6);
  assert.deepEqual(p.evidence.map((e) => e.source).sort(), ['pending', 'stuck']);
});

test('behavior: a boost moves the decision; unknown features are ignored', () => {
  const m = NaiveBayes.train(docs, ['a', 'b'], { minDocs: 1 });
  const f = doc('unknown', 'pending');
  assert.equal(m.predict(f).label, 'a');
  assert.equal(m.predict(f, [0, 5]).label, 'b');
});

test('behavior: the serialised file rebuilds the same model', () => {
  const m = NaiveBayes.train(docs, ['a', 'b'], { minDocs: 1 });
  const again = new NaiveBayes(JSON.parse(JSON.stringify(m.file)));
  const f = doc('nft');
  assert.deepEqual(again.predict(f).probabilities, m.predict(f).probabilities);
});

test('error: a document with an unknown label is refused', () => {
  assert.throws(() => NaiveBayes.train([{ features: ['w:x'], label: 'zzz' }], ['a', 'b']), /unknown label zzz/);
});
