import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../src/auth/index.ts';
import { loadConfig, silentLogger } from '../../src/core/index.ts';
import { startServer, type StartedServer } from '../../src/main.ts';
import { ensureConsoleBuilt, ensureScreenshotDir, launchBrowser } from '../../test/browser.ts';
import { tempDir } from '../../test/tmp.ts';

let server: StartedServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let tmp: { dir: string; remove(): void };
const admin = { email: 'ana@example.test', password: 'a long console password' };

before(async () => {
  ensureConsoleBuilt();
  tmp = tempDir('opsdesk-console-');
  const config = loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir, server: { port: 0 }, auth: { adminEmail: 'root@example.test', adminPassword: 'root password long' } } });
  server = await startServer(config, { logger: silentLogger, announce: () => undefined });
  await createUser(server.runtime.store.db, { email: admin.email, name: 'Ana', role: 'admin', password: admin.password }, null);
  ({ browser, close: closeBrowser } = await launchBrowser());
});
after(async () => {
  await closeBrowser?.();
  await server?.stop();
  tmp?.remove();
});

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(server.url + '/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin signs in, creates an API token and sees it listed', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Users & tokens' }).click();
    await page.getByPlaceholder('token name, e.g. otel-collector').fill('grafana');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/Token grafana \(shown once\): ods_/).waitFor();
    await page.getByRole('cell', { name: 'grafana' }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-users.png') });
  } finally {
    await page.close();
  }
});

test('behavior: the console is usable with the keyboard alone', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(server.url + '/');
    await page.getByLabel('E-mail').waitFor();
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.evaluate(() => document.title.endsWith('OpsDesk')), true);
  } finally {
    await page.close();
  }
});

test('error: a wrong password shows the API problem message', async () => {
  const page = await browser.newPage();
  try {
    await signIn(page, admin.email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /E-mail or password is wrong/);
  } finally {
    await page.close();
  }
});
