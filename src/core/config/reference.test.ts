import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderConfigReference } from './reference.ts';

test('docs/configuration.md is generated from the current schema', () => {
  const onDisk = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
  assert.equal(onDisk, renderConfigReference() + '\n', 'run `npx tsx scripts/gen-config-doc.ts` and commit the result');
});

test('behavior: every config field is documented', () => {
  const doc = renderConfigReference();
  const undocumented = doc.split('\n').filter((l) => l.startsWith('| `') && l.endsWith(' |  |'));
  assert.deepEqual(undocumented, [], 'add .describe() to these fields');
});
