import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../../auth/index.ts';
import { loadConfig, silentLogger } from '../../core/index.ts';
import { startServer, type StartedServer } from '../../main.ts';
import { PrometheusConnector, type TelemetryService } from '../index.ts';
import { freePort, hasPrometheus, startPrometheus, waitForSeries, type RunningPrometheus } from '../../../test/prometheus.ts';
import { tempDir } from '../../../test/tmp.ts';

describe('Prometheus connector (real Prometheus scraping OpsDesk /metrics)', { skip: hasPrometheus() ? false : 'prometheus is not installed (apt-get install -y prometheus)' }, () => {
  const tmp = tempDir('opsdesk-promtest-');
  let server: StartedServer;
  let prom: RunningPrometheus;
  let telemetry: TelemetryService;
  let agent: string;

  before(async () => {
    const promPort = await freePort();
    const config = loadConfig({ cwd: tmp.dir, env: {}, flags: { dataDir: tmp.dir, server: { port: 0 }, auth: { adminPassword: 'a-long-admin-password' }, telemetry: { prometheusUrl: `http://127.0.0.1:${promPort}` } } });
    server = await startServer(config, { logger: silentLogger, announce: () => undefined });
    const db = server.runtime.store.db;
    const scrape = await createToken(db, { name: 'prometheus', role: 'ingest' }, null, server.runtime.clock);
    agent = (await createToken(db, { name: 'agent', role: 'agent' }, null, server.runtime.clock)).secret;
    prom = await startPrometheus({ target: new URL(server.url).host, bearerToken: scrape.secret }, { port: promPort });
    for (let i = 0; i < 5; i++) await fetch(`${server.url}/healthz`);
    await waitForSeries(prom.url, 'opsdesk_http_requests_total{route="/healthz"}', (v) => v >= 5);
    // A few more scrapes, so the series spans several step-aligned evaluation times.
    await waitForSeries(prom.url, 'count_over_time(opsdesk_http_requests_total{route="/healthz"}[1m])', (v) => v >= 4);
    telemetry = await server.runtime.telemetry();
  });
  after(async () => {
    await prom?.stop();
    await server?.stop();
    tmp.remove();
  });

  test('answers a metric question with query_range, grouped by a label', async () => {
    const now = new Date();
    const points = await telemetry.metric({ metric: 'opsdesk_http_requests_total', agg: 'sum', groupBy: ['route'], where: { route: '/healthz' }, from: new Date(now.getTime() - 300_000), to: now, bucketSec: 1, limit: 10_000 }, 'prometheus');
    assert.ok(points.length > 0);
    assert.ok(points.every((p) => p.group.route === '/healthz'));
    assert.ok(points.at(-1)!.value >= 5, `last value ${points.at(-1)!.value}`);
    assert.match(points[0]!.bucket, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const rate = await telemetry.metric({ metric: 'opsdesk_http_requests_total', agg: 'rate', groupBy: [], from: new Date(now.getTime() - 300_000), to: now, bucketSec: 5, limit: 10_000 }, 'prometheus');
    assert.ok(rate.every((p) => Number.isFinite(p.value)));
  });

  test('behavior: the HTTP query API answers from Prometheus with source=prometheus', async () => {
    const res = await fetch(`${server.url}/api/telemetry/metric?metric=opsdesk_http_requests_total&agg=max&groupBy=route&source=prometheus&from=now-5m&bucket=1`, { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { source: string; items: { group: { route: string | null } }[] };
    assert.match(body.source, /^prometheus:http:\/\/127\.0\.0\.1:\d+/);
    assert.ok(body.items.some((p) => p.group.route === '/healthz'));
  });

  test('error: a refused query and an unreachable server are told apart', async () => {
    await assert.rejects(telemetry.prometheus!.queryRange('sum(', new Date(Date.now() - 60_000), new Date(), 5), (err: Error) => err.name === 'PrometheusQueryError');
    const down = new PrometheusConnector({ url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 });
    await assert.rejects(down.metricSeries({ metric: 'up', agg: 'avg', groupBy: [], from: new Date(Date.now() - 60_000), to: new Date(), bucketSec: 5, limit: 10 }), (err: Error) => err.name === 'PrometheusUnavailableError');
  });
});
