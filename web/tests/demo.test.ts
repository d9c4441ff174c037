import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../test/cli.ts';
import { ensureConsoleBuilt, ensureScreenshotDir, launchBrowser, signIn, type Credentials } from '../../test/browser.ts';
import { tempDir } from '../../test/tmp.ts';

// `opsdesk serve --demo` on a fresh data dir, as a newcomer runs it: a real process, a real devnet, a real browser.
let server: ServerProcess;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let tmp: { dir: string; remove(): void };
let startedAt: number;
let login: Credentials;
let devnetUrl: string;

before(async () => {
  ensureConsoleBuilt();
  tmp = tempDir('opsdesk-demo-web-');
  ({ browser, close: closeBrowser } = await launchBrowser());
  startedAt = performance.now();
  server = await startServerProcess(['--data-dir', tmp.dir], { serveArgs: ['--demo', '--demo-incident-after', '20s'], timeoutMs: 90_000, env: { OPSDESK_LOG_LEVEL: 'error' } });
  const m = /Sign in as (\S+) with password (\S+)/.exec(server.stderr());
  assert.ok(m, `the banner names the demo login:\n${server.stderr()}`);
  login = { email: m[1]!, password: m[2]! };
  devnetUrl = /hardhat, (http:\/\/127\.0\.0\.1:\d+)\)/.exec(server.stderr())?.[1] ?? '';
  assert.match(server.stderr(), /DEMO DATA/);
});
after(async () => {
  await closeBrowser?.();
  await server?.stop();
  tmp?.remove();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('the console shows the demo queue within 60 s of the process start; the stuck devnet tx shows the nonce gap; the injected incident raises an alert by itself', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await signIn(page, server.url, login);
    await nav(page, 'Queue').click();
    const list = page.getByRole('listbox', { name: 'Tickets' });
    // The queue refreshes itself every 15 s; reload sooner in case the first page came before the seeding.
    while (performance.now() - startedAt < 60_000) {
      const ok = await list.getByRole('option').first().waitFor({ timeout: 8000 }).then(() => true, () => false);
      if (ok) break;
      await page.reload();
    }
    const queueSec = (performance.now() - startedAt) / 1000;
    console.log(`demo queue visible ${queueSec.toFixed(1)} s after the process start`);
    assert.ok(await list.getByRole('option').first().isVisible(), `the demo queue was not shown within 60 s (${queueSec.toFixed(1)} s):\n${server.stderr().slice(-1500)}`);
    assert.ok(queueSec <= 60, `demo queue after ${queueSec.toFixed(1)} s`);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'demo-queue.png') });

    await page.getByPlaceholder('Search subject, requester, id, chain (press /)').fill('pending for hours');
    const stuck = list.getByRole('option', { name: /ETH transfer pending for hours/ });
    await stuck.waitFor();
    await stuck.click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'ETH transfer pending for hours' }).waitFor();
    const hash = /0x[0-9a-f]{64}/.exec((await page.locator('.conversation').textContent()) ?? '')?.[0];
    assert.ok(hash, 'the ticket quotes its devnet transaction');
    await nav(page, 'Transaction lookup').click();
    await page.getByPlaceholder('Paste a transaction hash or an address (press / to focus)').fill(hash);
    await page.getByPlaceholder('chain (optional)').fill('ethereum');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('list', { name: 'Findings' }).getByText('evm.pending.nonce_gap', { exact: true }).waitFor({ timeout: 30_000 });

    await nav(page, 'Monitors & alerts').click();
    const alert = page.getByRole('button', { name: /^demo: swap .* on polygon/ }).first();
    const deadline = performance.now() + 360_000;
    while (performance.now() < deadline) {
      const ok = await alert.waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (ok) break;
      await page.reload();
    }
    const alertSec = (performance.now() - startedAt) / 1000;
    console.log(`incident alert visible ${alertSec.toFixed(1)} s after the process start (incident injected 20 s after the server started)`);
    assert.ok(await alert.isVisible(), `no alert from the injected incident within ${alertSec.toFixed(0)} s:\n${server.stderr().slice(-2000)}`);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'demo-alert.png') });
  } finally {
    await page.close();
  }
});

test('behavior: stopping the demo server stops its devnet', async () => {
  assert.ok(devnetUrl, 'the banner names the devnet');
  const answers = async () => fetch(devnetUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
  assert.equal(await answers(), true);
  await server.stop();
  assert.equal(await answers(), false, 'the devnet must not outlive the server');
});
