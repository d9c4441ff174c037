import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runOpsdesk } from '../../../test/cli.ts';
import { tempDir } from '../../../test/tmp.ts';

const min = 60_000;
/** The OpenTelemetry advice for http.server.request.duration, in seconds. */
const bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Bucket counts with `fast` requests in (0.1, 0.25] s and `slow` in (0.5, 0.75] s. */
const buckets = (fast: number, slow: number) => bounds.map((_, i) => (i === 6 ? fast : i === 8 ? slow : 0)).concat([0]);
const attr = (key: string, v: string) => ({ key, value: { stringValue: v } });
const nanos = (ms: number) => String(BigInt(ms) * 1_000_000n);

/** 130 minutes of /v1/swap as one OTLP/JSON cumulative histogram line: 1,000 requests a minute, 300 of them slow in minutes 90..119, 5 otherwise. */
function histogramLines(t0: number): string {
  const dataPoints = [];
  let fast = 0;
  let slow = 0;
  for (let m = 0; m < 130; m++) {
    const s = m >= 90 && m < 120 ? 300 : 5;
    slow += s;
    fast += 1000 - s;
    const counts = buckets(fast, slow);
    dataPoints.push({ attributes: [attr('http.route', '/v1/swap')], startTimeUnixNano: nanos(t0), timeUnixNano: nanos(t0 + m * min + 30_000), count: String(fast + slow), sum: 1, bucketCounts: counts.map(String), explicitBounds: bounds });
  }
  const metrics = { name: 'http.server.request.duration', unit: 's', histogram: { aggregationTemporality: 2, dataPoints } };
  return JSON.stringify({ resourceMetrics: [{ resource: { attributes: [attr('service.name', 'wallet-api')] }, scopeMetrics: [{ metrics: [metrics] }] }] }) + '\n';
}

interface SloResult {
  budget: { total: number; bad: number; met: boolean };
  now: Array<{ firing: boolean }>;
  alerts: Array<{ severity: string; firedAt: string; resolvedAt: string | null; rule: { longWindowMin: number }; message: string }>;
  telemetry?: { kind: string; counts: string; interpolatedPoints: number };
}

test('monitor slo --latency-ms evaluates a latency objective over the telemetry the data dir ingested', async () => {
  const { dir, remove } = tempDir();
  try {
    const t0 = Math.floor(Date.now() / min) * min - 4 * 3_600_000;
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, histogramLines(t0));
    const ingest = await runOpsdesk(['--data-dir', dir, 'telemetry', 'ingest', file]);
    assert.equal(ingest.code, 0, ingest.stderr);
    const at = new Date(t0 + 130 * min).toISOString();
    const args = ['--data-dir', dir, '--json', 'monitor', 'slo', '--objective', '0.99', '--latency-ms', '300', '--service', 'wallet-api', '--route', '/v1/swap', '--at', at];
    const r = await runOpsdesk(args);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as SloResult;
    assert.deepEqual(Object.keys(out), ['budget', 'now', 'alerts', 'telemetry']);
    assert.equal(out.telemetry!.kind, 'latency');
    assert.equal(out.telemetry!.counts, 'histogram');
    // The first cumulative point is the baseline: minutes 1..129 = 129,000 requests; slow: 30 × 300 + 99 × 5 = 9,495.
    assert.equal(out.budget.total, 129_000);
    assert.ok(Math.abs(out.budget.bad - 9495) < 1e-6, String(out.budget.bad));
    // The 1h page: 300 + 295·k slow in the window from minute 90 ≥ 8,640 first at minute 119; it resets at 123 (5m window 12.3%).
    const fast = out.alerts.filter((a) => a.rule.longWindowMin === 60);
    assert.deepEqual(fast.map((a) => [a.severity, a.firedAt, a.resolvedAt]), [['page', new Date(t0 + 119 * min).toISOString(), new Date(t0 + 123 * min).toISOString()]]);
    assert.match(fast[0]!.message, /^\/v1\/swap latency is burning its error budget 14\.\d× too fast over 1h \(14\.\d\d% slower than 300 ms; 5m: 30\.00%; objective 99\.00%\)/);

    // A threshold above every slow request: nothing is bad, nothing fires.
    const lenient = JSON.parse((await runOpsdesk([...args.slice(0, 8), '1000', ...args.slice(9)])).stdout) as SloResult;
    assert.equal(lenient.budget.bad, 0);
    assert.deepEqual(lenient.alerts, []);

    const human = await runOpsdesk(args.filter((a) => a !== '--json'));
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^\/v1\/swap latency: SLI 92\.640% over 30 d \(objective 99\.00%\).*\ncounts from histogram http\.server\.request\.duration \(129 points interpolated inside a bucket\), 129000 events from /);
  } finally {
    remove();
  }
});

test('monitor slo with a CSV keeps its output; error: telemetry flags with a file, or no file and no service, exit 2', async () => {
  const { dir, remove } = tempDir();
  try {
    const file = join(dir, 'counts.csv');
    writeFileSync(file, ['time,good,total', ...Array.from({ length: 10 }, (_, i) => `${new Date(Date.UTC(2026, 10, 27, 8, i)).toISOString()},999,1000`)].join('\n'));
    const csv = await runOpsdesk(['--data-dir', dir, '--json', 'monitor', 'slo', file, '--objective', '0.999']);
    assert.equal(csv.code, 0, csv.stderr);
    const out = JSON.parse(csv.stdout) as SloResult;
    assert.deepEqual(Object.keys(out), ['budget', 'now', 'alerts']);
    assert.equal(out.budget.total, 10_000);
    const mixed = await runOpsdesk(['--data-dir', dir, 'monitor', 'slo', file, '--objective', '0.999', '--latency-ms', '300']);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--latency-ms read stored telemetry and cannot be combined with a counts file\./);
    const none = await runOpsdesk(['--data-dir', dir, 'monitor', 'slo', '--objective', '0.99', '--latency-ms', '300']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Give a counts FILE, or --service/);
  } finally {
    remove();
  }
});

test('monitor add slo stores a latency objective; one without a threshold exits 2', async () => {
  const { dir, remove } = tempDir();
  try {
    const slo = { name: 'swap latency', service: 'wallet-api', route: '/v1/swap', kind: 'latency', objective: 0.99, latencyThresholdMs: 300 };
    const added = await runOpsdesk(['--data-dir', dir, '--json', 'monitor', 'add', 'slo', 'swap latency', '--every', '1m', '--spec', JSON.stringify({ slo })]);
    assert.equal(added.code, 0, added.stderr);
    const m = JSON.parse(added.stdout) as { kind: string; spec: { slo: { kind: string; latencyThresholdMs: number } } };
    assert.deepEqual([m.kind, m.spec.slo.kind, m.spec.slo.latencyThresholdMs], ['slo', 'latency', 300]);
    const bad = await runOpsdesk(['--data-dir', dir, 'monitor', 'add', 'slo', 'no threshold', '--spec', JSON.stringify({ slo: { ...slo, latencyThresholdMs: undefined } })]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /latencyThresholdMs/);
    // --service and --route land inside the objective instead of being dropped.
    const flags = await runOpsdesk(['--data-dir', dir, '--json', 'monitor', 'add', 'slo', 'quote latency', '--service', 'wallet-api', '--route', '/v1/quote', '--spec', JSON.stringify({ slo: { kind: 'latency', objective: 0.99, latencyThresholdMs: 500 } })]);
    assert.equal(flags.code, 0, flags.stderr);
    const f = JSON.parse(flags.stdout) as { spec: { slo: { name: string; service: string; route: string } } };
    assert.deepEqual([f.spec.slo.name, f.spec.slo.service, f.spec.slo.route], ['quote latency', 'wallet-api', '/v1/quote']);
  } finally {
    remove();
  }
});
