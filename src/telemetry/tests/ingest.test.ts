import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { openTelemetry, type TelemetryService } from '../index.ts';
import { tempDir } from '../../../test/tmp.ts';

const seed = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const hexKey = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const xprv = 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi';
const clock = manualClock('2026-11-27T12:00:00Z');

async function open(dir: string, overrides: Record<string, unknown> = {}): Promise<TelemetryService> {
  return openTelemetry(Config.parse({ dataDir: dir, telemetry: overrides }), clock);
}

const lines = (...rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const pick = (r: { ingested: number; rejected: number }) => [r.ingested, r.rejected];
const day = { from: new Date('2026-11-27T00:00:00Z'), to: new Date('2026-11-28T00:00:00Z') };

describe('telemetry ingest (files)', () => {
  const tmp = tempDir('opsdesk-tel-');
  let t: TelemetryService;
  before(async () => {
    t = await open(tmp.dir);
  });
  after(async () => {
    await t.close();
    tmp.remove();
  });

  test('ingests flat events, OTLP/JSON, Kibana, Datadog and Loki exports into columns', async () => {
    const file = join(tmp.dir, 'mixed.jsonl');
    writeFileSync(
      file,
      lines(
        { timestamp: '2026-11-27T10:00:00Z', service: 'wallet-api', level: 'error', route: '/v1/swap', status: 502, durationMs: 812.5, chain: 'bsc', appVersion: '9.2.1', platform: 'ios', country: 'BR', rpcProvider: 'ankr', userId: 'u-flat', message: 'swap quote failed' },
        {
          resourceLogs: [{
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'wallet-app' } }, { key: 'app.version', value: { stringValue: '9.1.0' } }] },
            scopeLogs: [{ logRecords: [{ timeUnixNano: '1795766400000000000', severityNumber: 17, body: { stringValue: 'broadcast failed' }, traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174', attributes: [{ key: 'user.id', value: { stringValue: 'u-otlp' } }, { key: 'wallet.chain.id', value: { stringValue: 'ethereum' } }, { key: 'retries', value: { intValue: '3' } }] }] }],
          }],
        },
        { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gateway' } }] }, scopeSpans: [{ spans: [{ traceId: 'W47/95gDgQPSabYzgT/GDA==', spanId: '7uGbfsPBsXQ=', name: 'POST /v1/tx/send', kind: 2, startTimeUnixNano: '1795766400000000000', endTimeUnixNano: '1795766400250000000', status: { code: 2 }, attributes: [{ key: 'http.route', value: { stringValue: '/v1/tx/send' } }, { key: 'http.response.status_code', value: { intValue: 503 } }] }] }] }] },
        { _index: 'logs-2026.11.27', _id: 'x1', _source: { '@timestamp': '2026-11-27T10:05:00Z', message: 'kibana row', log: { level: 'warn' }, user: { id: 'u-kibana' }, http: { response: { status_code: 429 } }, event: { duration: 5_000_000 } } },
        { id: 'AQAAAY', type: 'log', attributes: { timestamp: '2026-11-27T10:06:00Z', status: 'error', service: 'wallet-api', message: 'datadog row', tags: ['env:prod', 'chain:tron'], attributes: { usr: { id: 'u-dd' }, http: { status_code: 500, url_details: { path: '/v1/balance' } }, duration: 2_000_000 } } },
        { labels: { app: 'wallet-api', level: 'info' }, line: '{"msg":"loki row","userId":"u-loki","route":"/v1/price"}', timestamp: '2026-11-27T10:07:00Z' },
        { timeUnixNano: '1795766500000000000', severityText: 'WARN', body: { stringValue: 'single otlp record' }, attributes: [{ key: 'device.id', value: { stringValue: 'd-1' } }] },
        { name: 'wallet.rpc.block_height', gauge: { dataPoints: [{ timeUnixNano: '1795766400000000000', asInt: '21000000', attributes: [{ key: 'wallet.rpc.node', value: { stringValue: 'node-a' } }] }] } },
      ),
    );
    const report = await t.ingestFiles([file]);
    assert.equal(report.rejected, 0, JSON.stringify(report.rejections));
    assert.equal(report.ingested, 8);

    const flat = await t.events({ ...day, userId: 'u-flat', limit: 10, order: 'desc' });
    assert.equal(flat.length, 1);
    assert.deepEqual(
      { route: flat[0]!.route, statusCode: flat[0]!.statusCode, durationMs: flat[0]!.durationMs, chain: flat[0]!.chain, appVersion: flat[0]!.appVersion, platform: flat[0]!.platform, country: flat[0]!.country, rpcProvider: flat[0]!.rpcProvider, isError: flat[0]!.isError, severity: flat[0]!.severity },
      { route: '/v1/swap', statusCode: 502, durationMs: 812.5, chain: 'bsc', appVersion: '9.2.1', platform: 'ios', country: 'BR', rpcProvider: 'ankr', isError: true, severity: 'error' },
    );
    const otlp = await t.events({ ...day, userId: 'u-otlp', limit: 10, order: 'desc' });
    assert.equal(otlp[0]!.traceId, '5b8efff798038103d269b633813fc60c');
    assert.equal(otlp[0]!.service, 'wallet-app');
    assert.equal(otlp[0]!.severity, 'error');
    assert.equal(otlp[0]!.attrs.retries, 3);
    const span = await t.events({ ...day, traceId: '5b8efff798038103d269b633813fc60c', kind: 'span', limit: 10, order: 'desc' });
    assert.equal(span.length, 1, 'base64 ids are converted to the same hex');
    assert.equal(span[0]!.durationMs, 250);
    assert.equal(span[0]!.statusCode, 503);
    assert.equal(span[0]!.isError, true);
    const kibana = await t.events({ ...day, userId: 'u-kibana', limit: 1, order: 'desc' });
    assert.deepEqual([kibana[0]!.severity, kibana[0]!.statusCode, kibana[0]!.durationMs, kibana[0]!.body], ['warn', 429, 5, 'kibana row']);
    const dd = await t.events({ ...day, userId: 'u-dd', limit: 1, order: 'desc' });
    assert.deepEqual([dd[0]!.severity, dd[0]!.route, dd[0]!.chain, dd[0]!.durationMs, dd[0]!.service], ['error', '/v1/balance', 'tron', 2, 'wallet-api']);
    const loki = await t.events({ ...day, userId: 'u-loki', limit: 1, order: 'desc' });
    assert.deepEqual([loki[0]!.body, loki[0]!.route, loki[0]!.ts], ['loki row', '/v1/price', '2026-11-27T10:07:00.000Z']);
    const metric = await t.metric({ ...day, metric: 'wallet.rpc.block_height', bucketSec: 3600, agg: 'max', groupBy: ['wallet.rpc.node'], limit: 10 }, 'store');
    assert.deepEqual(metric, [{ bucket: '2026-11-27T08:00:00Z', group: { 'wallet.rpc.node': 'node-a' }, value: 21000000 }]);
  });

  test('behavior: a seed phrase or private key in a body or an attribute never reaches the DuckDB file', async () => {
    const dir = tempDir('opsdesk-tel-redact-');
    const s = await open(dir.dir);
    const file = join(dir.dir, 'secrets.jsonl');
    writeFileSync(
      file,
      lines(
        { timestamp: '2026-11-27T10:00:00Z', userId: 'u-secret', message: `user pasted: ${seed}`, 'feedback.text': `recovery words ${seed}`, private_key: hexKey, wallet: { export: xprv } },
        { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: '1795766400000000000', body: { stringValue: `my private key is ${hexKey}` }, attributes: [{ key: 'user.id', value: { stringValue: 'u-secret' } }, { key: 'form', value: { kvlistValue: { values: [{ key: 'note', value: { stringValue: seed } }] } } }] }] }] }] },
      ),
    );
    const report = await s.ingestFiles([file]);
    assert.equal(report.ingested, 2);
    const rows = await s.events({ ...day, userId: 'u-secret', limit: 10, order: 'asc' });
    const text = JSON.stringify(rows);
    assert.match(text, /REDACTED/);
    for (const secret of ['abandon abandon', hexKey, xprv]) assert.ok(!text.includes(secret), `query result leaks ${secret.slice(0, 12)}`);
    await s.close();
    for (const name of readdirSync(dir.dir).filter((n) => n.startsWith('telemetry.duckdb'))) {
      const bytes = readFileSync(join(dir.dir, name)).toString('latin1');
      for (const secret of ['abandon abandon abandon', hexKey, xprv]) assert.ok(!bytes.includes(secret), `${name} contains ${secret.slice(0, 12)}`);
    }
    dir.remove();
  });

  test('behavior: bad rows are rejected or clamped per row with a counted reason, never taking the batch down', async () => {
    const file = join(tmp.dir, 'bad.jsonl');
    const many: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) many[`a${i}`] = `v${i}`;
    const good = (n: number) => ({ timestamp: '2026-11-27T11:00:00Z', userId: 'u-bad', n });
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          lines(
            good(1),
            '{"timestamp": "2026-11-27T11:00:00Z", "userId": ',
            { userId: 'u-bad', message: 'no time' },
            { timestamp: 'yesterday-ish', userId: 'u-bad' },
            { timestamp: '1970-01-02T00:00:00Z', userId: 'u-bad' },
            { timestamp: '2099-01-01T00:00:00Z', userId: 'u-bad', n: 'future' },
            { timestamp: '2026-11-27T11:00:00Z', userId: 'u-bad', n: 'huge', blob: 'x'.repeat(100_000) },
            { timestamp: '2026-11-27T11:00:00Z', userId: 'u-bad', n: 'wide', ...many },
            { timestamp: '2026-11-27T11:00:00Z', userId: 'u-bad', metric: 'm', value: 'not a number' },
            { resourceLogs: 'nope' },
            { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'zz', spanId: '1', startTimeUnixNano: '1795766400000000000' }, { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: 'ok', startTimeUnixNano: '1795766400000000000', attributes: [{ key: 'user.id', value: { stringValue: 'u-bad' } }] }] }] }] },
            '[1, 2]',
            '"a string"',
          ),
        ),
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]),
        Buffer.from(lines(good(2))),
      ]),
    );
    const report = await t.ingestFiles([file]);
    const reasons = new Map(report.rejections.map((r) => [r.line, r.reason]));
    assert.match(reasons.get(2)!, /not valid JSON/);
    assert.match(reasons.get(3)!, /no timestamp/);
    assert.match(reasons.get(4)!, /not ISO-8601/);
    assert.match(reasons.get(5)!, /before 2000/);
    assert.match(reasons.get(9)!, /numeric value/);
    assert.match(reasons.get(10)!, /resourceLogs must be an array/);
    assert.match(reasons.get(11)!, /traceId/);
    assert.match(reasons.get(12)!, /not a JSON object/);
    assert.match(reasons.get(13)!, /not a JSON object/);
    assert.match(reasons.get(14)!, /UTF-8/);
    assert.equal(report.ingested, 6);
    assert.equal(report.rejected, 11);
    assert.equal(report.adjustments.clampedTime, 1);
    assert.ok(report.adjustments.truncated >= 1);
    assert.ok(report.adjustments.droppedAttributes >= 10_000 - 128);
    const rows = await t.events({ ...day, userId: 'u-bad', limit: 100, order: 'asc' });
    assert.equal(rows.length, 6);
    const future = rows.find((r) => r.attrs.n === 'future')!;
    assert.equal(future.ts, '2026-11-27T12:00:00.000Z', 'clamped to the ingest time');
    const huge = rows.find((r) => r.attrs.n === 'huge')!;
    assert.equal(String(huge.attrs.blob).length, 4096);
    const wide = rows.find((r) => r.attrs.n === 'wide')!;
    assert.equal(Object.keys(wide.attrs).length, 128);
  });

  test('behavior: a file that is one JSON document (a Kibana or Loki API answer) is read whole', async () => {
    const file = join(tmp.dir, 'loki.json');
    const doc = { status: 'success', data: { resultType: 'streams', result: [{ stream: { app: 'wallet-api', userId: 'u-doc' }, values: [['1795766400000000000', 'first'], ['1795766460000000000', 'second']] }] } };
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const report = await t.ingestFiles([file]);
    assert.equal(report.ingested, 2);
    const rows = await t.events({ ...day, userId: 'u-doc', limit: 10, order: 'asc' });
    assert.deepEqual(rows.map((r) => r.body), ['first', 'second']);
  });

  test('behavior: a UTF-8 byte order mark (Windows tools write one) does not cost the first line or the document', async () => {
    const file = join(tmp.dir, 'bom.jsonl');
    writeFileSync(file, '\uFEFF' + lines({ timestamp: '2026-11-27T09:00:00Z', userId: 'u-bom', message: 'first' }, { timestamp: '2026-11-27T09:00:01Z', userId: 'u-bom', message: 'second' }));
    const report = await t.ingestFiles([file]);
    assert.deepEqual([report.ingested, report.rejected], [2, 0]);
    const doc = join(tmp.dir, 'bom.json');
    writeFileSync(doc, '\uFEFF' + JSON.stringify({ hits: { hits: [{ _source: { '@timestamp': '2026-11-27T09:00:02Z', userId: 'u-bom', message: 'third' } }] } }, null, 2));
    assert.deepEqual([(await t.ingestFiles([doc])).ingested, (await t.events({ ...day, userId: 'u-bom', limit: 10, order: 'asc' })).map((r) => r.body)], [1, ['first', 'second', 'third']]);
  });

  test('behavior: gzipped files (Datadog log archives) are read like plain ones; a truncated one keeps the lines before the damage and says where', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ timestamp: new Date(Date.parse('2026-11-27T10:00:00Z') + i * 1000).toISOString(), userId: 'u-gz', route: '/v1/gz', message: `line ${i + 1}` }));
    const file = join(tmp.dir, 'archive.json.gz');
    writeFileSync(file, gzipSync(lines(...rows)));
    assert.deepEqual(pick(await t.ingestFiles([file])), [3000, 0]);
    const doc = join(tmp.dir, 'kibana.json.gz');
    writeFileSync(doc, gzipSync(JSON.stringify({ hits: { hits: [{ _source: { '@timestamp': '2026-11-27T11:00:00Z', userId: 'u-gz-doc', message: 'from a gzipped document' } }] } }, null, 2)));
    assert.deepEqual(pick(await t.ingestFiles([doc])), [1, 0]);
    // Cut the compressed stream short: what decompressed before the cut is stored, the rest is one counted rejection.
    const whole = gzipSync(lines(...rows.map((r) => ({ ...r, userId: 'u-gz-cut' }))));
    const cut = join(tmp.dir, 'cut.json.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const report = await t.ingestFiles([cut]);
    assert.ok(report.ingested > 100 && report.ingested < 3000, String(report.ingested));
    assert.equal(report.rejected, 1);
    assert.match(report.rejections[0]!.reason, /gzip data is corrupt or ends early/);
    assert.equal(report.rejections[0]!.line, report.ingested + 1);
    const stored = await t.events({ ...day, userId: 'u-gz-cut', limit: 5000, order: 'asc' });
    assert.deepEqual(stored.map((e) => e.body), rows.slice(0, report.ingested).map((r) => r.message));
  });

  test('error: a missing file is a validation error naming the path', async () => {
    await assert.rejects(t.ingestFiles([join(tmp.dir, 'nope.jsonl')]), (err: Error) => err.name === 'TelemetryFileError' && /nope\.jsonl/.test(err.message));
  });
});
