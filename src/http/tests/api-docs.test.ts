import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';
import { renderApiMarkdown } from '../routes/api-docs.ts';
import { renderOpenApi } from '../routes/openapi.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(async () => t.close());

const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

test('every registered route is in /api/openapi.json with its access', async () => {
  const res = await t.request('/api/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { summary: string; security?: unknown[]; 'x-opsdesk-roles'?: string[] }>> };
  const listed = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
  assert.equal(listed.size, t.routes.length);
  for (const r of t.routes) {
    const op = doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()];
    assert.ok(op, `${r.method} ${r.path} is missing from the OpenAPI document`);
    assert.ok(op.summary.length > 5, `${r.method} ${r.path} has no summary`);
    if ('public' in r.access) assert.deepEqual(op.security, []);
    else assert.deepEqual(op['x-opsdesk-roles'], [...r.access.roles]);
  }
});

test('docs/api.md is generated from the current routes', () => {
  const onDisk = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
  assert.equal(onDisk, renderApiMarkdown(renderOpenApi(t.routes)), 'run `npx tsx scripts/gen-api-doc.ts` and commit docs/api.md');
  for (const r of t.routes) assert.ok(onDisk.includes(`| ${r.method} | \`${openApiPath(r.path)}\` |`), `${r.method} ${r.path} is not in docs/api.md`);
});

test('behavior: /api/docs renders every route as a self-contained page for signed-in staff', async () => {
  const token = await t.tokenFor('viewer');
  const res = await t.request('/api/docs', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = await res.text();
  for (const r of t.routes) assert.ok(html.includes(`<code>${openApiPath(r.path).replace(/&/g, '&amp;')}</code>`), `${r.method} ${r.path} is not on the page`);
  assert.doesNotMatch(html, /<script|<link|@import|url\(/i, 'the page loads nothing else');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, 'no external assets');
});

test('error: /api/docs needs a session or token (401), and an ingest token is refused (403)', async () => {
  assert.equal((await t.request('/api/docs')).status, 401);
  const ingest = await t.tokenFor('ingest');
  assert.equal((await t.request('/api/docs', { headers: { authorization: `Bearer ${ingest}` } })).status, 403);
});
