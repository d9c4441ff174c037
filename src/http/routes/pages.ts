import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginPageHtml } from '../pages/login-page.ts';
import { defineRoute, type RouteDef } from '../route.ts';

// src/http/routes and dist/http/routes are both three levels below the package root.
const consoleDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The console: its built bundle when present (web/dist), else the plain sign-in page. */
export function pageRoutes(dir: string = consoleDir): RouteDef[] {
  const indexFile = join(dir, 'index.html');
  const hasConsole = existsSync(indexFile);
  const index = hasConsole ? readFileSync(indexFile, 'utf8') : loginPageHtml();
  const assets = new Map<string, Buffer>();
  if (hasConsole && existsSync(join(dir, 'assets'))) {
    for (const name of readdirSync(join(dir, 'assets'))) assets.set(name, readFileSync(join(dir, 'assets', name)));
  }
  return [
    defineRoute({
      method: 'GET',
      path: '/',
      access: { public: true, reason: 'the console shell and sign-in page; data comes from authenticated API calls' },
      summary: 'The web console (sign-in page when signed out).',
      handler: (c) => c.html(index, 200, { 'cache-control': 'no-cache' }),
    }),
    defineRoute({
      method: 'GET',
      path: '/assets/:file',
      access: { public: true, reason: 'static, content-hashed console bundle files; no data' },
      summary: 'Console bundle files.',
      handler: (c) => {
        const name = c.req.param('file') ?? '';
        const body = assets.get(name);
        if (!body) return c.body('not found', 404);
        return c.body(new Uint8Array(body), 200, { 'content-type': types[extname(name)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
      },
    }),
  ];
}
