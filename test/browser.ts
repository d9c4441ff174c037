import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createUser } from '../src/auth/index.ts';
import { loadConfig, silentLogger, type ConfigInput } from '../src/core/index.ts';
import { startServer, type StartedServer } from '../src/main.ts';
import { repoRoot } from './cli.ts';
import { tempDir } from './tmp.ts';

export const chromiumPath = process.env.OPSDESK_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, 'docs', 'screenshots');

/** Launches Debian's Chromium headless (Playwright gives it a fresh temporary profile) with the flags this closed network needs. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}; install it with apt-get install chromium (.ci/run does).`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

function newest(dir: string): number {
  let m = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return m;
}

/** Builds the console bundle when it is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const index = join(repoRoot, 'web', 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(repoRoot, 'web', 'src'))) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-web.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the console failed');
}

export function ensureScreenshotDir(): string {
  mkdirSync(screenshotDir, { recursive: true });
  return screenshotDir;
}

export interface Credentials {
  email: string;
  password: string;
}

/** Opens the console at `url` and submits the sign-in form as `who`; waits for the main navigation unless `expectRefusal`. */
export async function signIn(page: Page, url: string, who: Credentials, options: { expectRefusal?: boolean } = {}): Promise<void> {
  await page.goto(url + '/');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!options.expectRefusal) await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export interface ConsoleServer {
  server: StartedServer;
  url: string;
  browser: Browser;
  /** A new page signed in as `who`. */
  signedInPage(who: Credentials, viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes the browser, stops the server and removes its temporary data dir. */
  stop(): Promise<void>;
}

export interface ConsoleServerOptions {
  /** Prefix of the temporary data dir. */
  tmpPrefix: string;
  /** The first admin (auth.adminEmail / adminPassword). */
  admin?: Credentials;
  /** People created once the server is up. */
  users?: Array<Parameters<typeof createUser>[1]>;
  /** Config flags on top of the defaults (port 0, the repo's KB unwatched, monitor scheduler and community ticks off); a section given here is merged into the default one. */
  flags?: ConfigInput;
}

function withDefaults(dataDir: string, admin: Credentials, flags: ConfigInput): ConfigInput {
  const defaults: Record<string, unknown> = {
    dataDir,
    server: { port: 0 },
    kb: { dir: join(repoRoot, 'kb'), watch: false },
    monitor: { schedulerEnabled: false },
    community: { backgroundTickSec: 0 },
    auth: { adminEmail: admin.email, adminPassword: admin.password },
  };
  for (const [key, value] of Object.entries(flags)) {
    const prev = defaults[key];
    const plain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    defaults[key] = plain(prev) && plain(value) ? { ...(prev as object), ...(value as object) } : value;
  }
  return defaults as ConfigInput;
}

/** A real console server (SQLite and DuckDB in a fresh temporary dir) with its people, and headless Chromium to drive it. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const admin = options.admin ?? { email: 'root@example.test', password: 'root password long' };
  const tmp = tempDir(options.tmpPrefix);
  let server: StartedServer | undefined;
  let chromium: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const stop = async () => {
    await chromium?.close();
    await server?.stop();
    tmp.remove();
  };
  try {
    server = await startServer(loadConfig({ cwd: tmp.dir, env: {}, flags: withDefaults(tmp.dir, admin, options.flags ?? {}) }), { logger: silentLogger, announce: () => undefined });
    for (const user of options.users ?? []) await createUser(server.runtime.store.db, user, null);
    chromium = await launchBrowser();
  } catch (err) {
    await stop();
    throw err;
  }
  const { browser } = chromium;
  const url = server.url;
  return {
    server,
    url,
    browser,
    async signedInPage(who, viewport = { width: 1280, height: 800 }) {
      const page = await browser.newPage({ viewport });
      await signIn(page, url, who);
      return page;
    },
    stop,
  };
}
