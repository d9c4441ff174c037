import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { manualClock, newId, type Clock } from '../../core/index.ts';
import { addChannel, createAlertMailer, sendNotice, type MonitorDeps } from '../../monitor/index.ts';
import type { RelationalStore } from '../../storage/index.ts';
import { startReceivers, type Receivers } from '../../../test/receivers.ts';
import { engines } from '../../../test/stores.ts';
import { parseSlaSettings, runSlaTick, slaNotificationText, startSlaBackground, type SlaTickDeps } from '../index.ts';

const settings = parseSlaSettings({
  calendars: {},
  policies: [{ id: 'urgent', priorities: ['p1'], firstReplyMin: 30, warnAt: 0.5, onWarning: [{ kind: 'notify', target: 'sla-hook' }], onBreach: [{ kind: 'notify', target: 'sla-hook' }, { kind: 'notify', target: 'sla-mail' }] }],
});
const customerText = 'my seed phrase is abandon ability able';

async function insertTicket(store: RelationalStore, createdAt: string): Promise<string> {
  const id = newId('tkt', Date.parse(createdAt));
  await store.db
    .insertInto('tickets')
    .values({
      id, source: 'api', source_id: id, channel: 'email', requester: 'u@example.com', requester_name: null, tier: 'standard', subject: 'Swap failed', status: 'new', category: 'tx_failed', category_confidence: 0.9,
      severity: 'critical', priority: 'p1', language: 'en', security_flags: '[]', chains: '[]', entities: '{}', reasons: '[]', kb: '[]', redacted_text: customerText,
      model_version: 1, created_at: createdAt, received_at: createdAt, updated_at: createdAt,
    })
    .execute();
  await store.db.insertInto('ticket_messages').values({ id: newId('msg', Date.parse(createdAt)), ticket_id: id, source_message_id: '0', author_kind: 'requester', author: null, channel: 'email', body: customerText, attachments: '[]', security_flags: '[]', created_at: createdAt }).execute();
  return id;
}

for (const engine of engines) {
  describe(`scheduled SLA actions on ${engine.name}`, () => {
    let store: RelationalStore;
    let cleanup: () => Promise<void>;
    let rx: Receivers;
    before(async () => {
      ({ store, cleanup } = await engine.open());
      rx = await startReceivers();
    });
    after(async () => {
      await rx.stop();
      await cleanup();
    });

    // The same wiring as `opsdesk serve` (src/main.ts): notify actions go to the alert channel named by their target.
    function replica(clock: Clock): SlaTickDeps & { monitor: MonitorDeps } {
      const mailer = createAlertMailer(rx.smtp, 'OpsDesk <sla@opsdesk.test>')!;
      const monitor: MonitorDeps = { store, clock, config: { flapWindowSec: 900, flapMaxReopens: 3, notifyTimeoutMs: 2000, emailFrom: 'OpsDesk <sla@opsdesk.test>' }, mailer };
      return {
        monitor,
        store,
        clock,
        settings,
        notify: async (n) => {
          const { title, text, link, fields } = slaNotificationText(n, 'https://desk.example.test/');
          await sendNotice(monitor, n.target, { event: `sla.${n.stage}`, title, text, link, fields });
        },
      };
    }

    test('two replicas on one database send each warning and breach once, by webhook and e-mail', async () => {
      const clock = manualClock('2026-12-01T10:00:00.000Z');
      const a = replica(clock);
      const b = replica(clock);
      await addChannel(a.monitor, { name: 'sla-hook', kind: 'webhook', target: `${rx.url}/hook` });
      await addChannel(a.monitor, { name: 'sla-mail', kind: 'email', target: 'leads@wallet.test' });
      const id = await insertTicket(store, '2026-12-01T10:00:00.000Z');
      const tickMs = 60_000;
      const both = async () => Promise.all([runSlaTick(a, 'replica-a', tickMs), runSlaTick(b, 'replica-b', tickMs)]);

      clock.advance(10 * 60_000);
      assert.equal((await both()).filter((r) => r.ran).length, 1, 'one replica per tick');
      assert.equal(rx.hooks.length, 0, 'nothing due yet');

      clock.advance(6 * 60_000); // 16 min of 30: warning (50 %)
      await both();
      assert.equal(rx.hooks.length, 1);
      const warning = rx.hooks[0]!.body;
      assert.equal(warning.event, 'sla.warning');
      assert.match(String(warning.text), new RegExp(`SLA warning: first reply on ticket ${id}.*due 2026-12-01T10:30:00.000Z.*https://desk.example.test/#/queue/${id}`));
      assert.deepEqual((warning.fields as Record<string, string>).metric, 'first_reply');

      for (let i = 0; i < 3; i++) {
        clock.advance(tickMs);
        await both();
      }
      assert.equal(rx.hooks.length, 1, 'a warning is sent once, whatever the number of ticks and replicas');

      clock.advance(15 * 60_000); // 34 min: breached
      await both();
      clock.advance(tickMs);
      await both();
      assert.deepEqual(rx.hooks.map((h) => h.body.event), ['sla.warning', 'sla.breach']);
      for (let i = 0; i < 50 && rx.mails.length < 1; i++) await sleep(20);
      assert.equal(rx.mails.length, 1);
      assert.match(rx.mails[0]!.subject ?? '', new RegExp(`\\[OpsDesk\\] SLA breached: first reply on ticket ${id}`));
      assert.match(rx.mails[0]!.text ?? '', /dueAt: 2026-12-01T10:30:00.000Z/);
      for (const sent of [...rx.hooks.map((h) => JSON.stringify(h.body)), ...rx.mails.map((m) => `${m.subject} ${m.text}`)]) assert.doesNotMatch(sent, /abandon|seed phrase|Swap failed/, 'no customer text in notifications');
      const events = await store.db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', id).where('kind', 'in', ['sla_warning', 'sla_breached']).execute();
      assert.deepEqual(events.map((e) => e.kind).sort(), ['sla_breached', 'sla_warning']);
    });

    test('behavior: the background loops of two replicas run on their interval and stop on shutdown', async () => {
      rx.hooks.length = 0;
      const clock = manualClock('2026-12-02T10:20:00.000Z');
      const id = await insertTicket(store, '2026-12-02T10:00:00.000Z');
      const stops = [startSlaBackground(replica(clock), { workerId: 'loop-a', tickMs: 40 }), startSlaBackground(replica(clock), { workerId: 'loop-b', tickMs: 40 })];
      for (let i = 0; i < 200 && !rx.hooks.some((h) => (h.body.fields as Record<string, string>).ticket === id); i++) await sleep(25);
      await sleep(300);
      await Promise.all(stops.map(async (stop) => stop()));
      assert.deepEqual(rx.hooks.filter((h) => (h.body.fields as Record<string, string>).ticket === id).map((h) => h.body.event), ['sla.warning']);
      const before = rx.hooks.length;
      clock.advance(20 * 60_000);
      await sleep(200);
      assert.equal(rx.hooks.length, before, 'stopped loops send nothing');
    });

    test('error: a notify target without a channel fails that action and leaves the others', async () => {
      const clock = manualClock('2026-12-03T11:00:00.000Z');
      await insertTicket(store, '2026-12-03T10:00:00.000Z');
      const r = replica(clock);
      const out = await runSlaTick({ ...r, settings: parseSlaSettings({ calendars: {}, policies: [{ id: 'x', priorities: ['p1'], firstReplyMin: 30, onBreach: [{ kind: 'notify', target: 'nobody-channel' }, { kind: 'notify', target: 'sla-hook' }] }] }) }, 'replica-c', 60_000);
      const failed = out.report!.actions.filter((x) => !x.ok);
      assert.ok(failed.length >= 1);
      assert.match(failed[0]!.error ?? '', /Channel nobody-channel: no enabled channel has this name/);
      assert.ok(out.report!.actions.some((x) => x.ok && x.action.kind === 'notify' && x.action.target === 'sla-hook'));
    });
  });
}
