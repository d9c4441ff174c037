import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { roles, staffRoles } from '../../auth/index.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { renderAccessTable, withAccessTable } from '../routes/api-docs.ts';

const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(async () => t.close());

/** The rows of the hand-written roles table: role → the row's text. */
function roleRows(): Map<string, string> {
  const section = doc.slice(doc.indexOf('## Roles'), doc.indexOf('<!-- access-table:begin'));
  return new Map([...section.matchAll(/^\| `(\w+)` \|(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

test('docs/security.md: the access tables are generated from the current route declarations', () => {
  assert.equal(doc, withAccessTable(doc, renderAccessTable(t.routes, roles, staffRoles)), 'run `npx tsx scripts/gen-api-doc.ts` and commit docs/security.md');
});

test('docs/security.md: the roles table lists the roles of src/auth/roles.ts, lowest first', () => {
  assert.deepEqual([...roleRows().keys()], [...roles]);
});

test('behavior: the viewer and ingest rows name every route those roles may call', () => {
  // How the rows name a route: by path, or by what it is for.
  const names: Record<string, string> = { '/mcp': 'MCP', '/api/auth/logout': 'sign in', '/api/auth/password': 'password' };
  const rows = roleRows();
  for (const role of ['viewer', 'ingest'] as const) {
    const row = rows.get(role) ?? '';
    for (const r of t.routes) {
      if ('public' in r.access || !r.access.roles.includes(role)) continue;
      const name = role === 'ingest' ? r.path : (names[r.path] ?? r.path);
      assert.ok(row.includes(name), `the ${role} row does not mention ${r.method} ${r.path}`);
    }
  }
});
