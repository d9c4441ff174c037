import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureCorpus } from './redaction-corpus-measure.ts';

// A slice of the benchmark corpus (bench/redaction-corpus.ts), on a seed of its own.
test('redaction corpus slice: every secret hidden, under 0.5% false positives', () => {
  const report = measureCorpus(600, 600, 424242);
  const kinds = Object.keys(report.recall).sort();
  assert.deepEqual(kinds, ['api_key', 'card_cvv', 'card_number', 'password', 'pin', 'private_key', 'seed_phrase'], 'the slice covers every kind');
  for (const [kind, r] of Object.entries(report.recall)) assert.equal(r.hidden, r.total, `${kind}: ${r.total - r.hidden} missed (${JSON.stringify(report.misses.filter((m) => m.kind === kind).slice(0, 5))})`);
  assert.ok(report.ordinaryFlagged / report.ordinary < 0.005, `false positives: ${JSON.stringify(report.fpForms.slice(0, 5))}`);
});

test('behavior: the generator is deterministic for a seed', () => {
  assert.deepEqual(measureCorpus(50, 50, 1), measureCorpus(50, 50, 1));
});
