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
// out of the store redacted, on this thread and on worker threads alike.
for (const threads of [1, 2]) {
  test(`behavior: every secret kind of the redaction corpus is redacted on the way into the store (${threads === 1 ? 'this thread' : 'worker threads'})`, async () => {
    const tmp = tempDir('opsdesk-tel-redact-');
    const t = await openTelemetry(Config.parse({ dataDir: tmp.dir }), clock);
    try {
      const rng = createRng(777);
      const samples = Array.from({ length: 600 }, (_, i) => secretSample(rng, i));
      assert.deepEqual([...new Set(samples.map((s) => s.kind))].sort(), ['api_key', 'card_cvv', 'card_number', 'password', 'pin', 'private_key', 'seed_phrase'], 'the sample covers every kind');
      const file = join(tmp.dir, 'secrets.jsonl');
      writeFileSync(file, samples.map((s, i) => JSON.stringify({ timestamp: new Date(start + i).toISOString(), message: s.text, route: s.text, detail: s.text, seq: i })).join('\n') + '\n');
      const report = await ingestFiles(t.store, [file], { limits: t.limits, scrub: t.scrub, clock, threads, parallelMinBytes: 0, chunkBytes: 16 * 1024 });
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
