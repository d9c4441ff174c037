import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, systemClock } from '../../../core/index.ts';
import { openTelemetry } from '../../../telemetry/index.ts';
import { tempDir } from '../../../../test/tmp.ts';
import { startDemoTelemetry } from '../index.ts';

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

test('live generation ticks on a real clock and stop() ends it without leaving timers', async () => {
  const tmp = tempDir('opsdesk-demo-timers-');
  const config = loadConfig({ cwd: tmp.dir, env: { OPSDESK_DATA_DIR: tmp.dir } });
  const telemetry = await openTelemetry({ dataDir: tmp.dir, telemetry: { ...config.telemetry, threads: 1, memoryLimit: '256MB' } }, systemClock);
  try {
    const before = timeouts();
    const demo = await startDemoTelemetry({ telemetry: async () => telemetry, clock: systemClock }, { tickMs: 100, backfillMs: 30_000, incidentAfterMs: 15_000 });
    assert.ok(demo.backfill.events > 0);
    // The incident is placed 15 s after the backfill is stored.
    assert.ok(demo.incident!.startMs >= demo.startedAtMs + 15_000 && demo.incident!.startMs <= Date.now() + 15_000, `${demo.incident!.startMs - demo.startedAtMs} ms after start`);
    assert.equal(timeouts(), before + 1, 'one live timer');
    // Live seconds are generated once they are complete: wait for two of them.
    for (let i = 0; i < 60 && demo.liveEvents === 0; i++) await sleep(100);
    assert.ok(demo.liveEvents > 0, 'live events were ingested');
    await demo.stop();
    assert.equal(timeouts(), before, 'no timer left after stop()');
    const stoppedAt = demo.liveEvents;
    await sleep(1300);
    assert.equal(demo.liveEvents, stoppedAt, 'nothing is generated after stop()');
  } finally {
    await telemetry.close();
    tmp.remove();
  }
});

test('an aborted signal ends the backfill early and starts no timer', async () => {
  const tmp = tempDir('opsdesk-demo-abort-');
  const config = loadConfig({ cwd: tmp.dir, env: { OPSDESK_DATA_DIR: tmp.dir } });
  const telemetry = await openTelemetry({ dataDir: tmp.dir, telemetry: { ...config.telemetry, threads: 1, memoryLimit: '256MB' } }, systemClock);
  try {
    const before = timeouts();
    const demo = await startDemoTelemetry({ telemetry: async () => telemetry, clock: systemClock }, { tickMs: 100, signal: AbortSignal.abort() });
    assert.equal(demo.backfill.events, 0);
    assert.equal(timeouts(), before);
    await demo.stop();
  } finally {
    await telemetry.close();
    tmp.remove();
  }
});
