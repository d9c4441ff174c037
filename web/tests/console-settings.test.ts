import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ensureScreenshotDir, startConsoleServer, type ConsoleServer, type Credentials } from '../../test/browser.ts';
import { startEvmNode, type EvmNode } from '../../test/evm-node.ts';

let app: ConsoleServer;
let node: EvmNode;
const admin = { email: 'root@example.test', password: 'root password long' };
const agent = { email: 'ada@example.test', password: 'an agent console password' };
const rpcKey = 'k3y0123456789abcdefABCDEF0123';

before(async () => {
  node = await startEvmNode();
  app = await startConsoleServer({
    tmpPrefix: 'opsdesk-console-settings-',
    admin,
    users: [{ email: agent.email, name: 'Ada', role: 'agent', password: agent.password }],
    flags: {
      chains: { rpc: { ethereum: [`${node.url}/v2/${rpcKey}`] } },
      escalations: { githubRepo: 'acme/wallet', githubToken: 'ghp_settingsTestSecret' },
    },
  });
});
after(async () => {
  await app?.stop();
  await node?.stop();
});

const signIn = (who: Credentials, viewport = { width: 1280, height: 900 }) => app.signedInPage(who, viewport);

const sub = (page: Page, name: string) => page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true });

test('an admin reads chains with redacted RPC URLs, tests an endpoint, creates a token shown once, edits skills and reads the SLA policies', async () => {
  const page = await signIn(admin);
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chains & RPCs' }).waitFor();
    const eth = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ethereum ethereum', exact: true }) });
    await eth.waitFor();
    const ethText = (await eth.textContent()) ?? '';
    assert.match(ethText, /\/v2\/\*\*\*/);
    assert.match(ethText, /chains\.rpc/);
    assert.ok(!((await page.content()).includes(rpcKey)), 'the RPC key is on the page');
    await eth.getByText('not tested').waitFor();
    await eth.getByRole('button', { name: 'Test endpoint 1 of Ethereum' }).click();
    await eth.getByText(/^up · head \d+ · \d+ ms/).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-chains.png') });

    await sub(page, 'Connectors').click();
    await page.getByRole('heading', { level: 1, name: 'Connectors' }).waitFor();
    const github = page.getByRole('row').filter({ hasText: 'Escalations: github' });
    await github.waitFor();
    assert.match((await github.textContent()) ?? '', /configured · token set.*acme\/wallet/);
    assert.ok(!(await page.content()).includes('ghp_settingsTestSecret'));
    await page.getByRole('cell', { name: 'POST /api/tickets/inbound/email' }).waitFor();
    await page.getByLabel('Name', { exact: true }).first().fill('forum');
    await page.getByLabel('URL').fill('https://forum.example.test/latest.rss');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('cell', { name: /^forum/ }).waitFor();
    // An incident channel: no target, alerts routed to it open an internal incident.
    const channelForm = page.getByRole('form', { name: 'Add an alert channel' });
    await channelForm.getByLabel('Name', { exact: true }).fill('incidents');
    await channelForm.getByLabel('Channel kind').selectOption('incident');
    assert.equal(await channelForm.getByLabel('Target').count(), 0);
    await channelForm.getByRole('button', { name: 'Add channel' }).click();
    await page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'incidents', exact: true }) }).getByRole('cell', { name: 'incident', exact: true }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-connectors.png'), fullPage: true });

    await sub(page, 'Users & tokens').click();
    await page.getByPlaceholder('token name, e.g. otel-collector').fill('grafana');
    await page.getByRole('button', { name: 'Create token' }).click();
    const once = page.getByText(/Token grafana \(shown once\): ods_/);
    await once.waitFor();
    const secret = /ods_\S+/.exec((await once.textContent()) ?? '')?.[0];
    assert.ok(secret);
    await page.getByRole('cell', { name: 'grafana' }).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-tokens.png') });
    // Shown once: after leaving the page and coming back only the prefix is listed.
    await sub(page, 'SLA policies').click();
    await sub(page, 'Users & tokens').click();
    await page.getByRole('cell', { name: 'grafana' }).waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the token secret is shown again');

    await sub(page, 'Agent skills').click();
    await page.getByLabel('Skills of Ada').fill('polygon, lang:es swap_or_bridge_failure');
    await page.getByRole('button', { name: 'Save skills of Ada' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('Skills of Ada').inputValue(), 'lang:es, polygon, swap_or_bridge_failure');

    await sub(page, 'SLA policies').click();
    const policies = page.getByRole('table', { name: 'Policies' });
    await policies.waitFor();
    const p1 = policies.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'p1', exact: true }) });
    assert.match((await p1.textContent()) ?? '', /priority P1.*30m.*1h.*8h.*round the clock/);
    await page.getByText('time zone America/Sao_Paulo').waitFor();
    await page.getByText(/Read-only\. These policies are the built-in defaults; set sla\.policiesFile/).waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'settings-sla.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('an agent sees settings read-only: no users page, no endpoint test, no skill editing', async () => {
  const page = await signIn(agent);
  try {
    await page.goto(`${app.url}/#/settings/chains`);
    const eth = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ethereum ethereum', exact: true }) });
    await eth.waitFor();
    assert.equal(await eth.getByRole('button').count(), 0);
    assert.equal(await sub(page, 'Users & tokens').count(), 0);
    await page.goto(`${app.url}/#/settings/users`);
    await page.getByRole('heading', { level: 1, name: 'Chains & RPCs' }).waitFor();
    await sub(page, 'Agent skills').click();
    await page.getByRole('table', { name: 'Agent skills' }).waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0);
  } finally {
    await page.close();
  }
});

test('behavior: at tablet width (768×1024) the settings pages and the problems list fit without horizontal scrolling', async () => {
  const page = await signIn(admin, { width: 768, height: 1024 });
  try {
    for (const [path, heading] of [
      ['/settings/chains', 'Chains & RPCs'],
      ['/settings/connectors', 'Connectors'],
      ['/settings/sla', 'SLA policies'],
      ['/settings/skills', 'Agent skills'],
      ['/settings/users', 'Users & tokens'],
      ['/clusters', 'Problems'],
    ] as const) {
      await page.goto(`${app.url}/#${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 768 px`);
    }
  } finally {
    await page.close();
  }
});
