import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './cli.ts';

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
