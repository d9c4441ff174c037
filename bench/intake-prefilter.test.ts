import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCardNumbers } from '../src/redaction/cards.ts';
import { findCredentials } from '../src/redaction/credentials.ts';
import { findPrivateKeys } from '../src/redaction/keys.ts';
import { mayHoldCardNumber, mayHoldPrivateKey, mayHoldSecret, mayHoldSeedPhrase, mayHoldTokenShape, shapeOf } from '../src/redaction/prefilter.ts';
import { findSeedPhrases } from '../src/redaction/seed-phrase.ts';
import { createRng, ordinarySample, secretSample } from './redaction-corpus-gen.ts';

// The prefilter may only skip a detector that would have found nothing: checked on every secret form of
// the corpus, on ordinary messages, and on their pieces (lines, words, short windows like log values).
test('the redaction prefilter never rules out a text in which a detector finds something', () => {
  const rng = createRng(777);
  const texts: string[] = [];
  for (let i = 0; i < 1500; i++) {
    for (const t of [secretSample(rng, i).text, ordinarySample(rng, i).text]) {
      texts.push(t, ...t.split('\n'), ...t.split(/\s+/));
      for (let at = 0; at < t.length; at += 37) texts.push(t.slice(at, at + 60));
    }
  }
  let provedClean = 0;
  for (const text of texts) {
    const s = shapeOf(text);
    if (findSeedPhrases(text).length) assert.ok(mayHoldSeedPhrase(s), text);
    if (findPrivateKeys(text).length) assert.ok(mayHoldPrivateKey(s), text);
    if (findCardNumbers(text).length) assert.ok(mayHoldCardNumber(s), text);
    const creds = findCredentials(text);
    if (creds.length) assert.ok(mayHoldSecret(text), text);
    if (findCredentials(text, false).length !== creds.length) assert.ok(mayHoldTokenShape(s), text);
    if (!mayHoldSecret(text)) provedClean++;
  }
  assert.ok(provedClean > texts.length / 4, `only ${provedClean} of ${texts.length} texts were proved clean`);
});
