import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../../test/cli.ts';

const docs = join(repoRoot, 'docs');

test('docs/README.md links every page in docs/, and every link it has points to a page', () => {
  const index = readFileSync(join(docs, 'README.md'), 'utf8');
  const linked = new Set([...index.matchAll(/\]\(([\w.-]+\.md)(#[\w-]*)?\)/g)].map((m) => m[1]!));
  const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md');
  for (const page of pages) assert.ok(linked.has(page), `docs/README.md does not link ${page}`);
  for (const link of linked) assert.ok(existsSync(join(docs, link)), `docs/README.md links ${link}, which does not exist`);
});

test('behavior: the pages this index introduces link only to pages that exist', () => {
  for (const page of ['quickstart.md', 'operations.md', 'security.md', 'api.md', 'triage.md']) {
    const text = readFileSync(join(docs, page), 'utf8');
    for (const m of text.matchAll(/\]\(([\w.-]+\.md)(#[\w-]*)?\)/g)) assert.ok(existsSync(join(docs, m[1]!)), `${page} links ${m[1]}, which does not exist`);
  }
});
