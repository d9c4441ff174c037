import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestApp, type TestApp } from '../../../test/http.ts';

describe('monitor over HTTP', () => {
  let app: TestApp;
  let engineer: string;
  let agent: string;
  before(async () => {
    app = await openTestApp();
    engineer = await app.tokenFor('engineer');
    agent = await app.tokenFor('agent');
  });
  after(async () => app.close());

  const call = (token: string, method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  test('an engineer raises, an agent reads, the engineer acknowledges and resolves', async () => {
    const raised = await call(engineer, 'POST', '/api/monitor/alerts', { source: 'probe', title: 'BSC RPC 40 blocks behind', severity: 'page', labels: { chain: 'bsc' } });
    assert.equal(raised.status, 201);
    const { alert } = (await raised.json()) as { alert: { id: string; status: string } };
    const again = await call(engineer, 'POST', '/api/monitor/alerts', { source: 'probe', title: 'BSC RPC 42 blocks behind', severity: 'page', labels: { chain: 'bsc' } });
    assert.equal(((await again.json()) as { action: string }).action, 'deduplicated');
    const list = (await (await call(agent, 'GET', '/api/monitor/alerts?status=open')).json()) as { items: Array<{ id: string; occurrences: number }> };
    assert.deepEqual(list.items.map((a) => [a.id, a.occurrences]), [[alert.id, 2]]);
    assert.equal((await call(agent, 'POST', `/api/monitor/alerts/${alert.id}/acknowledge`)).status, 403);
    assert.equal(((await (await call(engineer, 'POST', `/api/monitor/alerts/${alert.id}/acknowledge`)).json()) as { status: string }).status, 'acknowledged');
    const resolved = await call(engineer, 'POST', `/api/monitor/alerts/${alert.id}/resolve`, { note: 'node resynced' });
    assert.equal(((await resolved.json()) as { alert: { status: string } }).alert.status, 'resolved');
    const detail = (await (await call(agent, 'GET', `/api/monitor/alerts/${alert.id}`)).json()) as { events: Array<{ kind: string }> };
    assert.deepEqual(detail.events.map((e) => e.kind), ['fired', 'acknowledged', 'resolved']);
  });

  test('the detector and the SLO maths answer as stateless calls', async () => {
    const rows = ['timestamp,value', ...Array.from({ length: 600 }, (_, i) => `2026-11-27 ${String(Math.floor(i / 60) + 8).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00,${i === 500 ? 2900 : 470 + ((i * 37) % 41)}`)];
    const det = (await (await call(agent, 'POST', '/api/monitor/detect', { csv: rows.join('\n'), metric: 'p95 of /v1/swap', unit: 'ms' })).json()) as { points: number; alerts: Array<{ timestamp: string; message: string }> };
    assert.equal(det.points, 600);
    assert.deepEqual(det.alerts.map((a) => a.timestamp), ['2026-11-27 16:20:00']);
    assert.match(det.alerts[0]!.message, /^p95 of \/v1\/swap is 2\.9 s, 5\.9× its usual 490 ms recent median; started 16:20$/);
    const points = Array.from({ length: 60 }, (_, i) => ({ time: new Date(Date.UTC(2026, 10, 27, 9, i)).toISOString(), good: 980, total: 1000 }));
    const slo = (await (await call(agent, 'POST', '/api/monitor/slo/evaluate', { slo: { name: 'swap availability', service: 'wallet-api', kind: 'availability', objective: 0.999 }, points })).json()) as {
      rules: Array<{ firing: boolean; long: { burnRate: number } }>;
      budget: { bad: number };
    };
    assert.equal(slo.rules[0]!.firing, true);
    assert.ok(Math.abs(slo.rules[0]!.long.burnRate - 20) < 1e-9);
    assert.equal(slo.budget.bad, 1200);
  });

  test('stored monitors: an engineer adds and removes, an agent lists; a duplicate name is a 409', async () => {
    const def = { kind: 'http', name: 'wallet-api health', intervalSec: 30, check: { url: 'http://127.0.0.1:1/health', expectStatus: [200] } };
    assert.equal((await call(agent, 'POST', '/api/monitor/monitors', def)).status, 403);
    const added = await call(engineer, 'POST', '/api/monitor/monitors', def);
    assert.equal(added.status, 201);
    const m = (await added.json()) as { id: string; kind: string; intervalSec: number };
    assert.deepEqual([m.kind, m.intervalSec], ['http', 30]);
    assert.equal((await call(engineer, 'POST', '/api/monitor/monitors', def)).status, 409);
    const list = (await (await call(agent, 'GET', '/api/monitor/monitors')).json()) as { items: Array<{ id: string; name: string }> };
    assert.deepEqual(list.items.map((x) => x.name), ['wallet-api health']);
    const one = (await (await call(agent, 'GET', `/api/monitor/monitors/${encodeURIComponent('wallet-api health')}`)).json()) as { monitor: { id: string }; openAlerts: unknown[] };
    assert.deepEqual([one.monitor.id, one.openAlerts], [m.id, []]);
    assert.equal((await call(engineer, 'DELETE', `/api/monitor/monitors/${m.id}`)).status, 200);
    assert.equal((await call(agent, 'GET', `/api/monitor/monitors/${m.id}`)).status, 404);
    assert.equal((await call(engineer, 'POST', '/api/monitor/monitors', { kind: 'rpc', name: 'x', intervalSec: 1 })).status, 400);
  });

  test('the tickets that arrived during an alert window are counted', async () => {
    const windowFrom = new Date(Date.now() - 60_000).toISOString();
    const raised = await call(engineer, 'POST', '/api/monitor/alerts', { source: 'detector', title: 'swap p95 spike', severity: 'page', series: 'p95 /v1/swap', labels: { monitor: 'mon_test', windowFrom } });
    const { alert } = (await raised.json()) as { alert: { id: string } };
    for (const [i, text] of ['my swap has been stuck for 10 minutes', 'swap is very slow, still spinning'].entries()) {
      const res = await call(agent, 'POST', '/api/tickets', { externalId: `win-${i}`, requester: `user${i}@example.com`, subject: 'Swap', body: text });
      assert.equal(res.status, 201);
    }
    const counted = (await (await call(agent, 'GET', `/api/monitor/alerts/${alert.id}/tickets`)).json()) as { from: string; count: number; sample: string[]; truncated: boolean };
    assert.deepEqual([counted.from, counted.count, counted.sample.length, counted.truncated], [windowFrom, 2, 2, false]);
  });

  test('error: a bad CSV is a 400 naming the line; an unknown alert is a 404', async () => {
    const bad = await call(agent, 'POST', '/api/monitor/detect', { csv: 'timestamp,value\n2026-11-27 10:00:00,x\n' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /csv, line 2: \\"x\\" is not a number\./);
    assert.equal((await call(agent, 'GET', '/api/monitor/alerts/alr_nope')).status, 404);
  });
});
