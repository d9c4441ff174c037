import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../auth/index.ts';
import { manualClock, newId, type ManualClock } from '../../core/index.ts';
import type { Db, RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import {
  AgentNotFoundError,
  assignCluster,
  assignRoundRobin,
  assignTicket,
  listAgentSkills,
  listQueue,
  parseSlaSettings,
  QueueCursorInvalidError,
  replyToTicket,
  runSlaActions,
  setAgentSkills,
  slaReport,
} from '../index.ts';

async function insertTicket(db: Db, clock: ManualClock, f: { priority: string; category?: string; chains?: string[]; language?: string; createdAt: string; txHash?: string }): Promise<string> {
  const id = newId('tkt', Date.parse(f.createdAt));
  const entities = { txHashes: f.txHash ? [{ value: f.txHash, families: ['evm'] }] : [], addresses: [], tokens: [], amounts: [] };
  await db
    .insertInto('tickets')
    .values({
      id, source: 'api', source_id: id, channel: 'email', requester: 'u@example.com', requester_name: null, tier: 'standard', subject: 's', status: 'new', category: f.category ?? 'tx_failed', category_confidence: 0.9,
      severity: 'high', priority: f.priority, language: f.language ?? 'en', security_flags: '[]', chains: JSON.stringify(f.chains ?? []), entities: JSON.stringify(entities), reasons: '[]', kb: '[]', redacted_text: 'text',
      model_version: 1, created_at: f.createdAt, received_at: f.createdAt, updated_at: f.createdAt,
    })
    .execute();
  await db.insertInto('ticket_messages').values({ id: newId('msg', clock.nowMs()), ticket_id: id, source_message_id: '0', author_kind: 'requester', author: null, channel: 'email', body: 'text', attachments: '[]', security_flags: '[]', created_at: f.createdAt }).execute();
  return id;
}

const settings = parseSlaSettings({
  calendars: {},
  policies: [
    { id: 'p1', priorities: ['p1'], firstReplyMin: 30, resolutionMin: 240, onBreach: [{ kind: 'notify', target: 'team-lead' }, { kind: 'reassign', to: 'round_robin' }] },
    { id: 'p2', priorities: ['p2'], firstReplyMin: 120, resolutionMin: 1440, onBreach: [{ kind: 'reprioritize', priority: 'p1' }] },
    { id: 'rest', firstReplyMin: 480 },
  ],
});

for (const engine of engines) {
  describe(`queue and SLAs on ${engine.name}`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    test('the queue sorts by priority, then SLA time left, then age; filters and pages with a cursor', async () => {
      const clock = manualClock('2026-11-27T12:00:00Z');
      const db = store.db;
      const p2old = await insertTicket(db, clock, { priority: 'p2', createdAt: '2026-11-27T10:30:00.000Z', chains: ['polygon'] });
      const p2new = await insertTicket(db, clock, { priority: 'p2', createdAt: '2026-11-27T11:00:00.000Z', chains: ['bsc'] });
      const p1 = await insertTicket(db, clock, { priority: 'p1', createdAt: '2026-11-27T11:35:00.000Z' });
      const p4 = await insertTicket(db, clock, { priority: 'p4', createdAt: '2026-11-27T08:00:00.000Z', category: 'nft' });
      // Answered p2: its first reply is met, so only resolution (a day) is due; it goes after the unanswered p2s.
      const p2answered = await insertTicket(db, clock, { priority: 'p2', createdAt: '2026-11-27T09:00:00.000Z' });
      await replyToTicket(db, p2answered, { en: 'Looking into it.' }, { clock });
      const all = await listQueue(db, {}, { settings, clock });
      assert.deepEqual(all.items.map((i) => i.id), [p1, p2old, p2new, p2answered, p4]);
      assert.equal(all.items[0]!.sla.state, 'warning');
      assert.equal(all.items[1]!.sla.nextDueAt, '2026-11-27T12:30:00.000Z');
      assert.equal((await listQueue(db, { chain: 'polygon' }, { settings, clock })).items[0]!.id, p2old);
      assert.deepEqual((await listQueue(db, { category: 'nft' }, { settings, clock })).items.map((i) => i.id), [p4]);
      assert.deepEqual((await listQueue(db, { slaState: 'warning' }, { settings, clock })).items.map((i) => i.id), [p1, p2old], 'p2old used 90 of 120 min');
      const first = await listQueue(db, { limit: 2 }, { settings, clock });
      const second = await listQueue(db, { limit: 2, cursor: first.next! }, { settings, clock });
      const third = await listQueue(db, { limit: 2, cursor: second.next! }, { settings, clock });
      assert.deepEqual([...first.items, ...second.items, ...third.items].map((i) => i.id), all.items.map((i) => i.id));
      assert.equal(third.next, null);
      assert.equal(first.total, 5);
    });

    test('behavior: manual and round-robin assignment by skill; assignee and cluster filters', async () => {
      const clock = manualClock('2026-11-28T12:00:00Z');
      const db = store.db;
      const ana = await createUser(db, { email: `ana-${engine.name}@example.test`, role: 'agent', password: 'a-long-test-password' }, null, clock);
      const bea = await createUser(db, { email: `bea-${engine.name}@example.test`, role: 'agent', password: 'a-long-test-password' }, null, clock);
      await createUser(db, { email: `vic-${engine.name}@example.test`, role: 'viewer', password: 'a-long-test-password' }, null, clock);
      await setAgentSkills(db, ana.user.id, ['tx_failed', 'lang:es'], null, clock);
      await setAgentSkills(db, bea.user.id, ['tx_failed', 'lang:es', 'Polygon'], null, clock);
      assert.ok((await listAgentSkills(db)).some((s) => s.userId === bea.user.id && s.skills.includes('polygon')));
      const hash = `0x${'77'.repeat(32)}`;
      const t1 = await insertTicket(db, clock, { priority: 'p3', chains: ['polygon'], language: 'es', createdAt: '2026-11-28T11:00:00.000Z', txHash: hash });
      const t2 = await insertTicket(db, clock, { priority: 'p3', chains: ['bsc'], language: 'es', createdAt: '2026-11-28T11:01:00.000Z', txHash: hash });
      const t3 = await insertTicket(db, clock, { priority: 'p3', chains: ['bsc'], language: 'es', createdAt: '2026-11-28T11:02:00.000Z' });
      const r1 = await assignRoundRobin(db, t1, null, clock);
      assert.deepEqual([r1.assigneeId, r1.matched], [bea.user.id, ['lang:es', 'polygon', 'tx_failed']]);
      clock.advance(1000);
      assert.equal((await assignRoundRobin(db, t2, null, clock)).assigneeId, ana.user.id, 'equal skills: the one assigned longest ago');
      clock.advance(1000);
      assert.equal((await assignRoundRobin(db, t3, null, clock)).assigneeId, bea.user.id);
      await assignTicket(db, t3, ana.user.id, null, clock);
      assert.deepEqual((await listQueue(db, { assignee: ana.user.id }, { settings, clock })).items.map((i) => i.id).sort(), [t2, t3].sort());
      await assignCluster(db, t1, { clock });
      const cluster = (await assignCluster(db, t2, { clock })).clusterId!;
      assert.deepEqual((await listQueue(db, { cluster }, { settings, clock })).items.map((i) => i.id), [t1, t2]);
    });

    test('behavior: breaches run their actions once; the report gives % SLAs met', async () => {
      const clock = manualClock('2026-11-29T12:00:00Z');
      const db = store.db;
      await createUser(db, { email: `oncall-${engine.name}@example.test`, role: 'agent', password: 'a-long-test-password' }, null, clock);
      const late = await insertTicket(db, clock, { priority: 'p2', createdAt: '2026-11-29T09:00:00.000Z' });
      const met = await insertTicket(db, clock, { priority: 'p2', createdAt: '2026-11-29T11:00:00.000Z' });
      await replyToTicket(db, met, { en: 'On it.' }, { clock });
      const first = await runSlaActions(db, { settings, clock });
      assert.ok(first.actions.some((a) => a.ticketId === late && a.action.kind === 'reprioritize' && a.ok));
      const row = await db.selectFrom('tickets').select('priority').where('id', '=', late).executeTakeFirstOrThrow();
      assert.equal(row.priority, 'p1');
      // Now p1: its own first-reply target (30 min) is breached too → notify and re-assign, once.
      const second = await runSlaActions(db, { settings, clock });
      assert.ok(second.notifications.some((n) => n.ticketId === late && n.target === 'team-lead'));
      assert.ok(second.actions.some((a) => a.ticketId === late && a.action.kind === 'reassign' && a.ok));
      const third = await runSlaActions(db, { settings, clock });
      assert.equal(third.actions.filter((a) => a.ticketId === late).length, 0);
      const report = await slaReport(db, { from: '2026-11-29T00:00:00Z', to: '2026-11-30T00:00:00Z' }, { settings, clock });
      assert.equal(report.tickets, 2);
      assert.deepEqual([report.byMetric.first_reply.met, report.byMetric.first_reply.breached, report.byMetric.first_reply.percentMet], [1, 1, 50]);
    });

    test('error: unknown agents and bad cursors are refused', async () => {
      const clock = manualClock('2026-11-30T12:00:00Z');
      const t = await insertTicket(store.db, clock, { priority: 'p3', createdAt: '2026-11-30T11:00:00.000Z' });
      await assert.rejects(assignTicket(store.db, t, 'usr_nobody', null, clock), AgentNotFoundError);
      await assert.rejects(listQueue(store.db, { cursor: 'not-a-cursor' }, { settings, clock }), QueueCursorInvalidError);
    });
  });
}
