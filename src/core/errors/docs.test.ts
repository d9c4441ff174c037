import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

test('every docsPath an error points to has a section in docs/errors.md', () => {
  const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
  const anchors = new Set([...doc.matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]));
  const used = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/docsPath: '([a-z0-9-]+)'/g)) used.add(m[1]!);
  }
  const missing = [...used].filter((p) => !anchors.has(p));
  assert.deepEqual(missing, [], 'add a "## <docsPath>" section to docs/errors.md for each');
  assert.ok(used.size >= 3);
});
