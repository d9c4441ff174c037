import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, newId, type ManualClock } from '../../core/index.ts';
import type { Db, RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import {
  assignCluster,
  ClusterChangeInvalidError,
  ClusterNotFoundError,
  getCluster,
  listClusters,
  listClusterSpikes,
  mergeClusters,
  recomputeClusters,
  replyToCluster,
  splitCluster,
} from '../index.ts';

const agent = { kind: 'user', id: 'usr_lead', userId: 'usr_lead', name: 'Lead', role: 'agent' } as const;

interface Fixture {
  requester?: string;
  requesterName?: string;
  category?: string;
  chains?: string[];
  text: string;
  txHashes?: string[];
  addresses?: string[];
  tokens?: string[];
  platform?: string;
  appVersion?: string;
  language?: string;
  createdAt?: string;
}

async function insertTicket(db: Db, clock: ManualClock, f: Fixture): Promise<string> {
  const id = newId('tkt', clock.nowMs());
  const at = f.createdAt ?? clock.now().toISOString();
  const entities = {
    txHashes: (f.txHashes ?? []).map((value) => ({ value, families: ['evm'] })),
    addresses: (f.addresses ?? []).map((value) => ({ value, chains: f.chains ?? [] })),
    tokens: f.tokens ?? [],
    amounts: [],
    ...(f.platform ? { platform: f.platform } : {}),
    ...(f.appVersion ? { appVersion: f.appVersion } : {}),
  };
  await db
    .insertInto('tickets')
    .values({
      id, source: 'api', source_id: id, channel: 'email', requester: f.requester ?? null, requester_name: f.requesterName ?? null, tier: 'standard', subject: f.text.slice(0, 60), status: 'new',
      category: f.category ?? 'swap_or_bridge_failure', category_confidence: 0.9, severity: 'high', priority: 'p2', language: f.language ?? 'en', security_flags: '[]', chains: JSON.stringify(f.chains ?? []),
      entities: JSON.stringify(entities), reasons: '[]', kb: '[]', redacted_text: f.text, model_version: 1, created_at: at, received_at: at, updated_at: at,
    })
    .execute();
  await db.insertInto('ticket_messages').values({ id: newId('msg', clock.nowMs()), ticket_id: id, source_message_id: '0', author_kind: 'requester', author: f.requester ?? null, channel: 'email', body: f.text, attachments: '[]', security_flags: '[]', created_at: at }).execute();
  return id;
}

const hash = `0x${'ab'.repeat(32)}`;

for (const engine of engines) {
  describe(`clusters on ${engine.name}`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('tickets with the same tx hash, the same symptom on the same build, or near-duplicate text share a cluster', async () => {
      const clock = manualClock('2026-11-27T08:00:00Z');
      const db = store.db;
      const a = await insertTicket(db, clock, { text: `my swap on polygon failed ${hash}`, txHashes: [hash], chains: ['polygon'], tokens: ['USDT'], platform: 'android', appVersion: '9.2.0' });
      assert.equal((await assignCluster(db, a, { clock })).clusterId, null, 'alone, no cluster');
      clock.advance(60_000);
      const b = await insertTicket(db, clock, { text: `swap error, tx ${hash.toUpperCase().replace('0X', '0x')}`, txHashes: [hash.toUpperCase().replace('0X', '0x')], category: 'tx_failed' });
      const rb = await assignCluster(db, b, { clock });
      assert.equal(rb.reason, 'tx_hash');
      assert.ok(rb.createdCluster && rb.clusterId);
      clock.advance(60_000);
      const c = await insertTicket(db, clock, { text: 'cannot swap usdt to matic, spinner forever', chains: ['polygon'], tokens: ['USDT'], platform: 'android', appVersion: '9.2.3' });
      const rc = await assignCluster(db, c, { clock });
      assert.deepEqual([rc.clusterId, rc.reason, rc.createdCluster], [rb.clusterId, 'signature', false]);
      const other = await insertTicket(db, clock, { text: 'how do I stake TRX for energy?', category: 'staking_or_rewards', chains: ['tron'], appVersion: '9.2.3', platform: 'android' });
      assert.equal((await assignCluster(db, other, { clock })).clusterId, null);
      // Spanish and Portuguese near-duplicates, accents folded.
      const d = await insertTicket(db, clock, { category: 'app_bug_crash_ui', language: 'pt', text: 'O aplicativo fecha sozinho quando abro a aba de NFTs depois da atualização de ontem' });
      const e = await insertTicket(db, clock, { category: 'app_bug_crash_ui', language: 'pt', text: 'o aplicativo fecha sozinho quando abro a aba de NFTs depois da atualizacao de ontem!!' });
      await assignCluster(db, d, { clock });
      const re = await assignCluster(db, e, { clock });
      assert.equal(re.reason, 'text');
      assert.ok((re.score ?? 0) >= 0.8);
      const view = await getCluster(db, rb.clusterId!);
      assert.deepEqual(view.members.map((m) => m.ticketId), [a, b, c]);
      assert.equal(view.title, 'swap_or_bridge_failure · polygon · USDT · android 9.2');
      assert.equal(view.openTicketCount, 3);
      const page = await listClusters(db, { status: 'open', limit: 1 });
      assert.equal(page.items.length, 1);
      assert.ok(page.next);
      const page2 = await listClusters(db, { status: 'open', limit: 1, cursor: page.next! });
      assert.notEqual(page2.items[0]!.id, page.items[0]!.id);
    });

    test('behavior: agents merge and split; a recompute keeps their decisions', async () => {
      const clock = manualClock('2026-11-27T09:00:00Z');
      const db = store.db;
      const addr = '0x1111111111111111111111111111111111111111';
      const t1 = await insertTicket(db, clock, { category: 'funds_missing_or_not_shown', text: `usdt not showing ${addr}`, addresses: [addr] });
      const t2 = await insertTicket(db, clock, { category: 'funds_missing_or_not_shown', text: `balance missing ${addr}`, addresses: [addr] });
      const t3 = await insertTicket(db, clock, { category: 'dapp_connection', text: 'walletconnect keeps disconnecting from uniswap on base', chains: ['base'], appVersion: '9.3.0' });
      const t4 = await insertTicket(db, clock, { category: 'dapp_connection', text: 'walletconnect disconnecting from pancakeswap on base all the time', chains: ['base'], appVersion: '9.3.1' });
      await assignCluster(db, t1, { clock });
      const x = (await assignCluster(db, t2, { clock })).clusterId!;
      await assignCluster(db, t3, { clock });
      const y = (await assignCluster(db, t4, { clock })).clusterId!;
      assert.notEqual(x, y);
      const merged = await mergeClusters(db, x, [y], agent, clock);
      assert.equal(merged.moved, 2);
      assert.equal((await getCluster(db, y)).status, 'merged');
      assert.equal((await getCluster(db, y)).mergedInto, x);
      assert.equal((await getCluster(db, x)).ticketCount, 4);
      const split = await splitCluster(db, x, [t3, t4], agent, clock);
      assert.deepEqual((await getCluster(db, split.newClusterId)).members.map((m) => m.ticketId).sort(), [t3, t4].sort());
      const before = (await getCluster(db, x)).members.map((m) => m.ticketId).sort();
      await recomputeClusters(db, { clock });
      assert.deepEqual((await getCluster(db, x)).members.map((m) => m.ticketId).sort(), before);
      assert.equal((await getCluster(db, split.newClusterId)).ticketCount, 2);
      const events = await db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', t3).execute();
      assert.ok(events.some((e) => e.kind === 'cluster_merged') && events.some((e) => e.kind === 'cluster_split'));
    });

    test('behavior: a wrong merge exposes no requester to another: cluster views hold triage fields only, replies are rendered per ticket', async () => {
      const clock = manualClock('2026-11-27T10:00:00Z');
      const db = store.db;
      const ana = await insertTicket(db, clock, { requester: 'ana.secreta@example.com', requesterName: 'Ana Souza', language: 'pt', text: 'Meu swap de USDT na polygon falhou, moro na Rua das Flores 12', chains: ['polygon'], tokens: ['USDT'], platform: 'ios', appVersion: '9.4.0' });
      const bob = await insertTicket(db, clock, { requester: 'bob.private@example.com', requesterName: 'Bob Stone', language: 'en', text: 'cannot bridge to arbitrum, my phone is +1 555 0100', category: 'swap_or_bridge_failure', chains: ['arbitrum'], tokens: ['ETH'], platform: 'ios', appVersion: '9.4.0' });
      const dup = await insertTicket(db, clock, { requesterName: 'Carla', language: 'es', text: 'el swap de USDT en polygon falla', chains: ['polygon'], tokens: ['USDT'], platform: 'ios', appVersion: '9.4.1' });
      await assignCluster(db, ana, { clock });
      const cl = (await assignCluster(db, dup, { clock })).clusterId!;
      const a2 = await insertTicket(db, clock, { language: 'en', text: 'bridge to arbitrum stuck', chains: ['arbitrum'], tokens: ['ETH'], platform: 'ios', appVersion: '9.4.2' });
      await assignCluster(db, bob, { clock });
      const wrong = (await assignCluster(db, a2, { clock })).clusterId!;
      await mergeClusters(db, cl, [wrong], agent, clock);
      const view = JSON.stringify(await getCluster(db, cl));
      for (const secret of ['ana.secreta', 'Ana', 'Souza', 'Rua das Flores', 'bob.private', 'Bob', '555 0100', 'Carla', 'falhou']) assert.ok(!view.includes(secret), `cluster view leaks ${secret}`);
      const list = JSON.stringify(await listClusters(db, {}));
      assert.ok(!list.includes('Ana') && !list.includes('bob.private'));
      const res = await replyToCluster(db, cl, { macro: 'known-problem' }, { clock, actor: agent });
      assert.equal(res.sent, 4);
      const bodies = async (id: string) => (await db.selectFrom('ticket_messages').select('body').where('ticket_id', '=', id).where('author_kind', '=', 'agent').execute()).map((m) => m.body).join('\n');
      const toAna = await bodies(ana);
      const toBob = await bodies(bob);
      assert.match(toAna, /^Olá, Ana,/);
      assert.match(toBob, /^Hi Bob,/);
      assert.match(await bodies(dup), /^Hola, Carla:/);
      for (const other of ['Bob', 'Carla', 'arbitrum', 'Stone']) assert.ok(!toAna.includes(other), `Ana's reply mentions ${other}`);
      for (const other of ['Ana', 'Carla', 'polygon', 'Souza']) assert.ok(!toBob.includes(other), `Bob's reply mentions ${other}`);
      const fixed = await replyToCluster(db, cl, { macro: 'problem-fixed', status: 'solved' }, { clock });
      assert.equal(fixed.sent, 4);
      assert.equal((await getCluster(db, cl)).status, 'solved');
      assert.equal((await db.selectFrom('tickets').select('status').where('id', '=', ana).executeTakeFirstOrThrow()).status, 'solved');
    });

    test('behavior: a cluster growing far above its own baseline raises one spike per window', async () => {
      const clock = manualClock('2026-11-27T11:00:00Z');
      const db = store.db;
      const options = { spikeWindowSec: 3600, spikeBaselineWindows: 24, spikeMinCount: 5, spikeMinRatio: 3 };
      const first = await insertTicket(db, clock, { text: 'swap failing on polygon', chains: ['polygon'], tokens: ['POL'], platform: 'android', appVersion: '9.2.0', createdAt: '2026-11-27T02:00:00.000Z' });
      await assignCluster(db, first, { clock, options });
      const ids: string[] = [];
      let spike = null;
      for (let i = 0; i < 6; i++) {
        clock.advance(5 * 60_000);
        const id = await insertTicket(db, clock, { text: `swap failing on polygon again ${i}`, chains: ['polygon'], tokens: ['POL'], platform: 'android', appVersion: '9.2.1' });
        ids.push(id);
        spike = (await assignCluster(db, id, { clock, options })).spike;
        if (i < 4) assert.equal(spike, null, `no spike with ${i + 1} tickets in the window`);
      }
      assert.ok(spike);
      assert.equal(spike.count, 6);
      assert.equal(spike.title, 'swap_or_bridge_failure · polygon · POL · android 9.2');
      const spikes = await listClusterSpikes(db, { since: '2026-11-27T00:00:00.000Z' });
      assert.equal(spikes.filter((s) => s.clusterId === spike.clusterId).length, 1, 'the window is recorded once, with the latest count');
    });

    test('error: unknown clusters, tickets outside the cluster and empty merges are refused', async () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      const db = store.db;
      await assert.rejects(getCluster(db, 'tcl_nope'), ClusterNotFoundError);
      await assert.rejects(mergeClusters(db, 'tcl_nope', ['tcl_other'], agent, clock), ClusterNotFoundError);
      const t1 = await insertTicket(db, clock, { text: `x ${hash}`, txHashes: [`0x${'cd'.repeat(32)}`] });
      const t2 = await insertTicket(db, clock, { text: `y ${hash}`, txHashes: [`0x${'cd'.repeat(32)}`] });
      await assignCluster(db, t1, { clock });
      const id = (await assignCluster(db, t2, { clock })).clusterId!;
      await assert.rejects(mergeClusters(db, id, [id], agent, clock), ClusterChangeInvalidError);
      await assert.rejects(splitCluster(db, id, ['tkt_elsewhere'], agent, clock), /tkt_elsewhere is not in cluster/);
      await assert.rejects(splitCluster(db, id, [t1, t2], agent, clock), /every ticket of the cluster would move/);
    });
  });
}
