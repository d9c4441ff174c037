import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig, manualClock, type Config } from '../../../core/index.ts';
import { getAlert, listAlerts, listMonitors, MonitorScheduler, type MonitorDeps } from '../../../monitor/index.ts';
import { openStore, type RelationalStore } from '../../../storage/index.ts';
import { openTelemetry, type TelemetryService } from '../../../telemetry/index.ts';
import { tempDir } from '../../../../test/tmp.ts';
import { seedDemoMonitors, startDemoTelemetry, type DemoTelemetry } from '../index.ts';

const min = 60_000;

// One run of the real thing on a manual clock: the 2-hour backfill, an hour of normal live traffic
// with the seeded monitors running on the scheduler, then the injected incident.
describe('seeded demo monitors on demo traffic', () => {
  const tmp = tempDir('opsdesk-demo-monitors-');
  const clock = manualClock('2026-11-27T10:00:00.300Z');
  let config: Config;
  let store: RelationalStore;
  let telemetry: TelemetryService;
  let demo: DemoTelemetry;
  let monitor: MonitorDeps;
  let scheduler: MonitorScheduler;
  let backfillCpuMs = 0;

  before(async () => {
    config = loadConfig({ cwd: tmp.dir, env: { OPSDESK_DATA_DIR: tmp.dir } });
    store = await openStore({ dataDir: tmp.dir });
    telemetry = await openTelemetry({ dataDir: tmp.dir, telemetry: { ...config.telemetry, threads: 1, memoryLimit: '256MB', userIndex: false } }, clock);
    monitor = { store, clock, config: config.monitor };
    scheduler = new MonitorScheduler({ monitor, telemetry: async () => telemetry.store, maxQueryRangeDays: config.telemetry.maxQueryRangeDays }, { workerId: 'demo-test' });
    const cpu = process.cpuUsage();
    demo = await startDemoTelemetry({ telemetry: async () => telemetry, clock }, { tickMs: 0, incidentAfterMs: 60 * min + 25_000, incidentDurationMs: 10 * min });
    const used = process.cpuUsage(cpu);
    backfillCpuMs = (used.user + used.system) / 1000;
  });
  after(async () => {
    await demo.stop();
    await telemetry.close();
    await store.close();
    tmp.remove();
  });

  test('seeding stores p95 and error-rate monitors for the demo routes and chains, once', async (t) => {
    t.diagnostic(`backfill: ${demo.backfill.events} events for 2 h, ${demo.backfill.ms} ms wall, ${Math.round(backfillCpuMs)} ms CPU (process, incl. DuckDB threads)`);
    assert.ok(demo.backfill.events > 100_000, `${demo.backfill.events} backfilled`);
    const first = await seedDemoMonitors({ store, clock, config });
    assert.equal(first.created.length, 14);
    assert.ok(first.created.every((m) => m.kind === 'series' && m.intervalSec === 20 && m.spec.kind === 'series' && m.spec.service === 'api-gateway'));
    assert.ok(first.created.some((m) => m.spec.kind === 'series' && m.spec.measure === 'p95' && m.spec.route === '/v1/swap' && m.spec.chain === 'polygon'));
    const again = await seedDemoMonitors({ store, clock, config });
    assert.deepEqual([again.created.length, again.existing.length], [0, 14]);
    assert.equal((await listMonitors(monitor)).length, 14);
  });

  test('an hour of normal traffic raises no alert', async () => {
    let judged = 0;
    for (let m = 0; m < 60; m++) {
      clock.advance(min);
      await demo.catchUp();
      const report = await scheduler.tick();
      assert.equal(report.runs.length, 14);
      for (const run of report.runs) {
        assert.ok(run.ok, run.error);
        assert.equal(run.outcome!.status, 'ok', `${new Date(clock.nowMs()).toISOString()} ${run.outcome!.detail}`);
        // The detector had the backfilled baseline to judge against (not an idle, empty series).
        const points = Number(/^(\d+) points/.exec(run.outcome!.detail)?.[1]);
        if (points >= 100) judged++;
      }
    }
    assert.equal(judged, 60 * 14);
    assert.deepEqual((await listAlerts(monitor, {})).items, []);
  });

  test('the injected incident is caught within 2 minutes, explained as /v1/swap on polygon', async () => {
    const incident = demo.incident!;
    assert.ok(clock.nowMs() < incident.startMs);
    let firstAlertMs: number | undefined;
    const raised = new Set<string>();
    while (clock.nowMs() < incident.startMs + 3 * min) {
      clock.advance(20_000);
      await demo.catchUp();
      for (const run of (await scheduler.tick()).runs) {
        assert.ok(run.ok, run.error);
        if (run.outcome!.status !== 'alerting') continue;
        firstAlertMs ??= clock.nowMs();
        for (const id of run.outcome!.raised) raised.add(id);
      }
    }
    assert.ok(firstAlertMs !== undefined, 'no alert during the incident');
    const delay = firstAlertMs - incident.startMs;
    assert.ok(delay > 0 && delay <= 2 * min, `first alert ${delay / 1000} s after the incident started`);
    const alerts = await Promise.all([...raised].map((id) => getAlert(monitor, id)));
    const p95 = alerts.find((a) => a.labels.monitorName === 'demo: swap p95 on polygon');
    assert.ok(p95, alerts.map((a) => a.title).join('\n'));
    assert.match(p95.title, /p95 of \/v1\/swap on polygon is \d+(\.\d+)? s, \d+(\.\d)?× its usual/);
    assert.equal(p95.source, 'detector');
    // Only the polygon swap monitors speak up: the other routes and chains are healthy.
    for (const a of alerts) assert.match(a.labels.monitorName!, /^demo: swap (p95|error rate) on polygon$/, a.title);
  });
});
