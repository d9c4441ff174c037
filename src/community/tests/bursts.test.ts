import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAlerts } from '../../monitor/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { addSource, communityReport, detectBursts, ingestPosts, listBursts, listScams, type RawPost } from '../index.ts';
import { testDeps } from './harness.ts';

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();

// A week of quiet background, then 12 people (and one very loud one) report failed solana swaps in 30 minutes.
function stream(now: string): RawPost[] {
  const posts: RawPost[] = [];
  let n = 0;
  for (let h = 6; h < 7 * 24; h += 6) posts.push({ externalId: `bg${n++}`, authorId: `bg-${h % 5}`, text: 'swap on solana failed once', postedAt: at(now, h * 60) });
  for (let h = 3; h < 7 * 24; h += 3) posts.push({ externalId: `bg${n++}`, authorId: `other-${h % 7}`, text: 'thanks, sending on tron works great', postedAt: at(now, h * 60) });
  for (let i = 0; i < 12; i++) posts.push({ externalId: `b${i}`, authorId: `user-${i}`, text: `Solana swap failed again, error ${i}`, postedAt: at(now, 25 - 2 * i) });
  for (let i = 0; i < 30; i++) posts.push({ externalId: `spam${i}`, authorId: 'loud', text: 'my bridge on polygon is stuck!!!', postedAt: at(now, 20 - (i % 20)) });
  return posts;
}

for (const engine of engines) {
  describe(`community bursts [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('finds the burst by distinct authors, links nothing, raises one early-warning alert', async () => {
      const now = '2026-11-27T09:00:00.000Z';
      const deps = await testDeps(store, now);
      const src = await addSource(deps, { kind: 'webhook', name: 'chat' });
      const r = await ingestPosts(deps, src, { posts: stream(now), rejected: [] });
      assert.equal(r.rejected, 0);
      const found = await detectBursts(deps);
      const topics = found.bursts.map((b) => b.topic);
      assert.ok(topics.includes('solana+swap+failed'), topics.join(', '));
      assert.ok(!topics.some((t) => t.includes('polygon') || t.includes('stuck')), 'one loud author is not a burst');
      assert.ok(!topics.includes('solana+failed') && !topics.includes('swap+failed'), 'broader topics fold into the specific one');
      const burst = found.bursts.find((b) => b.topic === 'solana+swap+failed')!;
      assert.equal(burst.authors, 12);
      assert.ok(burst.ratio >= 9, String(burst.ratio));
      assert.ok(burst.alertId);
      assert.equal(found.earlyWarnings, found.bursts.length);
      const alerts = await listAlerts(deps.monitor, { source: 'community' });
      assert.ok(alerts.items.some((a) => a.title.startsWith('Community burst: solana + swap + failed') && a.labels.topic === 'solana+swap+failed'));
      deps.clock.advance(5 * 60_000);
      const again = await detectBursts(deps);
      assert.equal(again.earlyWarnings, 0, 'an ongoing burst folds into its alert');
      assert.equal((await listBursts(deps, { topic: 'solana+swap+failed' })).length, 1);
    });

    test('behavior: a burst that matches a ticket cluster, tickets and an open alert links them and raises nothing', async () => {
      const now = '2026-11-28T09:00:00.000Z';
      const deps = await testDeps(store, now);
      const src = await addSource(deps, { kind: 'webhook', name: 'chat2' });
      const posts: RawPost[] = [];
      for (let i = 0; i < 8; i++) posts.push({ externalId: `t${i}`, authorId: `tron-${i}`, text: 'USDT send on tron stuck pending for hours', postedAt: at(now, 20 - i) });
      await ingestPosts(deps, src, { posts, rejected: [] });
      const ts = at(now, 10);
      await store.db.insertInto('tickets').values(ticketRow('tkt_1', ts)).execute();
      await store.db
        .insertInto('monitor_alerts')
        .values({ id: 'alr_tron', fingerprint: 'fp-tron', source: 'probe', title: 'RPC lag tron', summary: '', severity: 'page', series: null, labels: JSON.stringify({ chain: 'tron' }), status: 'firing', open_key: 'fp-tron', silenced_by: null, started_at: ts, last_seen_at: ts, acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null, created_at: ts, updated_at: ts })
        .execute();
      await store.db.insertInto('ticket_clusters').values({ id: 'tcl_tron', title: 'USDT on tron stuck', status: 'open', category: 'tx_stuck_pending', chains: JSON.stringify(['tron']), tokens: '["USDT"]', app_version: null, platform: null, merged_into: null, first_seen_at: ts, last_seen_at: ts, created_by: null, created_at: ts, updated_at: ts }).execute();
      const found = await detectBursts(deps);
      const burst = found.bursts.find((b) => b.topic.startsWith('tron+'));
      assert.ok(burst, found.bursts.map((b) => b.topic).join(', '));
      assert.equal(burst.links.alerts[0]?.id, 'alr_tron');
      assert.deepEqual(burst.links.clusters.map((c) => c.id), ['tcl_tron']);
      assert.equal(burst.links.tickets.count, 1);
      assert.equal(burst.alertId, null);
      assert.equal(found.earlyWarnings, 0);
    });

    test('behavior: the report has sentiment per channel and day and the top complaints by authors', async () => {
      const now = '2026-11-29T09:00:00.000Z';
      const deps = await testDeps(store, now);
      const src = await addSource(deps, { kind: 'webhook', name: 'chat3' });
      await ingestPosts(deps, src, {
        posts: [
          { externalId: 'a', authorId: 'p1', text: 'terrible, my swap failed on ethereum', postedAt: at(now, 60), channel: 'en-help' },
          { externalId: 'b', authorId: 'p2', text: 'el swap en ethereum falló otra vez', postedAt: at(now, 50), channel: 'es-ayuda' },
          { externalId: 'c', authorId: 'p3', text: 'love the app, thanks', postedAt: at(now, 40), channel: 'en-help' },
          { externalId: 'd', authorId: 'p4', text: 'Official Support here, DM me to fix it', authorName: 'OpsDesk Wallet Support', postedAt: at(now, 30), channel: 'en-help' },
        ],
        rejected: [],
      });
      const report = await communityReport(deps, { days: 1 });
      assert.equal(report.posts, 4);
      const en = report.channels.find((c) => c.channel === 'en-help')!;
      assert.equal(en.posts, 3);
      assert.equal(en.days.length, 1);
      assert.equal(report.topComplaints[0]?.topic, 'ethereum+swap+failed');
      assert.equal(report.topComplaints[0]?.authors, 2);
      assert.ok(report.scams.open >= 2);
      const page = await listScams(deps, { kind: 'impersonation' });
      assert.ok(page.items.some((s) => s.evidence === 'OpsDesk Wallet Support' && s.sourceName === 'chat3'));
    });

    test('error: no posts means no bursts and no alerts', async () => {
      const deps = await testDeps(store, '2027-06-01T00:00:00.000Z');
      const found = await detectBursts(deps);
      assert.deepEqual(found.bursts, []);
    });
  });
}

function ticketRow(id: string, at: string) {
  return { id, source: 'api', source_id: id, channel: 'api', requester: null, requester_name: null, tier: 'standard', subject: 'USDT stuck', status: 'new', category: 'tx_stuck_pending', category_confidence: 0.9, severity: 'medium', priority: 'p3', language: 'en', security_flags: '[]', chains: JSON.stringify(['tron']), entities: '{}', reasons: '[]', kb: '[]', redacted_text: 'my USDT send on tron is stuck', model_version: 1, created_at: at, received_at: at, updated_at: at };
}
