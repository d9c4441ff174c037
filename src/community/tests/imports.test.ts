import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { addSource, CommunityPayloadInvalidError, ingestPosts, parsePayload, type SourceKind } from '../index.ts';
import { fixture, testDeps } from './harness.ts';

for (const engine of engines) {
  describe(`community imports [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    const cases: Array<[SourceKind, string, number, number]> = [
      ['telegram-export', 'telegram-export.json', 2, 1],
      ['discord-export', 'discord-export.json', 2, 1],
      ['play-store', 'play-store.csv', 2, 1],
      ['app-store', 'app-store.json', 2, 1],
    ];
    test('imports each export format, rejecting malformed entries, and never twice', async () => {
      const deps = await testDeps(store);
      for (const [kind, file, inserted, rejected] of cases) {
        const src = await addSource(deps, { kind, name: `imp-${kind}` });
        const r = await ingestPosts(deps, src, parsePayload(kind, fixture(file)));
        assert.deepEqual([r.inserted, r.rejected], [inserted, rejected], kind);
        const again = await ingestPosts(deps, src, parsePayload(kind, fixture(file)));
        assert.deepEqual([again.inserted, again.duplicates], [0, inserted], kind);
      }
      const crash = await store.db.selectFrom('community_messages').select(['app_version', 'topics', 'language', 'language_confidence']).where('external_id', '=', '1700000001:2').executeTakeFirstOrThrow();
      assert.equal(crash.app_version, '7.2.1');
      assert.ok(JSON.parse(crash.topics).includes('app:7.2.1+crash'));
      assert.equal(crash.language, 'pt');
      assert.ok(Number(crash.language_confidence) >= 0.5, `confidence ${crash.language_confidence}`);
      const phishing = await store.db.selectFrom('community_scams').select(['kind', 'evidence']).where('kind', '=', 'phishing_link').execute();
      assert.ok(phishing.some((p) => p.evidence.startsWith('opsdeskwal1et.com/claim')));
    });

    test('behavior: webhook text is redacted and the author hashed before storage', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'webhook', name: 'hook' });
      const body = JSON.stringify({ messages: [{ id: 'w1', author: { id: 'u-42', name: 'Zoe' }, text: 'my phrase is abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about, swap failed', postedAt: '2026-11-27T08:00:00Z' }, { id: 'w2', text: 'no author', postedAt: '2026-11-27T08:00:00Z' }] });
      const r = await ingestPosts(deps, src, parsePayload('webhook', body));
      assert.deepEqual([r.inserted, r.rejected], [1, 1]);
      const row = await store.db.selectFrom('community_messages').selectAll().where('source_id', '=', src.id).executeTakeFirstOrThrow();
      assert.match(row.text, /\[REDACTED:seed_phrase\]/);
      assert.doesNotMatch(row.text, /abandon/);
      assert.notEqual(row.author_hash, 'u-42');
      assert.equal(row.author_hash.length, 22);
    });

    test('error: a payload that is not the format is refused as a whole', () => {
      assert.throws(() => parsePayload('discord-export', '{"not":"an export"}'), CommunityPayloadInvalidError);
      assert.throws(() => parsePayload('telegram-export', '{oops'), CommunityPayloadInvalidError);
      assert.throws(() => parsePayload('rss', '<html><body>hi</body></html>'), CommunityPayloadInvalidError);
    });
  });
}
