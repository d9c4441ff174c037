import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { addSource, runCommunityTick } from '../index.ts';
import { fixture, serveFeeds, testDeps, type Feeds } from './harness.ts';

for (const engine of engines) {
  describe(`community background [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let feeds: Feeds;
    before(async () => {
      ({ store, cleanup } = await engine.open());
      feeds = await serveFeeds((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('rss.xml')));
    });
    after(async () => {
      await feeds.close();
      await cleanup();
    });

    test('a tick polls the due sources once, whichever replica takes the slot', async () => {
      const a = await testDeps(store);
      const b = await testDeps(store);
      b.clock.set(a.clock.now());
      await addSource(a, { kind: 'rss', name: 'blog', url: `${feeds.url}/feed.xml`, pollIntervalSec: 300 });
      const [one, two] = await Promise.all([runCommunityTick(a, 'replica-a', 60_000), runCommunityTick(b, 'replica-b', 60_000)]);
      assert.equal([one, two].filter((o) => o.ran).length, 1, 'exactly one replica runs the slot');
      const ran = one.ran ? one : two;
      assert.equal(ran.polls.length, 1);
      assert.equal(ran.polls[0]!.status, 'ok');
      assert.equal(ran.polls[0]!.inserted, 2);
      assert.ok(ran.bursts);
      assert.equal(feeds.log.length, 1, 'the feed was fetched once');
    });

    test('behavior: the next slot runs again, and a source that is not due is left alone', async () => {
      const a = await testDeps(store);
      a.clock.set('2026-11-27T09:01:30Z');
      const next = await runCommunityTick(a, 'replica-a', 60_000);
      assert.equal(next.ran, true);
      assert.equal(next.polls.length, 0, 'polled 90 s ago with a 300 s interval');
      const again = await runCommunityTick(a, 'replica-b', 60_000);
      assert.equal(again.ran, false, 'the same slot is not run twice');
    });
  });
}
