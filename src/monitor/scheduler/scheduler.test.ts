import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../core/index.ts';
import { openStore, type RelationalStore } from '../../storage/index.ts';
import { createTempDatabase } from '../../../test/postgres.ts';
import { engines } from '../../../test/stores.ts';
import { addMonitor, getMonitor, listAlerts, listMonitors, MonitorScheduler, removeMonitor, type MonitorDeps } from '../index.ts';

const config = { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 2000, emailFrom: 'a@b.test' };

async function hitCounter(): Promise<{ url: string; hits: Map<string, number>; down: Set<string>; stop(): Promise<void> }> {
  const hits = new Map<string, number>();
  const down = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    // A little latency widens the window in which two replicas could race for the same job.
    setTimeout(() => res.writeHead(down.has(path) ? 503 : 200, { 'content-type': 'text/plain' }).end(down.has(path) ? 'down' : 'ok'), 15);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    down,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

for (const engine of engines) {
  describe(`monitor scheduler [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let web: Awaited<ReturnType<typeof hitCounter>>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
      web = await hitCounter();
    });
    after(async () => {
      await web.stop();
      await cleanup();
    });

    test('two replicas sharing one database run each monitor exactly once per slot', async () => {
      const clock = manualClock('2026-11-27T10:00:05Z');
      const deps: MonitorDeps = { store, clock, config };
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await addMonitor(deps, { kind: 'http', name: `replica-check-${i}`, intervalSec: 60, check: { url: `${web.url}/replica/${i}` } })).id);
      const a = new MonitorScheduler({ monitor: deps }, { workerId: 'replica-a', batch: 2 });
      const b = new MonitorScheduler({ monitor: deps }, { workerId: 'replica-b', batch: 2 });
      const ranBy = { a: 0, b: 0 };
      for (let slot = 0; slot < 3; slot++) {
        // Both replicas tick at the same moment, several times within the slot.
        for (let round = 0; round < 3; round++) {
          const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
          ranBy.a += ra.runs.filter((r) => r.outcome).length;
          ranBy.b += rb.runs.filter((r) => r.outcome).length;
          assert.ok([...ra.runs, ...rb.runs].every((r) => r.ok), JSON.stringify([ra, rb]));
          clock.advance(5_000);
        }
        clock.advance(45_000);
      }
      for (let i = 0; i < 4; i++) assert.equal(web.hits.get(`/replica/${i}`), 3, `monitor ${i} must run once in each of the 3 slots`);
      assert.equal(ranBy.a + ranBy.b, 12);
      const runs = await store.db.selectFrom('jobs').select(['id', 'status']).where('kind', '=', 'monitor.run').execute();
      assert.equal(runs.length, 12);
      assert.ok(runs.every((r) => r.status === 'done'));
      const m = await getMonitor(deps, ids[0]!);
      assert.equal(m.lastStatus, 'ok');
      for (const id of ids) await removeMonitor(deps, id);
    });

    test('behavior: a failing check raises one alert that resolves when it passes; a missed slot is skipped, not run late', async () => {
      const clock = manualClock('2026-11-27T12:00:01Z');
      const deps: MonitorDeps = { store, clock, config };
      const m = await addMonitor(deps, { kind: 'http', name: 'wallet-api health', intervalSec: 30, severity: 'page', check: { url: `${web.url}/health-flaky` } });
      const scheduler = new MonitorScheduler({ monitor: deps }, { workerId: 'solo' });
      web.down.add('/health-flaky');
      const first = await scheduler.tick();
      assert.equal(first.runs[0]!.outcome!.status, 'alerting');
      const open = await listAlerts(deps, { status: 'open' });
      const alert = open.items.find((x) => x.labels.monitor === m.id)!;
      assert.equal(alert.severity, 'page');
      assert.match(alert.title, /^wallet-api health: status 503, expected 200$/);
      assert.match(alert.labels.query!, /^\/api\/telemetry\/metric\?metric=opsdesk\.probe\.latency_ms&/);
      assert.equal(alert.labels.windowFrom, '2026-11-27T12:00:01.000Z');
      clock.advance(30_000);
      await scheduler.tick();
      assert.equal((await listAlerts(deps, { status: 'open' })).items.filter((x) => x.labels.monitor === m.id)[0]!.occurrences, 2);
      web.down.delete('/health-flaky');
      clock.advance(30_000);
      const healthy = await scheduler.tick();
      assert.deepEqual(healthy.runs[0]!.outcome!.cleared, [alert.id]);
      // A slot enqueued by a replica that then stalls is past when it is claimed: skipped.
      const other = new MonitorScheduler({ monitor: deps }, { workerId: 'late' });
      await store.db.insertInto('jobs').values({ id: `monitor.run:${m.id}:1`, kind: 'monitor.run', payload: JSON.stringify({ monitorId: m.id, slotMs: Date.parse('2026-11-27T11:00:00Z') }), status: 'queued', run_at: '2026-11-27T11:00:00.000Z', locked_by: null, locked_until: null, last_error: null, created_at: '2026-11-27T11:00:00.000Z', updated_at: '2026-11-27T11:00:00.000Z' }).execute();
      clock.advance(30_000);
      const late = await other.tick();
      assert.deepEqual(late.runs.map((r) => r.skipped ?? 'ran').sort(), ['ran', 'stale']);
      await removeMonitor(deps, m.id);
    });

    test('error: an invalid or duplicate definition is refused; removing an unknown monitor is not found', async () => {
      const deps: MonitorDeps = { store, clock: manualClock(), config };
      await assert.rejects(addMonitor(deps, { kind: 'series', name: 'x', measure: 'p99' as 'p95' }), (e: Error) => e.name === 'ValidationError' && /Invalid monitor/.test(e.message));
      await addMonitor(deps, { kind: 'statuspage', name: 'infura status', provider: 'infura', url: 'http://127.0.0.1:1/api/v2/summary.json' });
      await assert.rejects(addMonitor(deps, { kind: 'statuspage', name: 'infura status', provider: 'infura', url: 'http://127.0.0.1:1/x' }), { name: 'MonitorNameTakenError', shortMessage: /^A monitor named "infura status" already exists \(mon_/ });
      // Latency objectives are stored (run-slo.test.ts runs them); one without a threshold is refused.
      await assert.rejects(addMonitor(deps, { kind: 'slo', name: 'latency slo', slo: { name: 's', service: 'api', kind: 'latency', objective: 0.99 } }), (e: Error) => e.name === 'ValidationError' && /slo\.latencyThresholdMs/.test(e.message));
      await addMonitor(deps, { kind: 'slo', name: 'latency slo', slo: { name: 's', service: 'api', kind: 'latency', objective: 0.99, latencyThresholdMs: 300 } });
      await removeMonitor(deps, 'latency slo');
      await assert.rejects(removeMonitor(deps, 'nope'), { name: 'MonitorNotFoundError', shortMessage: 'No monitor nope.' });
      await removeMonitor(deps, 'infura status');
      assert.deepEqual(await listMonitors(deps), []);
    });
  });
}

const separateConnections: Array<{ name: string; open(): Promise<{ a: RelationalStore; b: RelationalStore; cleanup(): Promise<void> }> }> = [
  {
    name: 'sqlite file, two connections',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-replicas-'));
      const a = await openStore({ dataDir });
      const b = await openStore({ dataDir });
      return {
        a,
        b,
        async cleanup() {
          await a.close();
          await b.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres, two pools',
    async open() {
      const temp = await createTempDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), 'opsdesk-replicas-'));
      const a = await openStore({ dataDir, url: temp.url, poolSize: 3 });
      const b = await openStore({ dataDir, url: temp.url, poolSize: 3 });
      return {
        a,
        b,
        async cleanup() {
          await a.close();
          await b.close();
          await temp.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

for (const setup of separateConnections) {
  test(`behavior: replicas with their own connections (${setup.name}) still run each slot once`, async () => {
    const { a, b, cleanup } = await setup.open();
    const web = await hitCounter();
    try {
      const clock = manualClock('2026-11-27T10:00:05Z');
      const depsA: MonitorDeps = { store: a, clock, config };
      const depsB: MonitorDeps = { store: b, clock, config };
      for (let i = 0; i < 6; i++) await addMonitor(depsA, { kind: 'http', name: `sep-${i}`, intervalSec: 60, check: { url: `${web.url}/sep/${i}` } });
      const ra = new MonitorScheduler({ monitor: depsA }, { workerId: 'replica-a', batch: 2 });
      const rb = new MonitorScheduler({ monitor: depsB }, { workerId: 'replica-b', batch: 2 });
      const failures: string[] = [];
      for (let slot = 0; slot < 2; slot++) {
        for (let round = 0; round < 2; round++) {
          const settled = await Promise.allSettled([ra.tick(), rb.tick()]);
          for (const s of settled) if (s.status === 'rejected') failures.push(String(s.reason));
          clock.advance(5_000);
        }
        clock.advance(50_000);
      }
      for (let i = 0; i < 6; i++) assert.equal(web.hits.get(`/sep/${i}`), 2, `sep-${i} ran ${web.hits.get(`/sep/${i}`)} times; tick failures: ${failures.join('; ')}`);
    } finally {
      await web.stop();
      await cleanup();
    }
  });
}
