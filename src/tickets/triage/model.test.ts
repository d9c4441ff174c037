import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/tmp.ts';
import { TriageModelInvalidError } from '../errors.ts';
import { loadCorpus } from './corpus.ts';
import { corpusDirOf, loadTriageModel, shippedTriageDir, triageDirOf } from './load.ts';
import { prepare, readTriageModel, scoreModel, trainTriageModel, writeTriageModel } from './model.ts';

test('the shipped model meets the targets on the fixed held-out set', () => {
  const tmp = tempDir();
  try {
    const model = loadTriageModel(tmp.dir);
    const test = loadCorpus(corpusDirOf(shippedTriageDir)).filter((e) => e.split === 'test');
    const score = scoreModel(model, test);
    assert.ok(score.categoryAccuracy >= 0.85, `category accuracy ${score.categoryAccuracy}`);
    assert.ok(score.severityWithinOne >= 0.9, `severity within one ${score.severityWithinOne}`);
    assert.equal(model.file.heldOut.examples, test.length);
  } finally {
    tmp.remove();
  }
});

test('behavior: the corpus has 40+ examples per category in en, es and pt, and a fixed 1-in-5 split', () => {
  const all = loadCorpus(corpusDirOf(shippedTriageDir));
  const per = new Map<string, number>();
  for (const e of all) per.set(e.category, (per.get(e.category) ?? 0) + 1);
  assert.equal(per.size, 15);
  for (const [cat, n] of per) assert.ok(n >= 40, `${cat} has ${n}`);
  assert.deepEqual(new Set(all.map((e) => e.language)), new Set(['en', 'es', 'pt']));
  assert.equal(all.filter((e) => e.split === 'test').length, [...per.values()].reduce((sum, n) => sum + Math.floor(n / 5), 0));
});

test('behavior: the shipped model lives outside the default data dir, and a retrained model in a data dir is preferred', () => {
  const repoRoot = resolve(shippedTriageDir, '../..');
  assert.ok(relative(join(repoRoot, 'data'), shippedTriageDir).startsWith('..'), `${shippedTriageDir} is inside ./data`);
  const tmp = tempDir();
  try {
    assert.equal(loadTriageModel(tmp.dir).version, 1);
    writeTriageModel(triageDirOf(tmp.dir), trainTriageModel(loadCorpus(corpusDirOf()).slice(0, 200), { version: 2 }));
    assert.equal(loadTriageModel(tmp.dir).version, 2);
  } finally {
    tmp.remove();
  }
});

test('behavior: a trained model round-trips through its versioned file', () => {
  const tmp = tempDir();
  try {
    const examples = loadCorpus(corpusDirOf(shippedTriageDir)).slice(0, 200);
    const model = trainTriageModel(examples, { version: 7 });
    const path = writeTriageModel(tmp.dir, model);
    assert.equal(path, join(tmp.dir, 'model-v7.json'));
    const again = readTriageModel(path);
    const p = prepare('my swap failed and the usdt never arrived');
    assert.deepEqual(again.decide(p).categoryPrediction.probabilities, model.decide(p).categoryPrediction.probabilities);
  } finally {
    tmp.remove();
  }
});

test('error: a corrupt model file is refused with a clear error', () => {
  const tmp = tempDir();
  try {
    const path = join(tmp.dir, 'model-v3.json');
    writeFileSync(path, '{"format":"something-else"}');
    assert.throws(() => readTriageModel(path), (err: unknown) => err instanceof TriageModelInvalidError && /cannot be loaded/.test(err.message));
  } finally {
    tmp.remove();
  }
});
