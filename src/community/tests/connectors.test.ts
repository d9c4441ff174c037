import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { addSource, pollSource } from '../index.ts';
import { fixture, serveFeeds, testDeps, type Feeds } from './harness.ts';

const json = (res: ServerResponse, body: string, headers: Record<string, string> = {}) => res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(body);

for (const engine of engines) {
  describe(`community connectors [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let feeds: Feeds;
    let redditLimited = true;
    before(async () => {
      ({ store, cleanup } = await engine.open());
      feeds = await serveFeeds((req, res, path) => {
        if (path === '/feed.xml') {
          if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
          return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Fri, 27 Nov 2026 08:30:00 GMT' }).end(fixture('rss.xml'));
        }
        if (path === '/atom.xml') return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('atom.xml'));
        if (path === '/forum/latest.json') {
          if (req.headers['if-none-match'] === 'W/"forum-1"') return void res.writeHead(304).end();
          return json(res, fixture('discourse-latest.json'), { etag: 'W/"forum-1"' });
        }
        if (path === '/forum/latest.json?no_definitions=true&page=1') return json(res, fixture('discourse-latest-page1.json'));
        if (path === '/forum/t/101.json') return json(res, fixture('discourse-topic-101.json'));
        if (path === '/forum/t/101/posts.json?post_ids[]=9004') return json(res, fixture('discourse-posts-101.json'));
        if (path === '/forum/t/102.json') return json(res, fixture('discourse-topic-102.json'));
        if (path === '/forum/t/103.json') return json(res, JSON.stringify({ id: 103, title: 'Old topic', post_stream: { posts: [{ id: 9201, username: 'old', user_id: 14, created_at: '2026-11-20T06:00:00.000Z', cooked: '<p>old news</p>', post_number: 1, topic_id: 103 }], stream: [9201] } }));
        if (path.startsWith('/reddit/r/walletsupport/new.json')) {
          if (redditLimited) {
            redditLimited = false;
            return void res.writeHead(429, { 'retry-after': '120' }).end('Too Many Requests');
          }
          return json(res, fixture(path.includes('after=t3_r3') ? 'reddit-new-2.json' : 'reddit-new-1.json'));
        }
        if (path.startsWith('/tg/bot123:secret-token/getUpdates')) return json(res, path.includes('offset=504') ? '{"ok":true,"result":[]}' : fixture('telegram-updates.json'));
        res.writeHead(404).end('not found');
      });
    });
    after(async () => {
      await feeds.close();
      await cleanup();
    });

    test('polls an RSS feed, rejects the malformed entry, then gets 304 with its ETag', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'rss', name: 'blog', url: `${feeds.url}/feed.xml` });
      const first = await pollSource(deps, src.id);
      assert.equal(first.status, 'ok');
      assert.deepEqual([first.inserted, first.rejected, first.duplicates], [2, 1, 0]);
      assert.match(first.rejections[0]!.reason, /date/);
      deps.clock.advance(600_000);
      const second = await pollSource(deps, 'blog');
      assert.equal(second.status, 'not-modified');
      assert.equal(feeds.log.filter((l) => l.path === '/feed.xml').at(-1)?.ifNoneMatch, '"v1"');
      assert.equal(feeds.log.filter((l) => l.path === '/feed.xml').at(-1)?.ifModifiedSince, 'Fri, 27 Nov 2026 08:30:00 GMT');
      const rows = await store.db.selectFrom('community_messages').selectAll().where('source_id', '=', src.id).orderBy('posted_at').execute();
      assert.deepEqual(JSON.parse(rows[0]!.chains), ['solana']);
      assert.ok(JSON.parse(rows[0]!.topics).includes('solana+swap+failed'));
      assert.notEqual(rows[0]!.author_hash, 'maria_g');
      assert.ok(rows[0]!.sentiment < 0 && rows[1]!.sentiment > 0);
    });

    test('behavior: an Atom feed is read like RSS', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'rss', name: 'atom', url: `${feeds.url}/atom.xml` });
      const r = await pollSource(deps, src.id);
      assert.deepEqual([r.inserted, r.rejected], [1, 1]);
    });

    test('behavior: discourse follows latest pages and missing posts, keeps its cursor and flags the scam post', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'discourse', name: 'forum', url: `${feeds.url}/forum`, settings: { maxPages: 2 } });
      const r = await pollSource(deps, src.id);
      assert.equal(r.status, 'ok');
      assert.deepEqual([r.inserted, r.rejected], [5, 2]);
      assert.ok(feeds.log.some((l) => l.path === '/forum/t/101/posts.json?post_ids[]=9004'));
      const kinds = (await store.db.selectFrom('community_scams').select('kind').where('source_id', '=', src.id).execute()).map((x) => x.kind).sort();
      assert.deepEqual(kinds, ['impersonation', 'phishing_link', 'support_dm_offer', 'wallet_lure']);
      const saved = await store.db.selectFrom('community_sources').selectAll().where('id', '=', src.id).executeTakeFirstOrThrow();
      assert.equal(saved.cursor, '2026-11-27T08:40:00.000Z');
      assert.equal(saved.etag, 'W/"forum-1"');
      deps.clock.advance(600_000);
      const again = await pollSource(deps, src.id);
      assert.equal(again.status, 'not-modified');
      assert.equal(again.inserted, 0);
    });

    test('behavior: reddit waits out a 429 Retry-After, then pages with after and stops at its cursor', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'reddit', name: 'reddit', url: `${feeds.url}/reddit`, settings: { subreddit: 'walletsupport' }, pollIntervalSec: 60 });
      const limited = await pollSource(deps, src.id);
      assert.equal(limited.status, 'rate-limited');
      assert.equal(limited.nextPollAt, '2026-11-27T09:02:00.000Z');
      deps.clock.advance(120_000);
      const r = await pollSource(deps, src.id);
      assert.deepEqual([r.status, r.inserted, r.rejected, r.requests], ['ok', 2, 1, 2]);
      const before = feeds.log.length;
      const again = await pollSource(deps, src.id);
      assert.deepEqual([again.inserted, again.requests, feeds.log.length - before], [0, 1, 1]);
    });

    test('behavior: telegram getUpdates moves its offset past what it read and hides the token', async () => {
      const deps = await testDeps(store, '2026-11-27T09:00:00Z', { TEST_TG_TOKEN: '123:secret-token' });
      const src = await addSource(deps, { kind: 'telegram-bot', name: 'tg', url: `${feeds.url}/tg`, settings: { botTokenEnv: 'TEST_TG_TOKEN', maxPages: 3 } });
      const r = await pollSource(deps, src.id);
      assert.deepEqual([r.inserted, r.rejected], [2, 1]);
      assert.ok(feeds.log.some((l) => l.path.includes('offset=504')));
      const saved = await store.db.selectFrom('community_sources').select(['cursor', 'settings']).where('id', '=', src.id).executeTakeFirstOrThrow();
      assert.equal(saved.cursor, '504');
      assert.doesNotMatch(saved.settings, /secret-token/);
      const scams = (await store.db.selectFrom('community_scams').select('kind').where('source_id', '=', src.id).execute()).map((x) => x.kind).sort();
      assert.deepEqual(scams, ['impersonation', 'support_dm_offer', 'wallet_lure']);
    });

    test('error: an unreachable feed is reported and backs off exponentially', async () => {
      const deps = await testDeps(store);
      const src = await addSource(deps, { kind: 'rss', name: 'down', url: 'http://127.0.0.1:9/feed.xml', pollIntervalSec: 60 });
      const r = await pollSource(deps, src.id);
      assert.equal(r.status, 'failed');
      assert.equal(r.nextPollAt, '2026-11-27T09:02:00.000Z');
      const r2 = await pollSource(deps, src.id);
      assert.equal(r2.nextPollAt, '2026-11-27T09:04:00.000Z');
    });

    test('error: a 404 from a telegram Bot API does not leak the token', async () => {
      const deps = await testDeps(store, '2026-11-27T09:00:00Z', { TEST_TG_TOKEN2: '999:other-secret' });
      const src = await addSource(deps, { kind: 'telegram-bot', name: 'tg-missing', url: `${feeds.url}/nowhere`, settings: { botTokenEnv: 'TEST_TG_TOKEN2' } });
      const r = await pollSource(deps, src.id);
      assert.equal(r.status, 'failed');
      assert.doesNotMatch(r.error ?? '', /other-secret/);
    });
  });
}
