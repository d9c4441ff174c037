import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createToken } from '../../src/auth/index.ts';
import { ensureScreenshotDir, startConsoleServer, type ConsoleServer } from '../../test/browser.ts';
import { startEvmNode, type EvmNode } from '../../test/evm-node.ts';

let node: EvmNode;
let app: ConsoleServer;
let token: string;
let failedTx: string;
const engineer = { email: 'eli@example.test', password: 'an engineer console password' };

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** Deploys a contract whose code always reverts (PUSH1 0 PUSH1 0 REVERT) and sends it a call that is mined as failed. */
async function sendFailingTransaction(url: string): Promise<string> {
  const [from] = await rpc<string[]>(url, 'eth_accounts', []);
  const deploy = await rpc<string>(url, 'eth_sendTransaction', [{ from, data: '0x6005600c60003960056000f360006000fd', gas: '0x30000' }]);
  const receipt = await rpc<{ contractAddress: string }>(url, 'eth_getTransactionReceipt', [deploy]);
  return rpc<string>(url, 'eth_sendTransaction', [{ from, to: receipt.contractAddress, data: '0x12345678', gas: '0x20000' }]);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(app.url + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as T;
}

before(async () => {
  node = await startEvmNode();
  failedTx = await sendFailingTransaction(node.url);
  const chains = {
    includeBuiltins: false,
    retries: 0,
    timeoutMs: 3000,
    custom: [{ slug: 'local', name: 'Local', family: 'evm', chainId: node.chainId, nativeSymbol: 'ETH', nativeDecimals: 18, rpcUrls: [node.url], explorer: { name: 'Local explorer', tx: 'https://explorer.invalid/tx/{hash}', address: 'https://explorer.invalid/address/{address}' } }],
  };
  app = await startConsoleServer({ tmpPrefix: 'opsdesk-console-ops-', users: [{ email: engineer.email, name: 'Eli', role: 'engineer', password: engineer.password }], flags: { chains } });
  ({ secret: token } = await createToken(app.server.runtime.store.db, { name: 'console-test', role: 'admin' }, null));
});
after(async () => {
  await app?.stop();
  await node?.stop();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

const signedIn = (width = 1280, height = 800) => app.signedInPage(engineer, { width, height });

test('an agent diagnoses a failed transaction on the local chain and reads the finding in Spanish', async () => {
  const page = await signedIn();
  try {
    await nav(page, 'Transaction lookup').click();
    await page.getByLabel('Transaction hash or address').fill(failedTx);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.waitFor({ timeout: 30_000 });
    assert.match((await page.locator('.facts').first().textContent()) ?? '', /failed.*local.*chain id 31337.*Chains searchedlocal/s);
    assert.equal(await page.getByRole('link', { name: /Open in explorer/ }).getAttribute('href'), `https://explorer.invalid/tx/${failedTx}`);
    const message = page.locator('.user-message blockquote').first();
    const english = (await message.textContent()) ?? '';
    assert.ok(english.length > 10);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'tx-lookup.png'), fullPage: true });
    await page.getByLabel('User language').selectOption('es');
    await page.locator('.user-message blockquote[lang="es"]').first().waitFor();
    await page.waitForFunction((en) => document.querySelector('.user-message blockquote')?.textContent !== en, english);
  } finally {
    await page.close();
  }
});

test('an agent runs the diagnosis of the hash found in a ticket from the ticket page', async () => {
  const { ticketId } = await call<{ ticketId: string }>('POST', '/api/tickets', { externalId: 'ops-1', requester: 'rui@example.test', subject: 'Transação falhou', body: `Minha transação ${failedTx} falhou e perdi a taxa. O que aconteceu?`, locale: 'pt-BR' });
  const page = await signedIn();
  try {
    await page.goto(`${app.url}/#/queue/${ticketId}`);
    await page.getByRole('heading', { level: 1, name: 'Transação falhou' }).waitFor();
    await page.getByRole('button', { name: 'Run diagnosis' }).click();
    const message = page.locator('.user-message blockquote[lang="pt-BR"]').first();
    await message.waitFor({ timeout: 30_000 });
    assert.match((await page.locator('.findings').textContent()) ?? '', /evm\.failed/);
  } finally {
    await page.close();
  }
});

test('error: an unknown hash format shows the API problem detail', async () => {
  const page = await signedIn();
  try {
    await nav(page, 'Transaction lookup').click();
    await page.getByLabel('Transaction hash or address').fill('not a hash at all');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /address|hash/i);
  } finally {
    await page.close();
  }
});

test('an engineer acknowledges a firing alert and silences it', async () => {
  await call('POST', '/api/monitor/alerts', { source: 'probe', title: 'RPC block lag on polygon', summary: 'Head is 42 blocks behind the reference for 6 minutes.', severity: 'page', series: 'block lag polygon', labels: { chain: 'polygon', probe: 'rpc' } });
  const page = await signedIn();
  try {
    await nav(page, 'Monitors & alerts').click();
    const row = page.getByRole('row', { name: /RPC block lag on polygon/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /firing/);
    await row.getByRole('button', { name: /Acknowledge/ }).click();
    await page.getByRole('row', { name: /acknowledged.*RPC block lag on polygon/ }).waitFor();
    await row.getByRole('button', { name: 'RPC block lag on polygon', exact: true }).click();
    await page.getByPlaceholder('Reason (shown to the team)').fill('Provider is resyncing');
    await page.getByRole('button', { name: 'Silence', exact: true }).click();
    await page.getByRole('cell', { name: 'Provider is resyncing' }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'alerts.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('an engineer declares an incident, posts an update and it shows on the public status page', async () => {
  const page = await signedIn();
  try {
    await nav(page, 'Status page').click();
    await page.getByLabel('Name').fill('Sending on Polygon');
    await page.getByRole('button', { name: 'Add component' }).click();
    await page.getByRole('cell', { name: 'Sending on Polygon', exact: true }).waitFor();

    await nav(page, 'Incidents').click();
    await page.getByText('Declare an incident').click();
    await page.getByLabel('Title').fill('Polygon sends stuck as pending');
    await page.getByLabel('Severity').selectOption('SEV2');
    await page.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByRole('heading', { name: /Polygon sends stuck as pending/ }).waitFor();

    await page.getByLabel('Sending on Polygon').selectOption('partial_outage');
    await page.getByLabel('Update text — English').fill('Polygon sends are delayed; funds are safe. We are working with our RPC provider.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.locator('.updates p', { hasText: 'Polygon sends are delayed; funds are safe.' }).waitFor();
    await page.getByRole('link', { name: /On the status page/ }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'incident.png'), fullPage: true });

    await page.goto(app.url + '/status');
    await page.getByText('Polygon sends stuck as pending').first().waitFor();
    const html = await page.content();
    assert.match(html, /Polygon sends are delayed; funds are safe/);
    assert.match(html, /Sending on Polygon/);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'status-page.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('behavior: at tablet width (768×1024) screens fit without horizontal scrolling', async () => {
  await call('POST', '/api/monitor/alerts', { source: 'detector', title: 'Swap error rate up on Solana', severity: 'warning', labels: { chain: 'solana', route: '/v1/swap' } });
  const page = await signedIn(768, 1024);
  try {
    for (const name of ['Queue', 'Transaction lookup', 'Monitors & alerts', 'Incidents', 'Status page', 'Knowledge base', 'Telemetry']) {
      await nav(page, name).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} overflows by ${overflow}px at 768 px`);
    }
    await nav(page, 'Monitors & alerts').click();
    await page.getByRole('row', { name: /Swap error rate up on Solana/ }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'alerts-tablet.png') });
  } finally {
    await page.close();
  }
});
