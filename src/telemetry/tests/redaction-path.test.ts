import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Config, manualClock } from '../../core/index.ts';
import { scrubText } from '../../redaction/index.ts';
import { ingestFiles, openTelemetry } from '../index.ts';
import { scrubPairWith } from '../normalize/build.ts';
import { tempDir } from '../../../test/tmp.ts';
import { createRng, secretSample } from '../../../bench/redaction-corpus-gen.ts';

const clock = manualClock('2026-11-27T12:00:00Z');
const start = Date.parse('2026-11-27T10:00:00Z');

// Every secret of the redaction corpus, placed in a message, a column and a free attribute, must come
// out of the store redacted: on this thread, on worker threads, and when the store reads the file itself.
const paths = [
  { name: 'this thread', threads: 1, flatMinBytes: Infinity },
  { name: 'worker threads', threads: 2, flatMinBytes: Infinity },
  { name: 'the store reads the file', threads: 1, flatMinBytes: 0 },
];
for (const { name, threads, flatMinBytes } of paths) {
  test(`behavior: every secret kind of the redaction corpus is redacted on the way into the store (${name})`, async () => {
    const tmp = tempDir('opsdesk-tel-redact-');
    const t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), clock);
    try {
      const rng = createRng(777);
      const samples = Array.from({ length: 600 }, (_, i) => secretSample(rng, i));
      assert.deepEqual([...new Set(samples.map((s) => s.kind))].sort(), ['api_key', 'card_cvv', 'card_number', 'password', 'pin', 'private_key', 'seed_phrase'], 'the sample covers every kind');
      const file = join(tmp.dir, 'secrets.jsonl');
      writeFileSync(file, samples.map((s, i) => JSON.stringify({ timestamp: new Date(start + i).toISOString(), message: s.text, route: s.text, detail: s.text, seq: i })).join('\n') + '\n');
      let loadedByStore = 0;
      const store = Object.create(t.store) as typeof t.store;
      store.loadFlatJsonLines = async (...args) => {
        const r = await t.store.loadFlatJsonLines!(...args);
        if ('loaded' in r) loadedByStore += r.loaded;
        return r;
      };
      const report = await ingestFiles(store, [file], { limits: t.limits, scrub: t.scrub, clock, threads, parallelMinBytes: 0, chunkBytes: 16 * 1024, flatMinBytes });
      if (flatMinBytes === 0) assert.ok(loadedByStore > samples.length / 2, `the store read ${loadedByStore} lines itself`);
      assert.equal(report.ingested, samples.length, JSON.stringify(report.rejections.slice(0, 3)));
      const stored = await t.events({ from: new Date(start - 1000), to: new Date(start + 60_000), limit: 10_000, order: 'asc' });
      assert.equal(stored.length, samples.length);
      for (const e of stored) {
        const s = samples[e.attrs.seq as number]!;
        const secret = s.text.slice(s.start, s.end);
        for (const [field, value] of [['message', e.body], ['route', e.route], ['detail', e.attrs.detail]] as const) {
          assert.equal(typeof value, 'string');
          assert.ok(!(value as string).includes(secret), `${s.kind} (${s.form}) survived in ${field}: ${value}`);
        }
        assert.equal(e.body, scrubText(s.text));
        assert.equal(e.route, scrubPairWith(scrubText, 'route', s.text));
        assert.equal(e.attrs.detail, scrubPairWith(scrubText, 'detail', s.text));
      }
    } finally {
      await t.close();
      tmp.remove();
    }
  });
}
