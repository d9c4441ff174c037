import { createToken, createUser, type Role, type StaffRole } from '../src/auth/index.ts';
import { loadConfig, silentLogger, type Clock, type ConfigInput } from '../src/core/index.ts';
import { buildHttpApp, openRuntime, type Runtime } from '../src/main.ts';
import type { RouteDef } from '../src/http/index.ts';
import { createTempDatabase } from './postgres.ts';
import { tempDir } from './tmp.ts';

export interface TestApp {
  runtime: Runtime;
  routes: readonly RouteDef[];
  dataDir: string;
  /** Calls the app in-process (no socket). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A bearer token with the given role. */
  tokenFor(role: Role): Promise<string>;
  /** Signs in a new user with the role; returns the cookie header and CSRF token. */
  loginAs(role: StaffRole): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

/** The real app over a fresh store (SQLite by default, or PostgreSQL), for HTTP-level tests. */
export async function openTestApp(options: { engine?: 'sqlite' | 'postgres'; config?: ConfigInput; clock?: Clock } = {}): Promise<TestApp> {
  const tmp = tempDir('opsdesk-app-');
  const pg = options.engine === 'postgres' ? await createTempDatabase() : undefined;
  const config = loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir, ...(pg ? { database: { url: pg.url } } : {}), ...options.config } });
  const runtime = await openRuntime(config, { logger: silentLogger, ...(options.clock ? { clock: options.clock } : {}) });
  const { app, routes } = buildHttpApp(runtime);
  let n = 0;
  const request = async (path: string, init?: RequestInit) => app.fetch(new Request(`http://opsdesk.test${path}`, init));
  return {
    runtime,
    routes,
    dataDir: tmp.dir,
    request,
    async tokenFor(role) {
      const { secret } = await createToken(runtime.store.db, { name: `test-${role}-${++n}`, role }, null, runtime.clock);
      return secret;
    },
    async loginAs(role) {
      const email = `${role}-${++n}@example.test`;
      const password = 'a-long-test-password';
      await createUser(runtime.store.db, { email, role, password }, null, runtime.clock);
      const res = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const body = (await res.json()) as { csrfToken: string };
      return { cookie: cookies, csrf: body.csrfToken };
    },
    async close() {
      await runtime.close();
      await pg?.drop();
      tmp.remove();
    },
  };
}
