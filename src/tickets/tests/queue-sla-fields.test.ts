import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, newId } from '../../core/index.ts';
import type { Db, RelationalStore } from '../../storage/index.ts';
import { engines } from '../../../test/stores.ts';
import {
  correctTriage,
  defaultSlaSettings,
  evaluateSla,
  listQueue,
  parseSlaSettings,
  refreshTicketSla,
  replyToTicket,
  slaStateAt,
  slaStates,
  storedSlaOf,
  type SlaSettings,
  type SlaTimeline,
} from '../index.ts';
import { loadSlaTimelines } from '../sla/ticket-sla.ts';
import { urgencyOf } from '../sla/refresh-sla.ts';
import { listQueueInMemory } from './queue-reference.ts';
import { mulberry32 } from '../../demo/telemetry/random.ts';


// Odd fractions and fractional minutes: due and warning instants fall between milliseconds.
const oddSettings = parseSlaSettings({
  calendars: { shifts: { timeZone: 'Asia/Kolkata', periods: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ start: '09:30', end: '13:15' }, { start: '14:00', end: '18:45' }]])), holidays: ['2026-11-26'] } },
  policies: [
    { id: 'urgent', priorities: ['p1'], firstReplyMin: 7.33333, nextReplyMin: 11.11111, resolutionMin: 95.70001, warnAt: 0.3333333 },
    { id: 'chat', channels: ['chat'], calendar: 'shifts', firstReplyMin: 13.000007, nextReplyMin: 29.9, warnAt: 0.7777777 },
    { id: 'slow', priorities: ['p3'], calendar: 'shifts', resolutionMin: 600 },
  ],
});

const statuses = ['open', 'pending', 'open', 'solved', 'pending', 'closed', 'new'];
const categories = ['tx_failed', 'nft', 'bridge'];

interface Generated {
  timelines: SlaTimeline[];
  category: Map<string, string>;
  lastMs: number;
}

async function generate(db: Db, seed: number, n: number): Promise<Generated> {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const base = Date.parse('2026-11-23T10:00:00.000Z');
  const timelines: SlaTimeline[] = [];
  const category = new Map<string, string>();
  let lastMs = base;
  for (let i = 0; i < n; i++) {
    const createdMs = base + Math.floor(rand() * 3 * 86_400_000);
    const id = newId('tkt', createdMs);
    const t: SlaTimeline = { ticketId: id, priority: pick(['p1', 'p2', 'p3', 'p4']), channel: pick(['email', 'chat']), tier: 'standard', createdAt: new Date(createdMs).toISOString(), status: 'new', events: [] };
    let at = createdMs;
    const messages: Array<{ at: string; kind: 'requester' | 'agent' }> = [{ at: t.createdAt, kind: 'requester' }];
    const changes: Array<{ at: string; from: string; to: string }> = [];
    for (let k = Math.floor(rand() * 7); k > 0; k--) {
      at += Math.floor(rand() * 8 * 3_600_000) + 1;
      const iso = new Date(at).toISOString();
      const r = rand();
      if (r < 0.35) messages.push({ at: iso, kind: 'requester' });
      else if (r < 0.7) messages.push({ at: iso, kind: 'agent' });
      else {
        const to = pick(statuses);
        changes.push({ at: iso, from: t.status, to });
        t.status = to;
      }
    }
    lastMs = Math.max(lastMs, at);
    for (const m of messages) t.events.push({ at: m.at, kind: m.kind === 'requester' ? 'requester_message' : 'agent_reply' });
    for (const c of changes) t.events.push({ at: c.at, kind: 'status', status: c.to });
    const cat = pick(categories);
    category.set(id, cat);
    await db
      .insertInto('tickets')
      .values({
        id, source: 'api', source_id: id, channel: t.channel, requester: null, requester_name: null, tier: 'standard', subject: `ticket ${i}`, status: t.status, category: cat, category_confidence: 0.9,
        severity: pick(['low', 'high']), priority: t.priority, language: 'en', security_flags: '[]', chains: JSON.stringify([pick(['polygon', 'bsc'])]), entities: '{}', reasons: '[]', kb: '[]', redacted_text: 'text',
        model_version: 1, created_at: t.createdAt, received_at: t.createdAt, updated_at: t.createdAt,
      })
      .execute();
    for (const [j, m] of messages.entries()) {
      await db.insertInto('ticket_messages').values({ id: newId('msg', Date.parse(m.at)), ticket_id: id, source_message_id: String(j), author_kind: m.kind, author: null, channel: t.channel, body: 'text', attachments: '[]', security_flags: '[]', created_at: m.at }).execute();
    }
    for (const c of changes) {
      await db.insertInto('ticket_events').values({ id: newId('tev', Date.parse(c.at)), ticket_id: id, at: c.at, kind: 'status_changed', actor: null, detail: JSON.stringify({ from: c.from, to: c.to }) }).execute();
    }
    timelines.push(t);
  }
  return { timelines, category, lastMs };
}

for (const engine of engines) {
  describe(`stored SLA fields on ${engine.name}`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ store, cleanup } = await engine.open());
    });
    after(async () => cleanup());

    for (const [name, settings, seed] of [['default', defaultSlaSettings, 20261127], ['odd', oddSettings, 7]] as Array<[string, SlaSettings, number]>) {
      test(`the stored fields give what a fresh evaluateSla gives, at any later time (${name} policies, seed ${seed})`, async () => {
        await store.db.deleteFrom('tickets').execute();
        const { timelines, lastMs } = await generate(store.db, seed, 120);
        const writtenAt = lastMs + 1;
        await refreshTicketSla(store.db, timelines.map((t) => t.ticketId), { settings });
        const rand = mulberry32(seed + 1);
        const times = [writtenAt, writtenAt + 60_000, writtenAt + 3_600_000, writtenAt + 86_400_000, writtenAt + 10 * 86_400_000, ...Array.from({ length: 12 }, () => writtenAt + Math.floor(rand() * 4 * 86_400_000))];
        const seen = new Set<string>();
        for (const nowMs of times) {
          const rows = await store.db.selectFrom('tickets as t').select(['t.id', 't.priority', 't.sla_due_at', 't.sla_policy', 't.sla_urgency']).select(slaStateAt(nowMs).as('state')).execute();
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const t of timelines) {
            const fresh = evaluateSla(settings, t, nowMs);
            const row = byId.get(t.ticketId)!;
            const where = `ticket ${t.ticketId} at ${new Date(nowMs).toISOString()} (seed ${seed})`;
            assert.equal(row.state, fresh.state, `state of ${where}`);
            assert.equal(row.sla_due_at, fresh.nextDueAt, `next due of ${where}`);
            assert.equal(row.sla_policy, fresh.policy, `policy of ${where}`);
            assert.equal(Number(row.sla_urgency), urgencyOf(t.priority, fresh.nextDueAt), `urgency of ${where}`);
            seen.add(fresh.state);
          }
        }
        // Exactly at, and 1 ms before, each stored warning and due instant still ahead (they fall between ms with the odd policies).
        const stored = await store.db.selectFrom('tickets').select(['id', 'sla_warn_ms', 'sla_due_ms']).execute();
        const byTicket = new Map(timelines.map((t) => [t.ticketId, t]));
        let edges = 0;
        for (const r of stored) {
          for (const edge of [r.sla_warn_ms, r.sla_due_ms].filter((x) => x != null).map(Number)) {
            // Before the last event the fields describe a future the timeline has not reached.
            const own = byTicket.get(r.id)!;
            const ownLastMs = Math.max(Date.parse(own.createdAt), ...own.events.map((e) => Date.parse(e.at)));
            for (const nowMs of [edge - 1, edge].filter((ms) => ms >= ownLastMs)) {
              edges++;
              const row = await store.db.selectFrom('tickets as t').select(slaStateAt(nowMs).as('state')).where('t.id', '=', r.id).executeTakeFirstOrThrow();
              assert.equal(row.state, evaluateSla(settings, byTicket.get(r.id)!, nowMs).state, `state of ${r.id} at ${nowMs} (edge ${edge}, seed ${seed})`);
            }
          }
        }
        assert.ok(edges > 100, `only ${edges} edge instants checked`);
        // The random set must reach the interesting states, or the test proves little.
        for (const s of ['breached', 'warning', 'paused', 'active', 'met']) assert.ok(seen.has(s), `no ticket was ${s}; seen ${[...seen].join(', ')}`);
      });
    }

    test('the SQL queue filters, orders, counts and pages like the in-memory queue it replaced', async () => {
      await store.db.deleteFrom('tickets').execute();
      const settings = oddSettings;
      const { lastMs } = await generate(store.db, 99, 150);
      const clock = manualClock(new Date(lastMs + 5 * 3_600_000));
      const filters = [{}, { status: ['new', 'open', 'pending', 'solved', 'closed'] }, { category: 'nft' }, { severity: 'high' }, { chain: 'polygon' }, { priority: 'p1' }, ...slaStates.map((s) => ({ slaState: s })), { category: 'bridge', slaState: 'breached' as const }];
      for (const filter of filters) {
        const want = await listQueueInMemory(store.db, { ...filter, limit: 500 }, settings, clock.nowMs());
        const got: Array<{ id: string; state: string; nextDueAt: string | null }> = [];
        let cursor: string | undefined;
        let total = -1;
        do {
          const page = await listQueue(store.db, { ...filter, limit: 7, ...(cursor ? { cursor } : {}) }, { settings, clock });
          got.push(...page.items.map((i) => ({ id: i.id, state: i.sla.state, nextDueAt: i.sla.nextDueAt })));
          total = page.total;
          cursor = page.next ?? undefined;
        } while (cursor);
        assert.deepEqual(got, want.items, `filter ${JSON.stringify(filter)}`);
        assert.equal(total, want.total, `total of ${JSON.stringify(filter)}`);
      }
    });

    test('behavior: replies, status changes and priority changes keep the stored fields fresh', async () => {
      await store.db.deleteFrom('tickets').execute();
      const { timelines, lastMs } = await generate(store.db, 5, 3);
      const clock = manualClock(new Date(lastMs + 60_000));
      const id = timelines[0]!.ticketId;
      await store.db.updateTable('tickets').set({ status: 'open', priority: 'p3', severity: 'medium' }).where('id', '=', id).execute();
      const expect = async (why: string) => {
        const row = await store.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const fresh = storedSlaOf(defaultSlaSettings, (await loadSlaTimelines(store.db, [id])).get(id)!);
        assert.deepEqual({ state: row.sla_state, due: row.sla_due_at, metric: row.sla_due_metric, dueMs: row.sla_due_ms == null ? null : Number(row.sla_due_ms), warnMs: row.sla_warn_ms == null ? null : Number(row.sla_warn_ms), urgency: Number(row.sla_urgency), fp: row.sla_fp }, { state: fresh.sla_state, due: fresh.sla_due_at, metric: fresh.sla_due_metric, dueMs: fresh.sla_due_ms, warnMs: fresh.sla_warn_ms, urgency: fresh.sla_urgency, fp: fresh.sla_fp }, why);
        return row;
      };
      await replyToTicket(store.db, id, { en: 'Could you send the transaction hash?' }, { clock, status: 'pending' });
      assert.equal((await expect('after a reply that waits on the user')).sla_state, 'paused');
      clock.advance(3_600_000);
      await replyToTicket(store.db, id, { en: 'We are on it.' }, { clock, status: 'open' });
      const resumed = await expect('after resuming');
      assert.notEqual(resumed.sla_state, 'paused');
      clock.advance(60_000);
      await correctTriage(store.db, id, { severity: 'critical' }, null, clock);
      const raised = await expect('after a priority change');
      assert.ok(Number(raised.sla_urgency) < Number(resumed.sla_urgency), 'a higher priority sorts first');
      clock.advance(60_000);
      await replyToTicket(store.db, id, { en: 'Solved.' }, { clock, status: 'solved' });
      assert.ok(['met', 'breached'].includes((await expect('after solving')).sla_state ?? ''));
    });
  });
}
