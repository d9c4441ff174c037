import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createToken } from '../../src/auth/index.ts';
import { newId } from '../../src/core/index.ts';
import { refreshStaleSla } from '../../src/tickets/index.ts';
import { ensureScreenshotDir, startConsoleServer, type ConsoleServer } from '../../test/browser.ts';

let app: ConsoleServer;
let token: string;
const agent = { email: 'ada@example.test', password: 'an agent console password' };
const seed = 'abandon ability able about above absent absorb abstract absurd abuse access accident';
const hash = `0x${'ab'.repeat(32)}`;

async function ingest(body: Record<string, unknown>): Promise<{ ticketId: string; triage: { category: string } }> {
  const res = await fetch(app.url + '/api/tickets', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(res.ok, `POST /api/tickets: ${res.status} ${await res.clone().text()}`);
  return (await res.json()) as { ticketId: string; triage: { category: string } };
}

before(async () => {
  app = await startConsoleServer({ tmpPrefix: 'opsdesk-console-queue-', users: [{ email: agent.email, name: 'Ada', role: 'agent', password: agent.password }], flags: { sla: { actionsTickSec: 0 } } });
  ({ secret: token } = await createToken(app.server.runtime.store.db, { name: 'queue-test', role: 'agent' }, null));
});
after(async () => {
  await app?.stop();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const rows = (page: Page) => page.getByRole('listbox', { name: 'Tickets' });

const signedIn = () => app.signedInPage(agent);

test('an agent finds a triaged ticket in the queue with the keyboard, opens it and sees the secret redacted', async () => {
  await ingest({ externalId: 'q-1', requester: 'lu@example.test', subject: 'Swap on polygon failed', body: 'My swap of 50 USDC failed on polygon, the app says error. Is my money gone?', locale: 'en' });
  await ingest({ externalId: 'q-3', requester: 'jose@example.test', subject: 'No me llegó el dinero de la tarjeta', body: 'Compré USDC con mi tarjeta y me cobraron pero no veo los fondos en la billetera.', locale: 'es' });
  const { triage } = await ingest({
    externalId: 'q-2',
    requester: 'mara@example.test',
    subject: 'Sent USDT but it never arrived',
    body: `I sent 120 USDT on ethereum, tx ${hash}, and it still shows pending after 3 hours. My seed phrase is ${seed} if you need it.`,
    locale: 'pt-BR',
  });
  const page = await signedIn();
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue', exact: true }).click();
    const option = rows(page).getByRole('option', { name: /Sent USDT but it never arrived/ });
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /secret/);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'queue.png') });
    await page.keyboard.press('/');
    await page.keyboard.type('never arrived');
    await page.keyboard.press('Escape');
    await rows(page).getByRole('option', { name: /Sent USDT/, selected: true }).waitFor();
    assert.equal(await rows(page).getByRole('option').count(), 1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sent USDT but it never arrived' }).waitFor();
    const banner = page.getByRole('alert').filter({ hasText: 'the user shared a secret' });
    await banner.waitFor();
    const conversation = (await page.locator('.conversation').textContent()) ?? '';
    assert.match(conversation, /\[REDACTED:[a-z_]+\]/);
    assert.doesNotMatch(conversation, /abandon ability/);
    assert.match((await page.locator('dl.facts').textContent()) ?? '', new RegExp(triage.category.replace(/_/g, ' ')));
    await page.getByText(hash, { exact: true }).first().waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'ticket.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('an agent answers a Spanish ticket in Spanish with a localized macro', async () => {
  const { ticketId } = await ingest({ externalId: 'q-es-reply', requester: 'carla@example.test', requesterName: 'Carla', subject: 'Mi USDT no llega', body: 'Hola, envié 250 USDT por la red TRC20 hace 3 horas y no llegan a mi billetera. ¿Qué pasó?', locale: 'es' });
  const page = await signedIn();
  try {
    await page.goto(`${app.url}/#/queue/${ticketId}`);
    await page.getByRole('heading', { name: 'Reply in Spanish' }).waitFor();
    await page.getByLabel('Macro').selectOption('need-tx-hash');
    assert.match((await page.getByLabel('Macro text').textContent()) ?? '', /envíanos el hash/);
    await page.getByRole('button', { name: 'Send reply' }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Sent (es)' });
    await sent.waitFor();
    assert.match((await sent.textContent()) ?? '', /Para revisar qué pasó, envíanos el hash/);
    assert.doesNotMatch((await sent.textContent()) ?? '', /\{greeting\}/, 'variables are filled by the server');
  } finally {
    await page.close();
  }
});

test('behavior: with 10,000 tickets the queue shows its first rows in under a second and stays virtualised', async () => {
  const { ticketId } = await ingest({ externalId: 'bench-template', requester: 'bench@example.test', subject: 'Bridge transfer to arbitrum missing', body: 'I bridged 0.2 ETH to arbitrum an hour ago and nothing arrived.' });
  const { db } = app.server.runtime.store;
  const template = await db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const prios = ['p1', 'p2', 'p3', 'p4'];
  // Copies carry the template's stored SLA fields; clearing the fingerprint makes them stale, and the
  // backfill (what a server does once after the migration) computes them before the measurement.
  const seeded = Array.from({ length: 10_000 }, (_, i) => ({ ...template, id: newId('tkt', start + i * 1000), source_id: `bench-${i}`, subject: `Seeded ticket ${i}: ${template.subject}`, priority: prios[i % 4]!, created_at: new Date(start + i * 1000).toISOString(), sla_fp: null }));
  for (let i = 0; i < seeded.length; i += 500) await db.insertInto('tickets').values(seeded.slice(i, i + 500)).execute();
  await refreshStaleSla(db, ['new', 'open', 'pending']);

  const page = await signedIn();
  try {
    await nav(page, 'Transaction lookup').click();
    const clickAt = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await nav(page, 'Queue').click();
    const firstRowAt = (await (await page.waitForFunction(() => (document.querySelector('[role="listbox"] [role="option"]') ? performance.now() : 0), undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()) as number;
    const firstRowsMs = Date.now() - t0;
    // The page of tickets that the first rows came from: the last `/api/queue?…` answer before they showed
    // (not `/api/queue/skills` or other calls made on the way).
    const call = await page.evaluate(
      ([after, shown]) => {
        const pages = performance
          .getEntriesByType('resource')
          .map((r) => ({ name: r.name, startMs: r.startTime, endMs: (r as unknown as { responseEnd: number }).responseEnd }))
          .filter((r) => /\/api\/queue\?/.test(r.name) && r.startMs >= after && r.endMs <= shown);
        return pages.sort((a, b) => b.endMs - a.endMs)[0] ?? null;
      },
      [clickAt, firstRowAt] as const,
    );
    assert.ok(call, 'no /api/queue request seen');
    const apiMs = Math.round(call.endMs - call.startMs);
    const renderMs = Math.round(firstRowAt - call.endMs);
    await page.getByText(/^1\d,\d{3} tickets, most urgent first/).waitFor();
    const rendered = await rows(page).getByRole('option').count();
    assert.ok(rendered < 100, `${rendered} rows in the DOM: the list is not virtualised`);
    const setSize = Number(await rows(page).getByRole('option').first().getAttribute('aria-setsize'));
    assert.ok(setSize >= 10_000, `aria-setsize ${setSize}`);
    await page.locator('.qlist').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    const moved = Number(await rows(page).getByRole('option', { selected: true }).getAttribute('aria-posinset'));
    assert.ok(moved > 20, `PageDown ×3 selected ticket ${moved}`);
    const loadPerCore = loadavg()[0]! / cpus().length;
    const line = `console queue, 10,000 seeded tickets (Chromium, 1280×800): first rows ${firstRowsMs} ms of ${setSize.toLocaleString('en')} open tickets = GET /api/queue?limit=500 ${apiMs} ms + rendering ${renderMs} ms; ${rendered} rows in the DOM; load ${loadPerCore.toFixed(1)} per core`;
    console.log(line);
    if (process.env.OPSDESK_BENCH_OUT) appendFileSync(process.env.OPSDESK_BENCH_OUT, `${line}\n`);
    // GET /api/queue filters, orders and pages in SQL on the stored SLA fields and evaluates only the page; the console's own share must stay under 1 s.
    assert.ok(renderMs < 1000, `first rows ${renderMs} ms after the API answered (${apiMs} ms)`);
    // The 1 s end-to-end target is asserted on a machine that is not overloaded; on the shared 2-core box
    // (load often 10+ per core) the line above records the number and docs/benchmarks.md keeps it.
    if (loadPerCore < 1.5) assert.ok(firstRowsMs < 1000, `first rows after ${firstRowsMs} ms (API ${apiMs} ms, rendering ${renderMs} ms)`);
  } finally {
    await page.close();
  }
});

test('an agent reads error rate, p95 and throughput in the telemetry explorer and a detector alert\'s series, and opens a KB article', async () => {
  const { secret: ingestToken } = await createToken(app.server.runtime.store.db, { name: 'otel-test', role: 'ingest' }, null);
  const now = Date.now();
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
  const spans = Array.from({ length: 360 }, (_, i) => {
    const start = now - 5_400_000 + i * 15_000;
    const route = i % 3 === 0 ? '/v1/swap' : i % 3 === 1 ? '/v1/send' : '/v1/balance';
    const failing = route === '/v1/swap' && i > 240 && i % 2 === 0;
    const durMs = (route === '/v1/swap' ? 400 : 120) + (i % 7) * 20 + (failing ? 900 : 0);
    return {
      traceId: hex(i + 1, 32),
      spanId: hex(i + 1, 16),
      name: `POST ${route}`,
      kind: 2,
      startTimeUnixNano: String(BigInt(start) * 1_000_000n),
      endTimeUnixNano: String(BigInt(start + durMs) * 1_000_000n),
      status: { code: failing ? 2 : 1 },
      attributes: [
        { key: 'http.route', value: { stringValue: route } },
        { key: 'http.response.status_code', value: { intValue: failing ? 502 : 200 } },
        { key: 'chain', value: { stringValue: i % 2 ? 'polygon' : 'ethereum' } },
      ],
    };
  });
  const body = { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'wallet-api' } }] }, scopeSpans: [{ spans }] }] };
  const res = await fetch(app.url + '/v1/traces', { method: 'POST', headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.text());

  const page = await signedIn();
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Telemetry', exact: true }).click();
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('cell', { name: '/v1/swap' }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    assert.equal(await page.locator('.chart canvas').count(), 3);
    await page.screenshot({ path: join(ensureScreenshotDir(), 'telemetry.png'), fullPage: true });

    const { secret: engineerToken } = await createToken(app.server.runtime.store.db, { name: 'detector-test', role: 'engineer' }, null);
    const iso = (ms: number) => new Date(ms).toISOString();
    const query = `/api/telemetry/series?${new URLSearchParams({ from: iso(now - 5_400_000), to: iso(now), bucketSec: '300', 'where.route': '/v1/swap' }).toString()}`;
    const raised = await fetch(app.url + '/api/monitor/alerts', {
      method: 'POST',
      headers: { authorization: `Bearer ${engineerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'detector', title: 'swap errors: error rate of /v1/swap up from 0% to 16%', severity: 'page', series: 'error rate of /v1/swap', labels: { monitorKind: 'series', query, windowFrom: iso(now - 1_800_000), windowTo: iso(now) } }),
    });
    assert.equal(raised.status, 201, await raised.text());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors & alerts', exact: true }).click();
    await page.getByRole('button', { name: /swap errors: error rate/ }).click();
    await page.getByRole('figure', { name: 'error rate of /v1/swap' }).locator('canvas').waitFor();
    await page.screenshot({ path: join(ensureScreenshotDir(), 'alert-series.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge base', exact: true }).click();
    await page.getByLabel('Search articles').fill('usdt sent on the wrong network');
    const first = page.locator('.hits a').first();
    await first.waitFor();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { name: 'Reply to the user' }).waitFor();
  } finally {
    await page.close();
  }
});
