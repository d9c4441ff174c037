// Writes docs/api.md from the OpenAPI document of the routes a default server registers, and the
// access tables of docs/security.md from the same routes' access declarations.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, silentLogger } from '../src/core/index.ts';
import { roles, staffRoles } from '../src/auth/index.ts';
import { renderAccessTable, renderApiMarkdown, withAccessTable } from '../src/http/routes/api-docs.ts';
import { renderOpenApi } from '../src/http/routes/openapi.ts';
import { buildHttpApp, openRuntime } from '../src/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'opsdesk-apidoc-'));
try {
  const runtime = await openRuntime(loadConfig({ cwd: dir, env: {}, flags: { dataDir: dir } }), { logger: silentLogger });
  try {
    const { routes } = buildHttpApp(runtime);
    writeFileSync('docs/api.md', renderApiMarkdown(renderOpenApi(routes)));
    writeFileSync('docs/security.md', withAccessTable(readFileSync('docs/security.md', 'utf8'), renderAccessTable(routes, roles, staffRoles)));
  } finally {
    await runtime.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.error('wrote docs/api.md and the access tables of docs/security.md');
