import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ensureScreenshotDir, signIn, startConsoleServer, type ConsoleServer } from '../../test/browser.ts';
import { startEvmNode, type EvmNode } from '../../test/evm-node.ts';

// docs/quickstart.md in the browser: sign in as the first admin, create an ingest token, point
// telemetry and the help desk at OpsDesk with it, see both arrive, check the chain RPC, invite a person.
// (src/cli/tests/quickstart-doc.test.ts runs the same page's shell blocks.)

let app: ConsoleServer;
let node: EvmNode;
const admin = { email: 'first.admin@example.test', password: 'first admin password' };

before(async () => {
  node = await startEvmNode();
  app = await startConsoleServer({ tmpPrefix: 'opsdesk-quickstart-browser-', admin, flags: { chains: { rpc: { ethereum: [node.url] } } } });
});
after(async () => {
  await app?.stop();
  await node?.stop();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const sub = (page: Page, name: string) => page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true });

test('the quickstart path in the console: token, telemetry, a help desk ticket, the chain RPC and a new teammate', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    // 2. Sign in as the first admin.
    await signIn(page, app.url, admin);

    // 3. An ingest token, shown once.
    await nav(page, 'Settings').click();
    await sub(page, 'Users & tokens').click();
    await page.getByPlaceholder('token name, e.g. otel-collector').fill('otel-collector');
    await page.getByLabel('Token role').selectOption('ingest');
    await page.getByRole('button', { name: 'Create token' }).click();
    const once = page.getByText(/Token otel-collector \(shown once\): ods_/);
    await once.waitFor();
    const token = /ods_\S+/.exec((await once.textContent()) ?? '')?.[0];
    assert.ok(token, 'the token is shown once');

    // 4. What an OpenTelemetry exporter sends, and 5. what the help desk webhook sends, with that token.
    const nowNs = `${Date.now()}000000`;
    const otlp = await fetch(`${app.url}/v1/logs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'wallet-api' } }] },
            scopeLogs: [{ logRecords: [{ timeUnixNano: nowNs, severityText: 'ERROR', body: { stringValue: 'quickstart: broadcast failed' }, attributes: [{ key: 'user.id', value: { stringValue: 'u-123' } }] }] }],
          },
        ],
      }),
    });
    assert.equal(otlp.status, 200, await otlp.text());
    const ticket = await fetch(`${app.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ externalId: 'zendesk-1001', requester: 'ana@example.com', subject: 'USDT pending', body: 'my usdt transfer on bsc has been pending for 3 hours', channel: 'zendesk' }),
    });
    assert.equal(ticket.status, 201, await ticket.text());
    // The ingest token pushes; it cannot read what it pushed.
    assert.equal((await fetch(`${app.url}/api/queue`, { headers: { authorization: `Bearer ${token}` } })).status, 403);

    // The ticket is in the queue, triaged.
    await nav(page, 'Queue').click();
    await page.getByRole('listbox', { name: 'Tickets' }).getByRole('option', { name: /USDT pending/ }).waitFor();

    // The event is in the telemetry explorer.
    await nav(page, 'Telemetry').click();
    await page.getByLabel('Break down by').selectOption('service');
    await page.getByRole('button', { name: 'Run' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'wallet-api', exact: true }) });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /100\.00%/, 'the one error record shows as a 100% error rate');

    // 6. The chain RPC from the config answers.
    await nav(page, 'Settings').click();
    await sub(page, 'Chains & RPCs').click();
    const eth = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ethereum ethereum', exact: true }) });
    await eth.getByRole('button', { name: 'Test endpoint 1 of Ethereum' }).click();
    await eth.getByText(/^up · head \d+ · \d+ ms/).waitFor();

    // 7. Invite the team.
    await sub(page, 'Users & tokens').click();
    await page.getByPlaceholder('new.person@example.com').fill('new.agent@example.com');
    await page.locator('form').filter({ has: page.getByPlaceholder('new.person@example.com') }).getByRole('combobox').selectOption('agent');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: 'new.agent@example.com', exact: true }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'quickstart-team.png') });
  } finally {
    await page.close();
  }
});
