import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { openStore, type RelationalStore } from '../../storage/index.ts';
import { DuckDbTelemetryStore, telemetryEvent, type TelemetryEvent } from '../../telemetry/index.ts';
import { startEvmNode, type EvmNode } from '../../../test/evm-node.ts';
import { addChannel, addMonitor, getAlert, listAlerts, MonitorScheduler, probeMetrics, type MonitorDeps, type SchedulerDeps } from '../index.ts';

const config = { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 3000, emailFrom: 'a@b.test' };

function span(tsMs: number, durationMs: number): TelemetryEvent {
  return telemetryEvent({ tsMs, kind: 'span', service: 'swap-api', name: 'POST /v1/swap', route: '/v1/swap', statusCode: 200, durationMs, chain: 'polygon' });
}

/** Deterministic noise (an LCG), so the series is the same on every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function minuteOfSpans(startMs: number, base: number, rnd: () => number): TelemetryEvent[] {
  return Array.from({ length: 30 }, (_, i) => span(startMs + i * 2000, Math.round(base * (0.6 + 0.8 * rnd()))));
}

async function webhookReceiver(): Promise<{ url: string; received: Array<{ event: string; text: string; alert: { id: string; labels: Record<string, string> } }>; stop(): Promise<void> }> {
  const received: Array<{ event: string; text: string; alert: { id: string; labels: Record<string, string> } }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as (typeof received)[number]);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/oncall`,
    received,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('scheduled monitors end to end', () => {
  let dir: string;
  let store: RelationalStore;
  let telemetry: DuckDbTelemetryStore;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsdesk-scheduled-'));
    store = await openStore({ dataDir: dir });
    telemetry = await DuckDbTelemetryStore.open({ file: join(dir, 'telemetry.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
    hook = await webhookReceiver();
  });
  after(async () => {
    await hook.stop();
    await telemetry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a latency spike in ingested telemetry raises an explained alert on schedule and reaches the webhook', async () => {
    const start = Date.parse('2026-11-27T04:00:00Z');
    const clock = manualClock(start + 6 * 3_600_000 + 5_000);
    const monitor: MonitorDeps = { store, clock, config };
    const deps: SchedulerDeps = { monitor, telemetry: async () => telemetry };
    await addChannel(monitor, { name: 'on-call hook', kind: 'webhook', target: hook.url, minSeverity: 'warning' });
    const def = await addMonitor(monitor, { kind: 'series', name: 'swap p95 polygon', measure: 'p95', service: 'swap-api', route: '/v1/swap', chain: 'polygon', intervalSec: 60, historyHours: 6, severity: 'page' });
    const rnd = noise(7);
    const history: TelemetryEvent[] = [];
    for (let m = 0; m < 360; m++) history.push(...minuteOfSpans(start + m * 60_000, 450, rnd));
    await telemetry.append(history);
    const scheduler = new MonitorScheduler(deps, { workerId: 'e2e' });

    const calm = await scheduler.tick();
    assert.equal(calm.runs[0]!.outcome!.status, 'ok', JSON.stringify(calm.runs));
    assert.deepEqual((await listAlerts(monitor, { status: 'open' })).items, []);

    // The spike: the next minute's swaps take about 3 s.
    await telemetry.append(minuteOfSpans(start + 360 * 60_000, 3000, rnd));
    clock.advance(60_000);
    const spiked = await scheduler.tick();
    const outcome = spiked.runs[0]!.outcome!;
    assert.equal(outcome.status, 'alerting', outcome.detail);
    const alert = await getAlert(monitor, outcome.raised[0]!);
    assert.equal(alert.source, 'detector');
    assert.equal(alert.severity, 'page');
    assert.match(alert.title, /^swap p95 polygon: p95 of \/v1\/swap on polygon is \d(\.\d)? s, \d+(\.\d)?× its usual \d+ ms .+; started 10:00$/);
    assert.equal(alert.labels.windowFrom, '2026-11-27T10:00:00.000Z');
    assert.equal(alert.labels.windowTo, '2026-11-27T10:01:00.000Z');
    assert.equal(alert.labels.monitor, def.id);
    const link = new URL(alert.labels.query!, 'http://opsdesk.local');
    assert.equal(link.pathname, '/api/telemetry/series');
    assert.equal(link.searchParams.get('where.route'), '/v1/swap');
    assert.equal(link.searchParams.get('where.chain'), 'polygon');
    assert.equal(hook.received.length, 1);
    assert.equal(hook.received[0]!.event, 'alert.firing');
    assert.match(hook.received[0]!.text, /p95 of \/v1\/swap on polygon is/);
    assert.equal(hook.received[0]!.alert.id, alert.id);

    // The detector state is rebuilt from history, so the next slot on any replica sees the same fire and does not notify again.
    clock.advance(60_000);
    await telemetry.append(minuteOfSpans(start + 361 * 60_000, 450, rnd));
    const next = await new MonitorScheduler(deps, { workerId: 'e2e-other' }).tick();
    assert.equal(next.runs[0]!.outcome!.status, 'ok', next.runs[0]!.outcome!.detail);
    assert.equal(hook.received.length, 1);
  });
});

describe('scheduled SLO and status page monitors', () => {
  let dir: string;
  let store: RelationalStore;
  let telemetry: DuckDbTelemetryStore;
  let page: Server;
  let pageUrl: string;
  let componentStatus = 'operational';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsdesk-slomon-'));
    store = await openStore({ dataDir: dir });
    telemetry = await DuckDbTelemetryStore.open({ file: join(dir, 'telemetry.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
    page = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ page: { id: 'p1', name: 'Infura' }, status: { indicator: componentStatus === 'operational' ? 'none' : 'major', description: 'x' }, components: [{ id: 'c1', name: 'Ethereum Mainnet RPC', status: componentStatus }], incidents: [] }),
      ),
    );
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/api/v2/summary.json`;
  });
  after(async () => {
    page.closeAllConnections();
    await new Promise<void>((r) => page.close(() => r()));
    await telemetry.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an SLO monitor pages when the error budget burns over both windows, with the burn explained', async () => {
    const start = Date.parse('2026-11-27T08:00:00Z');
    const clock = manualClock(start + 60 * 60_000 + 2_000);
    const monitor: MonitorDeps = { store, clock, config };
    const events: TelemetryEvent[] = [];
    for (let m = 0; m < 60; m++) for (let i = 0; i < 20; i++) events.push({ ...span(start + m * 60_000 + i * 1000, 120), service: 'wallet-api', isError: i < 2, statusCode: i < 2 ? 502 : 200 });
    await telemetry.append(events);
    await addMonitor(monitor, { kind: 'slo', name: 'wallet-api availability', intervalSec: 60, slo: { name: 'wallet-api availability', service: 'wallet-api', kind: 'availability', objective: 0.999 } });
    const run = (await new MonitorScheduler({ monitor, telemetry: async () => telemetry }, { workerId: 'slo' }).tick()).runs[0]!.outcome!;
    assert.equal(run.status, 'alerting', run.detail);
    const alerts = await Promise.all(run.raised.map((id) => getAlert(monitor, id)));
    assert.deepEqual(alerts.map((a) => a.severity), ['page', 'page', 'ticket']);
    assert.match(alerts[0]!.summary, /^wallet-api availability is burning its error budget 100\.0× too fast over 1h \(10\.00% errors; 5m: 10\.00%; objective 99\.90%\)/);
    assert.equal(alerts[0]!.labels.windowFrom, '2026-11-27T08:00:00.000Z');
    assert.match(alerts[0]!.labels.query!, /^\/api\/telemetry\/series\?.*where\.service=wallet-api/);
  });

  test('a status page monitor raises per component and hands every summary to the mirror hook', async () => {
    const clock = manualClock('2026-11-27T12:00:00Z');
    const monitor: MonitorDeps = { store, clock, config };
    const mirrored: Array<{ provider: string; name: unknown }> = [];
    const deps: SchedulerDeps = { monitor, onProviderSummary: async (provider, payload) => void mirrored.push({ provider, name: (payload as { page: { name: string } }).page.name }) };
    await addMonitor(monitor, { kind: 'statuspage', name: 'infura status', provider: 'infura', url: pageUrl, intervalSec: 60 });
    const scheduler = new MonitorScheduler(deps, { workerId: 'sp' });
    assert.equal((await scheduler.tick()).runs[0]!.outcome!.status, 'ok');
    componentStatus = 'major_outage';
    clock.advance(60_000);
    const down = (await scheduler.tick()).runs[0]!.outcome!;
    assert.equal(down.status, 'alerting');
    assert.equal((await getAlert(monitor, down.raised[0]!)).title, 'infura: Ethereum Mainnet RPC is major outage');
    assert.deepEqual(mirrored, [{ provider: 'infura', name: 'Infura' }, { provider: 'infura', name: 'Infura' }]);
  });
});

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
}

describe('scheduled RPC monitor', () => {
  let a: EvmNode;
  let b: EvmNode;
  let dir: string;
  let store: RelationalStore;
  let telemetry: DuckDbTelemetryStore;
  before(async () => {
    [a, b] = await Promise.all([startEvmNode(), startEvmNode()]);
    dir = mkdtempSync(join(tmpdir(), 'opsdesk-rpcmon-'));
    store = await openStore({ dataDir: dir });
    telemetry = await DuckDbTelemetryStore.open({ file: join(dir, 'telemetry.duckdb'), memoryLimit: '256MB', threads: 1, userIndex: false });
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await telemetry?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a node that stops mining raises a lag alert, recorded as a queryable series, and it resolves when the node catches up', async () => {
    const clock = manualClock(Math.floor(Date.now() / 30_000) * 30_000 + 1_000);
    const monitor: MonitorDeps = { store, clock, config };
    const chains = new Map([['devnet', { slug: 'devnet', family: 'evm', rpcUrls: [a.url, b.url] }]]);
    const deps: SchedulerDeps = { monitor, telemetry: async () => telemetry, findChain: (slug) => chains.get(slug) };
    const def = await addMonitor(monitor, { kind: 'rpc', name: 'devnet rpc', chain: 'devnet', intervalSec: 30, maxLagBlocks: 5, timeoutMs: 3000 });
    const scheduler = new MonitorScheduler(deps, { workerId: 'rpc' });
    assert.equal((await scheduler.tick()).runs[0]!.outcome!.status, 'ok');

    await rpc(b.url, 'evm_setAutomine', [false]);
    await rpc(a.url, 'hardhat_mine', ['0x8']);
    clock.advance(30_000);
    const lagging = (await scheduler.tick()).runs[0]!.outcome!;
    assert.equal(lagging.status, 'alerting', lagging.detail);
    const alert = await getAlert(monitor, lagging.raised[0]!);
    assert.equal(alert.severity, 'page');
    assert.equal(alert.title, `devnet RPC ${b.url}/ is 8 blocks behind the best devnet endpoint (head 0)`);
    assert.match(alert.labels.query!, /metric=opsdesk\.probe\.rpc\.lag_blocks/);
    const lag = await telemetry.metricSeries({ from: new Date(clock.nowMs() - 3_600_000), to: new Date(clock.nowMs() + 60_000), metric: probeMetrics.lagBlocks, bucketSec: 60, agg: 'max', groupBy: ['target'], where: { monitor: def.id }, limit: 100 });
    assert.equal(Math.max(...lag.filter((p) => p.group.g0 === `${b.url}/` || Object.values(p.group).includes(`${b.url}/`)).map((p) => p.value)), 8);

    await rpc(b.url, 'hardhat_mine', ['0x8']);
    clock.advance(30_000);
    const caughtUp = (await scheduler.tick()).runs[0]!.outcome!;
    assert.equal(caughtUp.status, 'ok', caughtUp.detail);
    assert.deepEqual(caughtUp.cleared, [alert.id]);
    assert.equal((await getAlert(monitor, alert.id)).status, 'resolved');
  });
});
