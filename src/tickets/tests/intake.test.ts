import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../auth/index.ts';
import { manualClock } from '../../core/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import { tempDir } from '../../../test/tmp.ts';
import {
  correctTriage,
  fromApiBody,
  fromChatWebhook,
  getTicket,
  importTickets,
  ingestTicket,
  listTickets,
  openTriager,
  RetrainRegressionError,
  retrainTriage,
  TicketInputInvalidError,
  TicketNotFoundError,
  type Triager,
} from '../index.ts';

const agent = { kind: 'user', id: 'usr_agent', userId: 'usr_agent', name: 'Agent', role: 'agent' } as const;
let triager: Triager;
before(async () => {
  const tmp = tempDir();
  triager = await openTriager({ dataDir: tmp.dir });
  tmp.remove();
});

for (const engine of engines) {
  describe(`ticket intake [${engine.name}]`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    const clock = manualClock('2026-11-27T09:00:00Z');
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());
    const deps = () => ({ db: store.db, triager, clock });

    test('a message becomes a triaged ticket with its conversation and timeline; reading it is audited', async () => {
      const res = await ingestTicket(deps(), fromApiBody({ externalId: 'ext-1', requester: 'ana@example.com', subject: 'USDT pending', body: 'my usdt transfer on bsc has been pending for 3 hours', platform: 'ios' }));
      assert.equal(res.created, true);
      assert.equal(res.triage?.category, 'tx_stuck_pending');
      const t = await getTicket(store.db, res.ticketId, agent, { requestId: 'req-1' }, clock);
      assert.equal(t.requester, 'ana@example.com');
      assert.equal(t.subject, 'USDT pending');
      assert.equal(t.category, 'tx_stuck_pending');
      assert.equal(t.severity, 'high');
      assert.equal(t.priority, 'p2');
      assert.deepEqual(t.chains, ['bsc']);
      assert.equal(t.entities.platform, 'ios');
      assert.equal(t.messages.length, 1);
      assert.deepEqual(t.events.map((e) => e.kind), ['created', 'triaged', 'acknowledged']);
      assert.ok(t.reasons.some((r) => r.supports === 'category' && r.text === 'pending'));
      const audit = await listAudit(store.db, { targetType: 'ticket', targetId: res.ticketId });
      assert.deepEqual(audit.map((a) => [a.action, a.actorId]), [['ticket.read', 'usr_agent']]);
    });

    test('behavior: re-sending the same source id never duplicates; chat follow-ups join the conversation', async () => {
      const body = { externalId: 'ext-dup', body: 'swap failed and my eth is gone' };
      const a = await ingestTicket(deps(), fromApiBody(body));
      const b = await ingestTicket(deps(), fromApiBody(body));
      assert.equal(b.ticketId, a.ticketId);
      assert.equal(b.created, false);
      const c1 = await ingestTicket(deps(), fromChatWebhook({ conversationId: 'conv-9', messageId: 'm1', text: 'my nft is not showing in collectibles', from: { handle: '@joao' } }));
      const c2 = await ingestTicket(deps(), fromChatWebhook({ conversationId: 'conv-9', messageId: 'm2', text: 'it is a base nft', from: { handle: '@joao' } }));
      const c3 = await ingestTicket(deps(), fromChatWebhook({ conversationId: 'conv-9', messageId: 'm2', text: 'it is a base nft', from: { handle: '@joao' } }));
      assert.equal(c2.ticketId, c1.ticketId);
      assert.deepEqual([c2.messagesAdded, c3.messagesAdded], [1, 0]);
      const t = await getTicket(store.db, c1.ticketId, agent, {}, clock);
      assert.equal(t.category, 'nft');
      assert.equal(t.messages.length, 2);
      assert.equal(t.events.filter((e) => e.kind === 'message_added').length, 1);
      const rows = await store.db.selectFrom('tickets').select('id').where('source_id', 'in', ['ext-dup', 'conv-9']).execute();
      assert.equal(rows.length, 2);
    });

    test('behavior: imports are idempotent and count rejected rows with their line', async () => {
      const csv = 'id,description,email\nc1,card declined at the supermarket,a@example.com\nc2,,b@example.com\nc3,"my ledger does not connect",c@example.com\n';
      const first = await importTickets(deps(), 'csv', csv);
      assert.deepEqual([first.imported, first.duplicates, first.rejected], [2, 0, [{ where: 'line 3', error: 'the body is empty' }]]);
      const again = await importTickets(deps(), 'csv', csv);
      assert.deepEqual([again.imported, again.duplicates], [0, 2]);
      const list = await listTickets(store.db, { category: 'hardware_wallet' });
      assert.ok(list.items.some((t) => t.sourceId === 'c3'));
    });

    test('behavior: an exposed secret makes the ticket critical, p1, with the playbook; nothing of it is stored', async () => {
      const seed = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
      const res = await ingestTicket(deps(), fromApiBody({ body: `hola, mi saldo no aparece, mi frase es ${seed}` }));
      const t = await getTicket(store.db, res.ticketId, agent, {}, clock);
      assert.deepEqual(t.securityFlags, ['secret_exposed']);
      assert.equal(t.severity, 'critical');
      assert.equal(t.priority, 'p1');
      assert.equal(t.kb[0]?.slug, 'seed-phrase-exposed');
      assert.equal(t.language, 'es');
      const ack = t.events.find((e) => e.kind === 'acknowledged')?.detail as { text: string };
      assert.match(ack.text, /mueve tus fondos/);
      assert.ok(!JSON.stringify(t).includes('sausage'));
    });

    test('behavior: agent corrections update the ticket and feed a retrain; a worse retrain is refused', async () => {
      const res = await ingestTicket(deps(), fromApiBody({ body: 'the app shows a weird banner about rewards' }));
      const fixed = await correctTriage(store.db, res.ticketId, { category: 'staking_or_rewards', severity: 'low' }, agent, clock);
      assert.equal(fixed.category, 'staking_or_rewards');
      const t = await getTicket(store.db, res.ticketId, agent, {}, clock);
      assert.equal(t.category, 'staking_or_rewards');
      assert.equal(t.events.at(-1)?.kind, 'triage_corrected');
      const data = tempDir();
      try {
        const report = await retrainTriage(store.db, { dataDir: data.dir, clock });
        assert.equal(report.corrections, 1);
        assert.equal(report.version, 2);
        assert.ok(report.categoryAccuracy >= 0.85);
        // Flood the corrections with wrong labels: the candidate gets worse and is refused.
        for (let i = 0; i < 120; i++) {
          const bad = await ingestTicket(deps(), fromApiBody({ externalId: `bad-${i}`, body: `my usdt is pending for hours on bsc, still pending ${i}` }));
          await correctTriage(store.db, bad.ticketId, { category: 'nft' }, agent, clock);
        }
        await assert.rejects(retrainTriage(store.db, { dataDir: data.dir, clock }), RetrainRegressionError);
        const forced = await retrainTriage(store.db, { dataDir: data.dir, clock, force: true });
        assert.equal(forced.version, 3);
      } finally {
        data.remove();
      }
    });

    test('error: empty, binary and unknown tickets are refused with the problem named', async () => {
      await assert.rejects(ingestTicket(deps(), fromApiBody({ body: '   ' })), (e: unknown) => e instanceof TicketInputInvalidError && /the message body is empty/.test(e.message));
      await assert.rejects(ingestTicket(deps(), fromApiBody({ body: 'abc\u0000\u0001\u0002def' })), /looks like binary data/);
      await assert.rejects(ingestTicket(deps(), fromApiBody({ body: 'x'.repeat(200_001) })), /the limit is 200000/);
      await assert.rejects(getTicket(store.db, 'tkt_nope', agent, {}, clock), TicketNotFoundError);
      await assert.rejects(correctTriage(store.db, 'tkt_nope', { category: 'nft' }, agent, clock), TicketNotFoundError);
    });
  });
}
