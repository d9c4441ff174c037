import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createToken } from '../../src/auth/index.ts';
import { ensureScreenshotDir, startConsoleServer, type ConsoleServer } from '../../test/browser.ts';

let app: ConsoleServer;
let token: string;
const agent = { email: 'ada@example.test', password: 'an agent console password' };
const hashA = `0x${'a1'.repeat(32)}`;
const hashB = `0x${'b2'.repeat(32)}`;
const hashS = `0x${'c3'.repeat(32)}`;

interface TicketView {
  id: string;
  problem: { id: string; title: string } | null;
  messages: Array<{ authorKind: string; body: string }>;
}

async function ingest(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(app.url + '/api/tickets', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(res.ok, `POST /api/tickets: ${res.status} ${await res.clone().text()}`);
  return ((await res.json()) as { ticketId: string }).ticketId;
}

async function ticket(id: string): Promise<TicketView> {
  const res = await fetch(`${app.url}/api/tickets/${id}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as TicketView;
}

async function clusterOf(ticketId: string): Promise<string> {
  const res = await fetch(`${app.url}/api/queue?limit=500`, { headers: { authorization: `Bearer ${token}` } });
  const item = ((await res.json()) as { items: Array<{ id: string; clusterId: string | null }> }).items.find((i) => i.id === ticketId);
  assert.ok(item?.clusterId, `ticket ${ticketId} has no cluster`);
  return item.clusterId;
}

before(async () => {
  app = await startConsoleServer({ tmpPrefix: 'opsdesk-console-clusters-', users: [{ email: agent.email, name: 'Ada', role: 'agent', password: agent.password }] });
  ({ secret: token } = await createToken(app.server.runtime.store.db, { name: 'clusters-test', role: 'agent' }, null));
});
after(async () => {
  await app?.stop();
});

const signedIn = () => app.signedInPage(agent, { width: 1280, height: 900 });

const linked = (page: Page) => page.getByRole('table', { name: 'Linked tickets' });

test('a problem: badge in the queue, spiking problems first, linked tickets without other requesters, merge, split, reply reaches every ticket, escalate', async () => {
  const a1 = await ingest({ externalId: 'c-a1', requester: 'lu@example.test', requesterName: 'Lucia Prado', subject: 'USDT transfer stuck', body: `My USDT transfer on ethereum ${hashA} has been pending for two hours. Lucia here, my phone is +55 11 91234-5678.`, locale: 'en' });
  const a2 = await ingest({ externalId: 'c-a2', requester: 'jo@example.test', requesterName: 'Jorge Ruiz', subject: 'Transferencia USDT pendiente', body: `Mi transferencia de USDT en ethereum ${hashA} sigue pendiente desde hace dos horas, ayuda por favor.`, locale: 'es' });
  const b1 = await ingest({ externalId: 'c-b1', requester: 'kim@example.test', requesterName: 'Kim', subject: 'Swap failed on polygon', body: `My swap on polygon failed, tx ${hashB}, the app shows an error and my USDC is gone.`, locale: 'en' });
  const b2 = await ingest({ externalId: 'c-b2', requester: 'max@example.test', requesterName: 'Max', subject: 'Swap error polygon', body: `Swap on polygon failed again with tx ${hashB}, please check what happened to my USDC.`, locale: 'en' });
  for (let i = 0; i < 5; i++) await ingest({ externalId: `c-s${i}`, requester: `s${i}@example.test`, subject: `Bridge to arbitrum missing ${i}`, body: `I bridged ETH to arbitrum with ${hashS} and nothing arrived yet, user ${i}.`, locale: 'en' });
  const x = await clusterOf(a1);
  assert.equal(await clusterOf(a2), x);
  const y = await clusterOf(b1);
  assert.equal(await clusterOf(b2), y);
  assert.notEqual(x, y);

  const page = await signedIn();
  try {
    // The queue shows a problem badge on clustered tickets; it opens the problem.
    const row = page.getByRole('listbox', { name: 'Tickets' }).getByRole('option', { name: /USDT transfer stuck/ });
    await row.waitFor();
    await row.locator('a.cbadge').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /./ }).first().waitFor();
    await linked(page).waitFor();
    assert.match(page.url(), new RegExp(`#/clusters/${x}$`));

    // The list puts the spiking problem (5 tickets in the last hour) first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Problems', exact: true }).click();
    const firstRow = page.locator('table.grid tbody tr').first();
    await firstRow.waitFor();
    assert.match((await firstRow.textContent()) ?? '', /spike ×/);
    assert.equal(await page.locator('table.grid tbody tr').count(), 3);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'clusters.png'), fullPage: true });

    await page.goto(`${app.url}/#/clusters/${x}`);
    await linked(page).getByRole('link', { name: a2 }).waitFor();
    await linked(page).getByRole('link', { name: a1 }).waitFor();
    const shown = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['Lucia', 'Jorge', 'lu@example.test', 'jo@example.test', '91234', 'sigue pendiente']) assert.ok(!shown.includes(secret), `the problem page shows ${secret}`);
    assert.match(shown, /same transaction hash/);

    // Merge Y into X: four linked tickets.
    await page.getByLabel('Problem to merge').selectOption(y);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Merged: 2 tickets moved here.' }).waitFor();
    await linked(page).getByRole('link', { name: b1 }).waitFor();
    assert.equal(await linked(page).locator('tbody tr').count(), 4);

    // Split the swap tickets back out: a new problem with two tickets.
    await page.getByLabel(`Select ticket ${b1}`).check();
    await page.getByLabel(`Select ticket ${b2}`).check();
    await page.getByRole('button', { name: /Split 2 selected/ }).click();
    await page.waitForURL((u) => /#\/clusters\//.test(u.hash) && !u.hash.endsWith(x));
    await linked(page).getByRole('link', { name: b2 }).waitFor();
    assert.equal(await linked(page).locator('tbody tr').count(), 2);
    assert.notEqual(await clusterOf(b1), x);
    assert.equal(await clusterOf(a1), x);

    // Reply to the problem X: each ticket gets the reply in its own language, and nothing of the other requester.
    await page.goto(`${app.url}/#/clusters/${x}`);
    await linked(page).getByRole('link', { name: a1 }).waitFor();
    assert.equal(await linked(page).locator('tbody tr').count(), 2);
    await page.getByLabel('Reply in en').fill('We found the cause: a delayed node on Ethereum. Your transfer will confirm within the hour.');
    await page.getByLabel('Reply in es').fill('Encontramos la causa: un nodo atrasado en Ethereum. Tu transferencia se confirmará en la próxima hora.');
    await page.screenshot({ path: join(ensureScreenshotDir(), 'cluster.png'), fullPage: true });
    await page.getByRole('button', { name: 'Send to every ticket' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent to 2 tickets.' }).waitFor();
    const [t1, t2] = [await ticket(a1), await ticket(a2)];
    const reply1 = t1.messages.filter((m) => m.authorKind === 'agent').map((m) => m.body).join('\n');
    const reply2 = t2.messages.filter((m) => m.authorKind === 'agent').map((m) => m.body).join('\n');
    assert.match(reply1, /delayed node on Ethereum/);
    assert.match(reply2, /nodo atrasado en Ethereum/);
    for (const r of [reply1, reply2]) assert.ok(!/Lucia|Jorge|91234/.test(r), `a reply carries another requester's data: ${r}`);
    await page.goto(`${app.url}/#/queue/${a2}`);
    await page.locator('.conversation').getByText(/nodo atrasado en Ethereum/).waitFor();
    // The ticket page names its problem (title, count, why) and links to it; nothing of the other requester.
    const facts = page.getByRole('complementary', { name: 'Ticket facts' });
    assert.match((await facts.textContent()) ?? '', /2 open tickets · same transaction hash/);
    assert.ok(!((await facts.textContent()) ?? '').includes('Lucia'));
    await facts.getByRole('link', { name: t2.problem?.title ?? '(no problem)' }).click();
    await page.waitForURL((u) => u.hash === `#/clusters/${x}`);

    // Escalate the problem.
    await page.goto(`${app.url}/#/clusters/${x}`);
    await page.getByRole('button', { name: 'Escalate the problem' }).click();
    await page.getByRole('status').filter({ hasText: /Escalation .* created/ }).waitFor();
  } finally {
    await page.close();
  }
});

test('a merge made stale by another agent shows the API problem message and its hint', async () => {
  const pair = async (tag: string, hex: string, text: string) => {
    const h = `0x${hex.repeat(32)}`;
    const first = await ingest({ externalId: `${tag}-1`, requester: `${tag}1@example.test`, subject: text, body: `${text}: ${h}` });
    await ingest({ externalId: `${tag}-2`, requester: `${tag}2@example.test`, subject: `${text} (2)`, body: `Same here, ${h}. ${text}.` });
    return clusterOf(first);
  };
  const p = await pair('p', 'd4', 'Withdrawal from the exchange never reached my wallet on bsc');
  const q = await pair('q', 'e5', 'NFT mint on base charged gas twice');
  const r = await pair('r', 'f6', 'Staking rewards on solana missing since Monday');
  assert.equal(new Set([p, q, r]).size, 3, 'three distinct problems');
  const page = await signedIn();
  try {
    await page.goto(`${app.url}/#/clusters/${p}`);
    await linked(page).waitFor();
    await page.getByLabel('Problem to merge').locator(`option[value="${q}"]`).waitFor({ state: 'attached' });
    // Meanwhile another agent merges Q elsewhere.
    const res = await fetch(`${app.url}/api/clusters/${r}/merge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sources: [q] }) });
    assert.equal(res.status, 200);
    await page.getByLabel('Problem to merge').selectOption(q);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    assert.match(text, new RegExp(`The cluster ${q} is merged\\.`));
    assert.match(text, /Reload the cluster/);
  } finally {
    await page.close();
  }
});

test('an agent assigns a ticket to themself, filters the queue by "mine" and saves the view', async () => {
  const mine = await ingest({ externalId: 'as-1', requester: 'ana@example.test', subject: 'Card payment charged twice', body: 'My card was charged twice for the same USDC purchase, please refund one.', locale: 'en' });
  await ingest({ externalId: 'as-2', requester: 'bo@example.test', subject: 'Cannot connect dapp', body: 'WalletConnect does not connect to the dapp anymore since the update.', locale: 'en' });
  const page = await signedIn();
  try {
    await page.goto(`${app.url}/#/queue/${mine}`);
    await page.getByRole('heading', { level: 1, name: 'Card payment charged twice' }).waitFor();
    await page.getByText('Assignee: unassigned').waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Assignee: Ada (me)').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByLabel('Assignee').selectOption('mine');
    await page.getByText('1 ticket, most urgent first').waitFor();
    const options = page.getByRole('listbox', { name: 'Tickets' }).getByRole('option');
    assert.equal(await options.count(), 1);
    assert.match((await options.first().textContent()) ?? '', /Card payment charged twice/);
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('My tickets');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'queue-mine.png') });
    await page.getByLabel('Assignee').selectOption('none');
    await page.getByText(/tickets?, most urgent first/).waitFor();
    assert.ok(!(await page.getByRole('listbox', { name: 'Tickets' }).textContent())?.includes('Card payment charged twice'));
    // The view is kept on the server: a fresh browser context (no local storage) signed in as the same agent has it.
    const elsewhere = await signedIn();
    try {
      await elsewhere.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue', exact: true }).click();
      await elsewhere.getByLabel('View', { exact: true }).locator('option', { hasText: 'My tickets' }).waitFor({ state: 'attached' });
      await elsewhere.getByLabel('View', { exact: true }).selectOption('My tickets');
      await elsewhere.getByText('1 ticket, most urgent first').waitFor();
      assert.equal(await elsewhere.getByLabel('Assignee').inputValue(), 'mine');
      await elsewhere.getByRole('button', { name: 'Delete view My tickets' }).click();
      await elsewhere.getByLabel('View', { exact: true }).locator('option', { hasText: 'My tickets' }).waitFor({ state: 'detached' });
    } finally {
      await elsewhere.close();
    }
  } finally {
    await page.close();
  }
});
