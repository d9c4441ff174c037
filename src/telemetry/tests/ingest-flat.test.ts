import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { mulberry32, type Rng } from '../../demo/telemetry/random.ts';
import type { DuckDbTelemetryStore } from '../duckdb/store.ts';
import { ingestFiles, openTelemetry, type TelemetryService } from '../index.ts';
import type { IngestReport } from '../pipeline.ts';
import type { FlatLoadResult, TelemetryStore } from '../store.ts';
import { tempDir } from '../../../test/tmp.ts';

// The store's own reader (DuckDB reading the file, ingest-flat.ts) must store exactly what the
// ordinary pipeline stores, line for line: same columns, attributes, redaction, rejections and counts.

const clock = manualClock('2026-11-27T12:00:00Z');
const seed = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const card = '4111 1111 1111 1111';
const hexKey = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** One line of the plan: the same keys and value types every time; sometimes a secret in a value. */
function baseEvent(i: number, rng: Rng): Record<string, unknown> {
  const user = Math.floor(rng() * 300);
  const status = pick(rng, [200, 200, 200, 404, 500, 502]);
  const secret = rng() < 0.02;
  return {
    timestamp: new Date(Date.UTC(2026, 10, 27, 8) + i * 1000 + Math.floor(rng() * 1000)).toISOString(),
    service: pick(rng, ['wallet-api', 'gateway', 'swap']),
    level: pick(rng, ['info', 'INFO', 'Warning', 'error', 'notice', 'fatal']),
    route: pick(rng, ['/v1/swap', '/v1/tx/send', '/v1/balance']),
    status,
    durationMs: pick(rng, [12, 361.4, 0.5, 1250.25, 7]),
    chain: pick(rng, ['bsc', 'ethereum', 'tron', 'solana']),
    appVersion: pick(rng, ['9.2.0', '9.2.1']),
    userId: `u${user}`,
    traceId: rng() < 0.9 ? (i.toString(16).padStart(16, '0') + user.toString(16).padStart(16, '0')) : `not-hex-${i}`,
    txHash: rng() < 0.5 ? `0x${hexKey}` : `tx-${i}`,
    rpcProvider: secret ? 'https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef' : pick(rng, ['ankr', 'quicknode', 'self']),
    message: secret ? `my seed is ${seed} please help` : pick(rng, ['handled', 'swap quote failed', 'ünïcödé läuft', 'tab\there', 'quote "x"', 'back\\slash']),
    retries: Math.floor(rng() * 4),
    cached: rng() < 0.5,
    'http.request.method': pick(rng, ['GET', 'POST']),
    note: secret ? `card ${card} exp 12/28` : pick(rng, ['', 'fine', `key ${hexKey}`, 'x'.repeat(40)]),
  };
}

/** Lines that leave the plan, written as raw text where JSON.stringify could not produce them. */
const deviations: ((e: Record<string, unknown>, rng: Rng) => string)[] = [
  (e) => JSON.stringify({ ...e, extra: 'added key' }),
  (e) => JSON.stringify({ ...e, route: undefined }),
  (e) => JSON.stringify({ chain: e.chain, ...e }),
  (e) => JSON.stringify({ ...e, chain: null }),
  (e) => JSON.stringify({ ...e, status: '200' }),
  (e) => JSON.stringify({ ...e, status: 10000 }),
  (e) => JSON.stringify({ ...e, status: 99.5 }),
  (e) => JSON.stringify({ ...e, durationMs: -3 }),
  (e) => JSON.stringify(e).replace(/"durationMs":[^,]+/, '"durationMs":1e3'),
  (e) => JSON.stringify(e).replace(/"durationMs":[^,]+/, '"durationMs":1.50'),
  (e) => JSON.stringify(e).replace(/"durationMs":[^,]+/, '"durationMs":0.001'),
  (e) => JSON.stringify(e).replace(/"durationMs":[^,]+/, '"durationMs":1e-3'),
  (e) => JSON.stringify(e).replace(/"retries":[^,]+/, '"retries":12345678901234567890'),
  (e) => JSON.stringify(e).replace(/"retries":[^,]+/, '"retries":-0'),
  (e) => JSON.stringify({ ...e, timestamp: Date.parse(e.timestamp as string) }),
  (e) => JSON.stringify({ ...e, timestamp: '2027-11-27T12:00:00Z' }),
  (e) => JSON.stringify({ ...e, timestamp: '1999-01-01T00:00:00Z' }),
  (e) => JSON.stringify({ ...e, timestamp: '2026-02-30T10:00:00Z' }),
  (e) => JSON.stringify({ ...e, timestamp: '2026-11-27T10:00:00+02:00' }),
  (e) => JSON.stringify({ ...e, timestamp: '2026-11-27T24:00:00Z' }),
  (e) => JSON.stringify({ ...e, level: 'bogus' }),
  (e) => JSON.stringify({ ...e, level: ' info ' }),
  (e) => JSON.stringify({ ...e, message: 'x'.repeat(40_000) }),
  (e) => JSON.stringify({ ...e, note: 'y'.repeat(5000) }),
  (e) => JSON.stringify({ ...e, chain: 56 }),
  (e) => JSON.stringify({ ...e, cached: 'yes' }),
  (e) => JSON.stringify({ ...e, message: { nested: true } }),
  (e) => JSON.stringify(e).replace('"route":"', '"route":"\\u002f'),
  (e) => JSON.stringify(e).replace(/"message":"[^"]*"/, `"message":"\\ud83d\\ude00 ${seed}"`),
  (e) => JSON.stringify(e).replace(/"message":"[^"]*"/, '"message":"lone \\ud800 surrogate"'),
  (e) => JSON.stringify(e).replace('{', '{"service":"dup",'),
  (e) => JSON.stringify(e).replace('{"timestamp"', '{ "timestamp"'),
  (e) => JSON.stringify(e).slice(0, 40),
  () => '',
  () => '   ',
  () => '[1, 2, 3]',
  () => '"just a string"',
  (e) => JSON.stringify(e) + ' trailing',
  // Literals DuckDB's JSON reader accepts and JSON.parse does not.
  (e) => JSON.stringify(e).replace(/"durationMs":[^,]+/, '"durationMs":NaN'),
  (e) => JSON.stringify(e).replace(/"retries":[^,]+/, '"retries":Infinity'),
  (e) => JSON.stringify(e).replace(/"retries":[^,]+/, '"retries":-Infinity'),
  (e) => JSON.stringify(e).replace(/"status":[^,]+/, '"status":nan'),
  (e) => JSON.stringify(e).replace('}', ',}'),
  // Whitespace around a line (JSON.parse ignores it), and two objects on one line.
  (e) => `  ${JSON.stringify(e)} `,
  (e) => `\t${JSON.stringify(e)}\t`,
  (e) => JSON.stringify(e) + JSON.stringify(e),
  (e) => `${JSON.stringify(e)} ${JSON.stringify(e)}`,
];

function writeFile(path: string, n: number, rngSeed: number, style: 'compact' | 'spaced', deviationRate: number): void {
  const rng = mulberry32(rngSeed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = baseEvent(i, rng);
    if (i > 20 && rng() < deviationRate) out.push(pick(rng, deviations)(e, rng));
    else out.push(style === 'compact' ? JSON.stringify(e) : `{${Object.entries(e).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`);
  }
  writeFileSync(path, out.join('\n') + (rng() < 0.5 ? '\n' : ''));
}

/** The store, with the outcome of each of its own reads recorded. */
function spied(store: TelemetryStore): { store: TelemetryStore; results: FlatLoadResult[] } {
  const results: FlatLoadResult[] = [];
  const wrapped = Object.create(store) as TelemetryStore;
  wrapped.loadFlatJsonLines = async (path, plan, hooks) => {
    const r = await store.loadFlatJsonLines!(path, plan, hooks);
    results.push(r);
    return r;
  };
  return { store: wrapped, results };
}

async function rowsOf(t: TelemetryService): Promise<unknown[]> {
  const rows = await (t.store as DuckDbTelemetryStore).read({ sql: `SELECT * EXCLUDE (attrs), attrs FROM events ORDER BY ALL`, params: [] });
  return rows.map((r) => ({ ...r, ts: String(r.ts), attrs: JSON.parse(String(r.attrs)) }));
}

const sorted = (r: IngestReport) => ({ ...r, seconds: 0, rejections: [...r.rejections].sort((a, b) => a.line - b.line) });

describe('telemetry ingest: the store reads flat JSON lines itself', () => {
  const tmp = tempDir('opsdesk-flat-');
  let ordinary: TelemetryService;
  let flat: TelemetryService;
  before(async () => {
    ordinary = await openTelemetry(Config.parse({ dataDir: join(tmp.dir, 'ordinary') }), clock);
    flat = await openTelemetry(Config.parse({ dataDir: join(tmp.dir, 'flat') }), clock);
  });
  after(async () => {
    await ordinary.close();
    await flat.close();
    tmp.remove();
  });

  /** Ingests `file` both ways and checks that the reports and the stored rows are the same. */
  async function both(file: string): Promise<{ results: FlatLoadResult[]; report: IngestReport }> {
    const before = await rowsOf(flat);
    const a = await ingestFiles(ordinary.store, [file], { limits: ordinary.limits, scrub: ordinary.scrub, clock, flatMinBytes: Infinity, threads: 1 });
    const spy = spied(flat.store);
    const b = await ingestFiles(spy.store, [file], { limits: flat.limits, scrub: flat.scrub, clock, flatMinBytes: 0, threads: 1 });
    assert.deepEqual(sorted(b), sorted(a));
    const rowsA = await rowsOf(ordinary);
    const rowsB = await rowsOf(flat);
    assert.equal(rowsB.length, before.length + a.ingested);
    assert.deepEqual(rowsB, rowsA);
    return { results: spy.results, report: b };
  }

  test('compact lines with every kind of deviation: same events, rejections and counts as the ordinary path', async () => {
    const file = join(tmp.dir, 'compact.jsonl');
    writeFile(file, 3000, 7, 'compact', 0.12);
    const { results, report } = await both(file);
    assert.equal(results.length, 1);
    const r = results[0]!;
    assert.ok('loaded' in r, JSON.stringify(r));
    // Lines whose strings need escapes (tab, quote, backslash in the messages) go through the pipeline too.
    assert.ok(r.loaded > 1000, `the store read ${r.loaded} lines itself`);
    assert.ok(r.others.length > 100, 'deviating lines went through the pipeline');
    assert.ok(report.rejected > 0 && report.adjustments.clampedTime > 0 && report.adjustments.truncated > 0);
  });

  test('lines spaced like Python json.dumps take the same path', async () => {
    const file = join(tmp.dir, 'spaced.jsonl');
    writeFile(file, 1500, 11, 'spaced', 0.05);
    const { results } = await both(file);
    assert.ok('loaded' in results[0]! && results[0].loaded > 500, JSON.stringify(results[0]).slice(0, 200));
  });

  test('secrets in values are redacted before anything reaches the store or its files', async () => {
    const rows = JSON.stringify(await rowsOf(flat));
    for (const secret of [seed, card, '0123456789abcdef0123456789abcdef']) assert.ok(!rows.includes(secret), `stored rows hold ${secret.slice(0, 20)}…`);
    assert.ok(rows.includes('[REDACTED'), 'redaction markers are stored');
    await flat.close();
    const bytes = Buffer.concat([readFileSync(join(tmp.dir, 'flat', 'telemetry.duckdb'))]);
    assert.equal(bytes.indexOf(seed), -1, 'the seed phrase is not in the database file');
    flat = await openTelemetry(Config.parse({ dataDir: join(tmp.dir, 'flat') }), clock);
  });

  test('CR LF files take the same path; a byte order mark or invalid UTF-8 goes the ordinary way; mostly other shapes give the same result', async () => {
    const crlf = join(tmp.dir, 'crlf.jsonl');
    writeFile(crlf, 200, 3, 'compact', 0);
    // With blank and whitespace-only lines among them, which both paths skip or count alike.
    const withBlanks = readFileSync(crlf, 'utf8').split('\n').flatMap((line, i) => (i % 37 === 5 ? [line, ''] : i % 53 === 7 ? [line, '  '] : [line]));
    writeFileSync(crlf, withBlanks.join('\n').replaceAll('\n', '\r\n'));
    const bad = join(tmp.dir, 'bad-utf8.jsonl');
    writeFile(bad, 200, 4, 'compact', 0);
    writeFileSync(bad, Buffer.concat([readFileSync(bad), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a])]));
    const mixed = join(tmp.dir, 'mixed.jsonl');
    writeFile(mixed, 400, 5, 'compact', 0.9);
    const windows = await both(crlf);
    assert.ok(windows.results.length === 1 && 'loaded' in windows.results[0]! && windows.results[0].loaded > 50, JSON.stringify(windows.results).slice(0, 200));
    const bom = join(tmp.dir, 'bom.jsonl');
    writeFile(bom, 200, 6, 'compact', 0.05);
    writeFileSync(bom, '\uFEFF' + readFileSync(bom, 'utf8'));
    // DuckDB's JSON-lines reader sometimes takes the first line after a byte order mark for invalid
    // JSON where its CSV reader does not: such files go the ordinary way from the start.
    const marked = await both(bom);
    assert.deepEqual(marked.results, []);
    const { results } = await both(bad);
    assert.ok(results.length > 0 && results.every((r) => 'abandoned' in r), `${bad}: ${JSON.stringify(results).slice(0, 200)}`);
    await both(mixed);
  });
});
