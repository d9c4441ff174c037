import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderFindingCodesDoc } from '../../../scripts/finding-codes.ts';
import { evmFindings } from '../findings/evm.ts';

const docPath = new URL('../../../docs/finding-codes.md', import.meta.url);

test('docs/finding-codes.md is generated from the current catalogues', () => {
  const onDisk = readFileSync(docPath, 'utf8');
  assert.equal(onDisk, renderFindingCodesDoc(onDisk), 'run `npx tsx scripts/gen-finding-codes.ts` and commit the result');
  for (const code of Object.keys(evmFindings)) assert.ok(onDisk.includes(`### \`${code}\``), `${code} is not documented`);
});

test('behavior: every EVM code has English, Spanish and Brazilian Portuguese texts with the same placeholders', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const [code, t] of Object.entries(evmFindings)) {
    for (const locale of ['es', 'pt-BR'] as const) {
      const message = t.userMessage[locale];
      const steps = t.nextSteps[locale];
      assert.ok(message, `${code} has no ${locale} user message`);
      assert.ok(steps, `${code} has no ${locale} next steps`);
      assert.equal(names(message), names(t.userMessage.en), `${code} ${locale} user message placeholders`);
      assert.equal(steps.length, t.nextSteps.en.length, `${code} ${locale} next steps count`);
      steps.forEach((s, i) => assert.equal(names(s), names(t.nextSteps.en[i]!), `${code} ${locale} next step ${i + 1} placeholders`));
    }
  }
});

test('behavior: hand-written sections of other families survive regeneration', () => {
  const withOther = `${renderFindingCodesDoc(undefined)}\n## Bitcoin\n\nhand-written\n`;
  assert.match(renderFindingCodesDoc(withOther), /## Bitcoin\n\nhand-written/);
  assert.equal(renderFindingCodesDoc(renderFindingCodesDoc(withOther)), renderFindingCodesDoc(withOther));
});
