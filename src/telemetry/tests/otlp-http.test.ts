import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { encodeOtlpProtobuf } from '../index.ts';
import { openTestApp, type TestApp } from '../../../test/http.ts';

const now = Date.now();
const nanos = (ms: number) => `${ms}000000`;
const kv = (key: string, v: string) => ({ key, value: { stringValue: v } });

function logs(records: unknown[]) {
  return { resourceLogs: [{ resource: { attributes: [kv('service.name', 'wallet-app')] }, scopeLogs: [{ scope: { name: 'app' }, logRecords: records }] }] };
}

describe('OTLP/HTTP receiver and telemetry API', () => {
  let app: TestApp;
  let ingest: string;
  let agent: string;
  before(async () => {
    app = await openTestApp({ config: { telemetry: { maxRequestBytes: 1024 * 1024, maxPendingRows: 10 } } });
    ingest = await app.tokenFor('ingest');
    agent = await app.tokenFor('agent');
  });
  after(async () => {
    await app.close();
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}, token = ingest) =>
    app.request(path, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } });

  test('POST /v1/logs (JSON) is stored and found by the query API', async () => {
    const res = await post('/v1/logs', JSON.stringify(logs([{ timeUnixNano: nanos(now - 60_000), severityNumber: 17, body: { stringValue: 'send failed' }, attributes: [kv('user.id', 'otlp-user'), kv('wallet.chain.id', 'polygon')] }])));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.deepEqual(await res.json(), {});
    const q = await app.request('/api/telemetry/events?userId=otlp-user&from=now-1h', { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(q.status, 200);
    const body = (await q.json()) as { items: { body: string; chain: string; severity: string; service: string }[] };
    assert.deepEqual(body.items.map((e) => [e.body, e.chain, e.severity, e.service]), [['send failed', 'polygon', 'error', 'wallet-app']]);
  });

  test('behavior: protobuf + gzip traces and metrics are accepted and answered in protobuf', async () => {
    const traces = { resourceSpans: [{ resource: { attributes: [kv('service.name', 'gateway')] }, scopeSpans: [{ spans: [{ traceId: Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex'), spanId: Buffer.from('b7ad6b7169203331', 'hex'), name: 'POST /v1/swap', kind: 2, startTimeUnixNano: nanos(now - 30_000), endTimeUnixNano: nanos(now - 29_500), status: { code: 2 }, attributes: [kv('user.id', 'pb-user'), kv('http.route', '/v1/swap')] }] }] }] };
    const res = await post('/v1/traces', gzipSync(encodeOtlpProtobuf('traces', traces)), { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/x-protobuf');
    assert.equal((await res.arrayBuffer()).byteLength, 0, 'an empty ExportTraceServiceResponse');
    const metrics = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'http.server.request.duration', unit: 's', histogram: { aggregationTemporality: 2, dataPoints: [{ timeUnixNano: nanos(now - 20_000), count: '4', sum: 1.5, bucketCounts: ['1', '3'], explicitBounds: [0.25], attributes: [kv('http.route', '/v1/swap')] }] } }] }] }] };
    const mres = await post('/v1/metrics', JSON.stringify(metrics));
    assert.equal(mres.status, 200);
    const q = await app.request('/api/telemetry/events?traceId=0af7651916cd43dd8448eb211c80319c&from=now-1h', { headers: { authorization: `Bearer ${agent}` } });
    const items = ((await q.json()) as { items: { name: string; durationMs: number; isError: boolean; route: string }[] }).items;
    assert.deepEqual(items.map((e) => [e.name, e.durationMs, e.isError, e.route]), [['POST /v1/swap', 500, true, '/v1/swap']]);
    const m = await app.request('/api/telemetry/metric?metric=http.server.request.duration&agg=sum&bucket=1h&from=now-1h&source=store', { headers: { authorization: `Bearer ${agent}` } });
    const mb = (await m.json()) as { source: string; items: { value: number }[] };
    assert.match(mb.source, /^duckdb:/);
    assert.equal(mb.items.reduce((s, p) => s + p.value, 0), 1.5);
  });

  test('behavior: bad records are rejected with partialSuccess, the rest are stored', async () => {
    const res = await post('/v1/logs', JSON.stringify(logs([
      { timeUnixNano: nanos(now - 1000), body: { stringValue: 'kept' }, attributes: [kv('user.id', 'partial')] },
      { timeUnixNano: 'not-a-number', body: { stringValue: 'bad time' } },
      { timeUnixNano: nanos(now - 1000), traceId: 'xyz', body: { stringValue: 'bad id' } },
      { timeUnixNano: nanos(now - 1000), attributes: 'wrong type' },
    ])));
    assert.equal(res.status, 200);
    const body = (await res.json()) as { partialSuccess: { rejectedLogRecords: number; errorMessage: string } };
    assert.equal(body.partialSuccess.rejectedLogRecords, 3);
    assert.match(body.partialSuccess.errorMessage, /#2: .*timeUnixNano/);
    const q = await app.request('/api/telemetry/events?userId=partial&from=now-1h', { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(((await q.json()) as { items: unknown[] }).items.length, 1);
  });

  test('behavior: invalid UTF-8, 10k attributes and far-future times are clamped per record', async () => {
    const attrs = Array.from({ length: 10_000 }, (_, i) => kv(`k${i}`, 'v'));
    const json = JSON.stringify(logs([
      { timeUnixNano: nanos(now - 1000), body: { stringValue: 'BAD_UTF8' }, attributes: [kv('user.id', 'clamp')] },
      { timeUnixNano: nanos(now + 10 * 365 * 86_400_000), body: { stringValue: 'from the future' }, attributes: [kv('user.id', 'clamp'), ...attrs] },
    ]));
    const raw = Buffer.from(json, 'utf8');
    const at = raw.indexOf('BAD_UTF8');
    raw[at] = 0xc3;
    raw[at + 1] = 0x28;
    const res = await post('/v1/logs', raw);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {});
    const q = await app.request('/api/telemetry/events?userId=clamp&from=now-1h&order=asc', { headers: { authorization: `Bearer ${agent}` } });
    const items = ((await q.json()) as { items: { body: string; ts: string; attrs: Record<string, unknown> }[] }).items;
    assert.equal(items.length, 2);
    const bad = items.find((e) => e.body.endsWith('D_UTF8'))!;
    assert.ok(bad.body.startsWith('\uFFFD'), JSON.stringify(bad.body));
    const future = items.find((e) => e.body === 'from the future')!;
    assert.ok(Date.parse(future.ts) <= Date.now() + 1000, 'clamped to the ingest time');
    assert.equal(Object.keys(future.attrs).length, 128);
  });

  test('error: a malformed payload is 400, an oversized one 413 (also after gzip), wrong roles 401/403', async () => {
    assert.equal((await post('/v1/logs', '{"resourceLogs": [')).status, 400);
    assert.equal((await post('/v1/logs', '{"resourceLogs": {"a": 1}}')).status, 400);
    assert.equal((await post('/v1/logs', Buffer.from([0x0a, 0xff, 0xff, 0xff]), { 'content-type': 'application/x-protobuf' })).status, 400);
    assert.equal((await post('/v1/logs', '{}', { 'content-type': 'text/plain' })).status, 400);
    assert.equal((await post('/v1/logs', Buffer.from('not gzip'), { 'content-encoding': 'gzip' })).status, 400);
    const big = JSON.stringify(logs([{ timeUnixNano: nanos(now), body: { stringValue: 'x'.repeat(1100 * 1024) } }]));
    const r413 = await post('/v1/logs', big);
    assert.equal(r413.status, 413);
    assert.equal(((await r413.json()) as { code: string }).code, 'VALIDATION');
    assert.equal((await post('/v1/logs', gzipSync(big), { 'content-encoding': 'gzip' })).status, 413);
    assert.equal((await app.request('/v1/logs', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status, 401);
    assert.equal((await post('/v1/logs', '{}', {}, agent)).status, 403);
    assert.equal((await app.request('/api/telemetry/events', { headers: { authorization: `Bearer ${ingest}` } })).status, 403);
    assert.equal((await app.request('/api/telemetry/series?groupBy=nope', { headers: { authorization: `Bearer ${agent}` } })).status, 400);
  });

  test('error: 429 with Retry-After when the writer is behind; accepted requests are all stored', async () => {
    const records = Array.from({ length: 8 }, (_, i) => ({ timeUnixNano: nanos(now - 5000), body: { stringValue: `burst ${i}` }, attributes: [kv('user.id', 'burst')] }));
    const payload = JSON.stringify(logs(records));
    const first = JSON.stringify(logs(Array.from({ length: 5000 }, () => records[0])));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post('/v1/logs', i === 0 ? first : payload)));
    assert.equal(answers[0]!.status, 200, 'a request larger than the queue is taken when the queue is empty');
    const ok = answers.slice(1).filter((r) => r.status === 200).length;
    const busy = answers.filter((r) => r.status === 429);
    assert.ok(busy.length >= 1, 'some requests are refused while the writer is busy');
    assert.ok(Number(busy[0]!.headers.get('retry-after')) >= 1);
    assert.equal(busy[0]!.headers.get('content-type'), 'application/problem+json');
    const q = await app.request('/api/telemetry/events?userId=burst&from=now-1h&limit=10000', { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(((await q.json()) as { items: unknown[] }).items.length, 5000 + ok * 8);
  });
});
