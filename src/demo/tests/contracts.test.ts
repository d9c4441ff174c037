import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { artifactsPath, renderDemoArtifacts } from '../../../scripts/gen-demo-contracts.ts';

test('the shipped demo contract artifacts match Demo.sol compiled now', () => {
  assert.equal(readFileSync(artifactsPath, 'utf8'), renderDemoArtifacts(), 'run `npx tsx scripts/gen-demo-contracts.ts`');
});
